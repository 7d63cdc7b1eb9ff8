#!/usr/bin/env node
// The comparison page's time (issue 22: ≤ 1 s for 20 regions): compareRegions + renderComparison of 20 synthetic
// regions with six indicators each (value, growth, rank in every cell, the ranked growth chart), in one process from
// the built tree (npm run build): the first run (fonts, chart.js and pdfmake loaded) and 9 warm runs.
const dist = new URL('../dist', import.meta.url).pathname;
const { compareRegions } = await import(`${dist}/compare/compareRegions.js`);
const { renderComparison } = await import(`${dist}/compare/renderComparison.js`);
const indicators = ['gdp', 'general_budget_revenue', 'fixed_asset_investment', 'retail_sales', 'grain_output', 'urban_jobs'];
const summaries = Array.from({ length: 20 }, (_, index) => ({
  region: { name: `第${index + 1}测试县`, code: String(140401 + index), parent: '长治市' },
  reviewYear: 2025,
  figures: indicators.map((indicator) => ({ label: indicator, valueText: '1234.5', value: 1234.5 + index, unit: '亿元', growthPct: index / 2 - 3, kind: 'actual', year: 2025, quote: '1234.5亿元', indicator })),
}));
const times = [];
for (let run = 0; run < 10; run += 1) {
  const start = performance.now();
  const page = await renderComparison(compareRegions(summaries), { creationDate: new Date(0) });
  times.push(performance.now() - start);
  if (page.pages !== 1) throw new Error(`20 regions took ${page.pages} pages`);
}
const warm = times.slice(1).sort((a, b) => a - b);
console.log(JSON.stringify({ regions: 20, firstMs: Math.round(times[0]), warmMedianMs: Math.round(warm[Math.floor(warm.length / 2)]), warmMaxMs: Math.round(warm.at(-1)) }));

// The regions side by side: values normalised within their unit family, ranks, empty cells, the CSV Excel opens, and
// the comparison page of 四川's 18 cities from ../shared/corpus (read from there, never copied; skipped when absent).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { compareRegions, rankedGrowth } from '../../src/compare/compareRegions.js';
import { compareSession } from '../../src/compare/compareSession.js';
import { comparisonCsv } from '../../src/compare/comparisonCsv.js';
import { renderComparison } from '../../src/compare/renderComparison.js';
import type { BriefingSummary, Figure } from '../../src/summary/schema.js';
import { pageCount, text } from '../helpers/pdfTools.js';
import { ROOT } from '../helpers/samples.js';

function summary(name: string, code: string, figures: Partial<Figure>[]): BriefingSummary {
  return {
    schemaVersion: 1,
    id: code,
    source: { file: `${name}.txt`, sha256: 'a'.repeat(64), encoding: 'utf-8', kind: 'work_report' },
    region: { name, code, parent: '长治市', level: 'county' },
    session: {},
    reviewYear: 2025,
    title: '政府工作报告',
    figures: figures.map(
      (figure) =>
        ({
          label: '地区生产总值',
          valueText: String(figure.value),
          value: 0,
          unit: '亿元',
          kind: 'actual',
          year: 2025,
          quote: `地区生产总值${figure.value}${figure.unit ?? '亿元'}`,
          indicator: 'gdp',
          ...figure,
        }) as Figure,
    ),
    highlights: [],
    targets: [],
    keywords: [],
    warnings: [],
  };
}

const regions = [
  summary('沁源县', '140431', [{ value: 3000000, unit: '万元', growthPct: 5.1 }]),
  summary('屯留区', '140405', [
    { value: 280.5, growthPct: 6.2 },
    { label: '城镇调查失业率', value: 5.1, unit: '%', indicator: 'unemployment_rate' },
  ]),
  summary('沁水县', '140521', [
    { value: 426.8, growthPct: 11.3 },
    { value: 50, unit: '亿元', year: 2024, growthPct: 1 },
  ]),
  summary('襄垣县', '140423', [
    { label: '一般公共预算收入', value: 40, unit: '亿元', indicator: 'general_budget_revenue' },
  ]),
];

describe('compareRegions', () => {
  const comparison = compareRegions(regions);

  it('normalises 万元 to the 亿元 most regions write, ranks the values, and leaves a cell empty where a region gives nothing', () => {
    expect(comparison.columns.map((column) => [column.indicator, column.unit, column.reported])).toEqual([
      ['gdp', '亿元', 3],
      ['general_budget_revenue', '亿元', 1],
      ['unemployment_rate', '%', 1],
    ]);
    expect(comparison.cells.map((row) => row[0] && [row[0].value, row[0].growthPct, row[0].rank])).toEqual([
      [300, 5.1, 2],
      [280.5, 6.2, 3],
      [426.8, 11.3, 1],
      null,
    ]);
    expect(comparison.cells[0]![0]!.valueAsWritten).toBe('3000000万元');
    expect(comparison.cells[3]![1]).toMatchObject({ value: 40, rank: 1, quote: '地区生产总值40亿元' });
    // Each cell names its figure in its region's summary, for the review page (#<code>/figure/<index>).
    expect(comparison.cells[2]![0]).toMatchObject({ value: 426.8, figure: 0 });
    expect(comparison.cells[1]![2]).toMatchObject({ value: 5.1, figure: 1 });
    for (const [row, cells] of comparison.cells.entries())
      for (const cell of cells) if (cell) expect(regions[row]!.figures[cell.figure]!.quote).toBe(cell.quote);
  });

  it('ranks the growth rates for the chart, largest first', () => {
    expect(rankedGrowth(comparison, 0)).toEqual([
      { region: '沁水县', growthPct: 11.3 },
      { region: '屯留区', growthPct: 6.2 },
      { region: '沁源县', growthPct: 5.1 },
    ]);
  });

  it('writes a CSV Excel opens in Chinese: BOM, CRLF, an empty field where a region gives nothing', () => {
    const csv = comparisonCsv(comparison);
    expect(
      csv.startsWith(
        '\uFEFF地区,区划代码,年份,地区生产总值（亿元）,地区生产总值增速（%）,地区生产总值排名,地区生产总值年份,地区生产总值原文,',
      ),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(regions.length + 2);
    expect(lines[1]).toBe('沁源县,140431,2025,300,5.1,2,2025,地区生产总值3000000万元,,,,,,,,,,');
    expect(lines[4]).toBe('襄垣县,140423,2025,,,,,,40,,1,2025,地区生产总值40亿元,,,,,');
  });
});

describe('one year per table', () => {
  // 绵阳's report of 2025 reviews 2024 while the others review 2023: its figures are marked, never silently mixed.
  const later = { ...summary('潞城区', '140406', [{ value: 500, year: 2026, growthPct: 9.9 }]), reviewYear: 2026 };
  const mixed = compareRegions([...regions, later]);

  it('compares the year most regions review, and marks a region whose figure is of another year, unranked and not charted', () => {
    expect(mixed.year).toBe(2025);
    const gdp = mixed.cells.map((row) => row[0]);
    expect(gdp[4]).toMatchObject({ value: 500, year: 2026, growthPct: 9.9 });
    expect(gdp[4]!.rank).toBeUndefined();
    expect(gdp.slice(0, 3).map((cell) => [cell!.year, cell!.rank])).toEqual([
      [undefined, 2],
      [undefined, 3],
      [undefined, 1],
    ]);
    expect(rankedGrowth(mixed, 0).map((entry) => entry.region)).toEqual(['沁水县', '屯留区', '沁源县']);
    expect(comparisonCsv(mixed).split('\r\n')[5]).toMatch(/^潞城区,140406,2026,500,9.9,,2026,/);
  });

  it("takes a region's figure of the table's year when its report gives one, though it reviews another year", () => {
    const both = {
      ...summary('平顺县', '140425', [
        { value: 80, year: 2025 },
        { value: 90, year: 2026 },
      ]),
      reviewYear: 2026,
    };
    const comparison = compareRegions([...regions, both]);
    expect(comparison.cells[4]![0]).toMatchObject({ value: 80, rank: 4 });
    expect(comparison.cells[4]![0]!.year).toBeUndefined();
  });

  it('shows the other year on the page, beside the value', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-compare-years-'));
    const page = await renderComparison(mixed, { creationDate: new Date(0) });
    writeFileSync(join(folder, 'mixed.pdf'), page.pdf);
    const shown = text(join(folder, 'mixed.pdf'));
    expect(shown).toContain('2025年数据（标有年份者为该地区报告所述的另一年，不参与排名）');
    expect(shown).toMatch(/500\s+2026年 · ▲9\.9%/);
  });
});

describe('renderComparison', () => {
  const indicators = [
    'gdp',
    'general_budget_revenue',
    'fixed_asset_investment',
    'retail_sales',
    'grain_output',
    'urban_jobs',
  ];
  /** `count` regions with six full indicators each: two lines in every cell, a bar for every region. */
  const many = (count: number): BriefingSummary[] =>
    Array.from({ length: count }, (_, index) =>
      summary(
        `第${index + 1}测试县`,
        String(140400 + index + 1),
        indicators.map((indicator) => ({
          label: indicator,
          value: 1234.5 + index,
          growthPct: -3.5 + index / 2,
          indicator,
        })),
      ),
    );

  it('puts 20 regions with six full indicators on one landscape page', async () => {
    const comparison = compareRegions(many(20));
    expect(comparison.columns).toHaveLength(6);
    const page = await renderComparison(comparison, { creationDate: new Date(0) });
    expect(page.pages).toBe(1);
    expect(page.leftOff).toEqual([]);
  });

  it.each([21, 40])(
    'shares %i regions between two landscape pages, each with its part of the table and of the ranking',
    async (count) => {
      const page = await renderComparison(compareRegions(many(count)), { creationDate: new Date(0) });
      const file = join(mkdtempSync(join(tmpdir(), 'briefing-compare-pages-')), 'compare.pdf');
      writeFileSync(file, page.pdf);
      expect(pageCount(file)).toBe(2);
      const half = Math.ceil(count / 2);
      const textOf = (number: number, crop: string[] = []): string =>
        execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(number), '-l', String(number), ...crop, file, '-'], {
          encoding: 'utf8',
        }).replace(/\s+/g, '');
      const [first, second] = [textOf(1), textOf(2)];
      // The table (left of the chart, which starts 243 pt from the right edge) holds the first half on page 1, the rest on page 2.
      const tableOf = (number: number): string => textOf(number, ['-x', '0', '-y', '0', '-W', '590', '-H', '596']);
      expect(tableOf(1)).toContain(`第${half}测试县`);
      expect(tableOf(1)).not.toContain(`第${half + 1}测试县`);
      expect(tableOf(2)).toMatch(new RegExp(`^长治市各地区主要指标对照（续）地区.*第${half + 1}测试县`));
      expect(tableOf(2)).not.toContain(`第${half}测试县`);
      expect(second).toContain('长治市各地区主要指标对照（续）');
      expect(second).toContain(`第${count}测试县`);
      // The ranking, highest first: the first page charts ranks 1 to half, the second the rest.
      expect(first).toContain(`地区生产总值增速（%）第1—${half}位`);
      expect(second).toContain(`地区生产总值增速（%）第${half + 1}—${count}位`);
      const pageSizes = execFileSync('pdfinfo', ['-l', '2', file], { encoding: 'utf8' }).match(
        /Page\s+\d+ size:\s+[\d.]+ x [\d.]+/g,
      )!;
      expect(pageSizes.map((line) => line.replace(/^Page\s+\d+ size:\s+/, ''))).toEqual([
        '841.89 x 595.28',
        '841.89 x 595.28',
      ]);
    },
  );
});

describe('briefing compare', () => {
  it('writes the page and the CSV from summary files, and prints the table with --json', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-compare-cli-'));
    for (const region of regions)
      writeFileSync(join(folder, `${region.region.code}-${region.region.name}.summary.json`), JSON.stringify(region));
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        await main([
          'compare',
          folder,
          '-o',
          join(folder, 'compare.pdf'),
          '--csv',
          join(folder, 'compare.csv'),
          '--json',
        ]),
      ).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ pages: 1, csv: join(folder, 'compare.csv'), failures: [] });
    expect(result.comparison.regions.map((region: { name: string }) => region.name)).toEqual([
      '屯留区',
      '襄垣县',
      '沁源县',
      '沁水县',
    ]);
    expect(pageCount(join(folder, 'compare.pdf'))).toBe(1);
    expect(readFileSync(join(folder, 'compare.csv'), 'utf8')).toBe(
      comparisonCsv(compareRegions([regions[1]!, regions[3]!, regions[0]!, regions[2]!])),
    );
  });
});

const CITIES = join(ROOT, '../shared/corpus/cities');
const present = existsSync(join(CITIES, 'regions.json'));
if (!present)
  process.stderr.write(`tests/compare/compareRegions.test.ts: ${CITIES} is absent; 四川's cities are not compared\n`);

describe.skipIf(!present)("四川's 18 cities side by side", () => {
  it('fits one landscape page with every city, searchable, and a CSV with a row per city', async () => {
    const cities = (
      JSON.parse(readFileSync(join(CITIES, 'regions.json'), 'utf8')) as Array<{
        file: string;
        name?: string;
        parent?: string;
      }>
    ).filter((entry) => entry.parent === '四川省');
    expect(cities).toHaveLength(18);
    const folder = mkdtempSync(join(tmpdir(), 'briefing-compare-'));
    const result = await compareSession({
      inputs: cities.map((city) => join(CITIES, city.file)),
      pdfFile: join(folder, 'sichuan.pdf'),
      csvFile: join(folder, 'sichuan.csv'),
    });
    expect(result.failures).toEqual([]);
    expect(result.comparison.regions.map((region) => region.name).sort()).toEqual(
      cities.map((city) => city.name!).sort(),
    );
    expect(pageCount(result.pdf)).toBe(1);
    const page = text(result.pdf);
    for (const city of cities) expect(page).toContain(city.name);
    // One year on the page: 2023, which 17 cities review; 绵阳's report reviews 2024, and its cells say so.
    expect(result.comparison.year).toBe(2023);
    const mianyang = result.comparison.regions.findIndex((region) => region.name === '绵阳市');
    for (const [row, cells] of result.comparison.cells.entries())
      for (const cell of cells) if (cell) expect(cell.year).toBe(row === mianyang ? 2024 : undefined);
    // 雅安's report gives 数字经济总量 and no GDP amount: its GDP cell stays empty rather than show the digital economy.
    const gdp = result.comparison.columns.findIndex((column) => column.indicator === 'gdp');
    const yaan = result.comparison.regions.findIndex((region) => region.name === '雅安市');
    expect(result.comparison.cells[yaan]![gdp]).toBeNull();
    expect(
      result.comparison.cells.flatMap((row) => row.flatMap((cell) => (cell ? [cell.quote] : []))),
    ).not.toContainEqual(expect.stringContaining('数字经济总量'));
    expect(page).toContain('四川省各地区主要指标对照');
    expect(page).toContain('地区生产总值增速（%），由高到低');
    const csv = readFileSync(join(folder, 'sichuan.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF地区,')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(19);
    // Every cell is traceable to its city's report: its quote is a verbatim part of it.
    for (const [row, region] of result.comparison.regions.entries()) {
      const file = cities.find((city) => city.name === region.name)!.file;
      const report = readFileSync(join(CITIES, file), 'utf8');
      for (const cell of result.comparison.cells[row]!)
        if (cell) expect(report, `${region.name}: ${cell.quote}`).toContain(cell.quote);
    }
  }, 120_000);
});

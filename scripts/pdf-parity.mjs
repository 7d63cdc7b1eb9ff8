#!/usr/bin/env node
/**
 * Producer parity (issue 21): for each sample report and each producer's PDF of it (tests/fixtures/pdf/<producer>/,
 * written by scripts/make-pdf-fixtures.mjs), how many of the text's figures the PDF's summary has the same (label,
 * value, unit, growth) and whether the region is the same. Prints a table, or with --json one JSON document (what
 * tests/ingest/pdfParity.test.ts asserts on). Run after `npm run build`: node scripts/pdf-parity.mjs [--json]
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/pdf');

/** What must be the same for a figure to count as the same: label, value, unit and growth. */
const figureKey = (figure) => JSON.stringify([figure.label, figure.value, figure.unit, figure.growthPct ?? null]);

/** Figures of `expected` found in `actual`, each found once. */
function sameFigures(expected, actual) {
  const left = new Map();
  for (const figure of actual.figures) left.set(figureKey(figure), (left.get(figureKey(figure)) ?? 0) + 1);
  let same = 0;
  const missing = [];
  for (const figure of expected.figures) {
    const key = figureKey(figure);
    if ((left.get(key) ?? 0) > 0) {
      left.set(key, left.get(key) - 1);
      same += 1;
    } else missing.push(key);
  }
  return { same, missing };
}

const producers = readdirSync(FIXTURES).sort();
const rows = [];
for (const name of readdirSync(join(ROOT, 'data/reports')).filter((file) => file.endsWith('.txt')).sort()) {
  const text = await extract(join(ROOT, 'data/reports', name));
  for (const producer of producers) {
    const pdf = await extract(join(FIXTURES, producer, `${basename(name, '.txt')}.pdf`));
    const { same, missing } = sameFigures(text, pdf);
    rows.push({ producer, sample: name, region: text.region.name, pdfRegion: pdf.region.name, same, total: text.figures.length, pdfFigures: pdf.figures.length, missing });
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows }));
} else {
  console.log('| producer | sample | region (text → PDF) | figures same / text figures | PDF figures |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) {
    const region = row.region === row.pdfRegion ? `${row.region} ✓` : `${row.region} → ${row.pdfRegion} ✗`;
    console.log(`| ${row.producer} | ${row.sample.slice(0, 3)} | ${region} | ${row.same}/${row.total} (${((100 * row.same) / row.total).toFixed(1)}%) | ${row.pdfFigures} |`);
  }
  const same = rows.reduce((total, row) => total + row.same, 0);
  const total = rows.reduce((total, row) => total + row.total, 0);
  console.log(`\nall: ${same}/${total} figures same (${((100 * same) / total).toFixed(1)}%), region right ${rows.filter((row) => row.region === row.pdfRegion).length}/${rows.length}`);
  if (process.argv.includes('--missing')) for (const row of rows) for (const key of row.missing) console.log(`${row.producer} ${row.sample.slice(0, 3)} missing ${key}`);
}

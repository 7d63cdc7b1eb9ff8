#!/usr/bin/env node
// OCR evaluation: each bundled sample printed to pages (scripts/render-ocr-pages.mjs), scanned (a PDF of page images
// only), read back through briefing's OCR, and compared with the summary of its text: region right, and how many of
// the text's figures come out with the same value, unit and growth. The scan holds its pages at --dpi, and OCR
// renders them at that resolution. Needs Tesseract (scripts/setup.sh) and a build.
//
// --keep DIR keeps the pages, the scans and what OCR read (<sample>.ocr.txt) there.
//
//   npm run build && node scripts/ocr-eval.mjs [--dpi 150] [--traditional] [--keep DIR]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSample } from './render-ocr-pages.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const dpi = args.includes('--dpi') ? Number(args[args.indexOf('--dpi') + 1]) : 150;
const traditional = args.includes('--traditional');
const keep = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;
// The OCR module reads its resolution once, when it is loaded.
process.env.BRIEFING_OCR_DPI = String(dpi);
const { readReport } = await import(join(ROOT, 'dist/ingest/readReport.js'));
const { extractSummary } = await import(join(ROOT, 'dist/extract/extractSummary.js'));

const SAMPLES = ['000_fba74e62b4b44a80', '001_cf4b1bdcfea1240e', '002_ee9ec9bd326fe06d', '003_442331770b6f7dba', '004_02e8585f2ada8328'];
const figureKey = (figure) => `${figure.value}|${figure.unit}|${figure.growthPct ?? ''}`;

/** How many of `expected`'s figures `found` has, as a multiset of value, unit and growth. */
function sameFigures(expected, found) {
  const left = new Map();
  for (const figure of found) left.set(figureKey(figure), (left.get(figureKey(figure)) ?? 0) + 1);
  let same = 0;
  const missing = [];
  for (const figure of expected) {
    const count = left.get(figureKey(figure)) ?? 0;
    if (count > 0) {
      same += 1;
      left.set(figureKey(figure), count - 1);
    } else missing.push(`${figure.label} ${figure.valueText}${figure.unit}`);
  }
  return { same, missing };
}

const folder = keep ?? mkdtempSync(join(tmpdir(), 'briefing-ocr-eval-'));
mkdirSync(folder, { recursive: true });
const rows = [];
for (const sample of SAMPLES) {
  const text = await extractSummary(await readReport(join(ROOT, 'data/reports', `${sample}.txt`)));
  const { scan, pages } = renderSample(join(ROOT, 'data/reports', `${sample}.txt`), folder, { dpi, columns: 2, traditional });
  const report = await readReport(scan).catch((error) => ({ error }));
  if (report.error) {
    rows.push({ sample, dpi, pages: pages.length, 's/page': '-', confidence: '-', language: '-', region: `error: ${report.error.message}`, figures: '-' });
    continue;
  }
  if (keep) writeFileSync(join(folder, `${sample}${traditional ? '-tra' : ''}-${dpi}.ocr.txt`), report.original);
  const summary = await extractSummary(report).catch((error) => ({ error }));
  const { same, missing } = summary.error ? { same: 0, missing: [] } : sameFigures(text.figures, summary.figures);
  const confidence = report.ocr.pages.reduce((sum, page) => sum + page.meanConfidence, 0) / report.ocr.pages.length;
  rows.push({
    sample,
    dpi,
    pages: pages.length,
    's/page': (report.ocr.seconds / pages.length).toFixed(1),
    confidence: confidence.toFixed(1),
    language: [...new Set(report.ocr.pages.map((page) => page.language))].join('+'),
    region: summary.error ? `error: ${summary.error.message}` : summary.region.name === text.region.name ? `right (${summary.region.name})` : `WRONG (${summary.region.name})`,
    figures: `${same}/${text.figures.length} (${Math.round((100 * same) / text.figures.length)}%)`,
  });
  if (missing.length > 0) console.error(`${sample}: not found the same: ${missing.join('; ')}`);
}
console.log(`OCR at ${dpi} dpi${traditional ? ', traditional characters' : ''}; ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), pages read side by side; ${new Date().toISOString().slice(0, 10)}`);
console.table(rows);
if (!keep) rmSync(folder, { recursive: true, force: true });

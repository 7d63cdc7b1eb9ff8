// OCR of real scanned pages (issue 21): every page listed in labels.json beside the scans, labelled by hand from the
// image before the extractor ran on it, is read with the real Tesseract; per page the region must be right and ≥ 90 %
// of the labelled figures found with the same value, unit and growth. Real scans are public material, kept out of the
// project's commits like ../shared/corpus: they and their labels are read from ../shared/corpus/scans/ (or
// BRIEFING_SCANS_DIR). labels.json: { "pages": [{ file, source {repo, path, commit, licence}, region {name, gb2260},
// figures [{ label, value, unit, growth_pct }] }] }, value without its magnitude (192.3 with unit 亿元), growth_pct
// null when the page gives none, negative for 下降. Skips, saying so, when the folder or an image is absent, or
// Tesseract is absent outside CI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../../src/extract/extractSummary.js';
import { readReport } from '../../../src/ingest/readReport.js';
import type { BriefingSummary } from '../../../src/summary/schema.js';
import { ROOT } from '../../helpers/samples.js';
import { skipWithoutTesseract } from '../../helpers/tesseract.js';

interface LabelledFigure {
  label: string;
  value: number;
  unit: string;
  growth_pct: number | null;
}

interface LabelledPage {
  file: string;
  region: { name: string; gb2260: string };
  figures: LabelledFigure[];
}

const SCANS = process.env.BRIEFING_SCANS_DIR ?? join(ROOT, '../shared/corpus/scans');
const LABELS = join(SCANS, 'labels.json');
const FOUND_SHARE = 0.9;

const pages: LabelledPage[] = existsSync(LABELS)
  ? (JSON.parse(readFileSync(LABELS, 'utf8')) as { pages: LabelledPage[] }).pages
  : [];
const absent = pages.filter((page) => !existsSync(join(SCANS, page.file))).map((page) => page.file);

function skipReason(): string | undefined {
  if (pages.length === 0) return `${LABELS} is absent or lists no scan`;
  if (absent.length > 0) return `${SCANS} lacks ${absent.join(', ')}`;
  return undefined;
}
const reason = skipReason();
if (reason) process.stderr.write(`tests/ingest/ocr/realScans.test.ts: skipped, ${reason}\n`);
const skip = reason !== undefined || skipWithoutTesseract('tests/ingest/ocr/realScans.test.ts', SCANS);

const sameUnit = (a: string, b: string) =>
  a
    .replace(/\s+/g, '')
    .replace(/％/g, '%')
    .replace(/^(余|多)/, '') === b.replace(/\s+/g, '').replace(/％/g, '%');

/** A labelled figure is found when a figure of the summary has its value and unit, and its growth (none for none). */
function findFigure(summary: BriefingSummary, label: LabelledFigure) {
  return summary.figures.find(
    (figure) =>
      Math.abs(figure.value - label.value) < 1e-9 &&
      sameUnit(figure.unit, label.unit) &&
      (label.growth_pct === null ? figure.growthPct === undefined : figure.growthPct === label.growth_pct),
  );
}

const table: string[] = [];
afterAll(() => {
  if (table.length > 0)
    process.stdout.write(`\nReal scans:\n| page | region | figures found |\n|---|---|---|\n${table.join('\n')}\n`);
});

describe.skipIf(skip)('OCR of real scanned pages', () => {
  for (const page of pages) {
    it(`${page.file}: the region, and ≥ ${FOUND_SHARE * 100}% of the labelled figures with their growth`, async () => {
      const summary = await extractSummary(await readReport(join(SCANS, page.file)));
      const missed = page.figures
        .filter((figure) => !findFigure(summary, figure))
        .map((figure) => `${figure.label} ${figure.value}${figure.unit} growth ${figure.growth_pct ?? 'none'}`);
      const found = page.figures.length - missed.length;
      table.push(`| ${page.file} | ${summary.region.name} ${summary.region.code} | ${found}/${page.figures.length} |`);
      expect(summary.source.ocr).toBe(true);
      expect({ name: summary.region.name, code: summary.region.code }).toEqual({
        name: page.region.name,
        code: page.region.gb2260,
      });
      expect(found / page.figures.length, `not found: ${missed.join('; ')}`).toBeGreaterThanOrEqual(FOUND_SHARE);
    }, 180_000);
  }
});

// For every built-in template and every sample summary, and for each summary with all its lists repeated ten
// times: exactly one page, nothing outside the margins, no raster image (the chart is vector), extractable text,
// no line that starts with closing punctuation, and every trimmed item reported.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { listTemplates, loadTemplate } from '../../src/layout/templates.js';
import { type RenderedBriefing, renderBriefing } from '../../src/pipeline/renderBriefing.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { pageCount, rasterImageCount, text } from '../helpers/pdfTools.js';
import { textLines, wordBoxes } from '../helpers/pdfLayout.js';
import { SAMPLES } from '../helpers/samples.js';

const CLOSING = '，。、；：？！）」』》〉】〕…’”,.;:?!)';
const OPENING = '（「『《〈【〔‘“(';
/** Rounding in pdftotext boxes. */
const TOLERANCE = 1.5;

const outDir = mkdtempSync(join(tmpdir(), 'briefing-one-page-'));
const summaries: BriefingSummary[] = [];

beforeAll(async () => {
  for (const sample of SAMPLES) summaries.push(await extractSummary(await readReport(sample.path)));
});

function tenTimesLonger(summary: BriefingSummary): BriefingSummary {
  const repeat = <T>(items: T[]): T[] => Array.from({ length: 10 }, () => items).flat();
  return {
    ...summary,
    title: summary.title.repeat(3),
    figures: repeat(summary.figures),
    highlights: repeat(summary.highlights),
    targets: repeat(summary.targets),
  };
}

async function renderToFile(
  summary: BriefingSummary,
  template: string,
  name: string,
): Promise<{ pdf: string; warnings: string[]; shown: RenderedBriefing['shown'] }> {
  const rendered = await renderBriefing(summary, { template });
  const pdf = join(outDir, `${name}.pdf`);
  writeFileSync(pdf, rendered.pdf);
  return { pdf, warnings: rendered.trimmed, shown: rendered.shown };
}

function expectInsideMargins(pdf: string, templateName: string): void {
  const [left, top, right, bottom] = loadTemplate(templateName).manifest.pageMargins;
  const [page] = wordBoxes(pdf);
  const contentBottom = page!.height - bottom;
  for (const word of page!.words) {
    expect(word.xMin, word.text).toBeGreaterThanOrEqual(left - TOLERANCE);
    expect(word.xMax, word.text).toBeLessThanOrEqual(page!.width - right + TOLERANCE);
    // The footer lives in the bottom margin by design; everything else stays in the text area.
    if (word.yMin < contentBottom) {
      expect(word.yMin, word.text).toBeGreaterThanOrEqual(top - TOLERANCE);
      expect(word.yMax, word.text).toBeLessThanOrEqual(contentBottom + TOLERANCE);
    }
  }
}

function expectChineseLineBreaking(pdf: string): void {
  for (const line of textLines(pdf)) {
    expect(CLOSING.includes(line[0]!), `line starts with closing punctuation: ${line}`).toBe(false);
    expect(OPENING.includes(line.at(-1)!), `line ends with opening punctuation: ${line}`).toBe(false);
  }
}

describe.each(listTemplates().map((template) => template.name))('template %s', (templateName) => {
  it.each(SAMPLES.map((sample, index) => [sample.file, index] as const))(
    'fits %s on one page, inside the margins',
    async (file, index) => {
      const summary = summaries[index]!;
      const { pdf } = await renderToFile(summary, templateName, `${templateName}-${index}`);
      expect(pageCount(pdf)).toBe(1);
      expect(rasterImageCount(pdf)).toBe(0);
      expect(text(pdf)).toContain(summary.region.name);
      expectInsideMargins(pdf, templateName);
      expectChineseLineBreaking(pdf);
    },
  );

  it.each(SAMPLES.map((sample, index) => [sample.file, index] as const))(
    'fits %s with every list ten times longer, reporting what it trimmed',
    async (file, index) => {
      const summary = tenTimesLonger(summaries[index]!);
      const { pdf, warnings, shown } = await renderToFile(summary, templateName, `${templateName}-${index}-long`);
      expect(pageCount(pdf)).toBe(1);
      expectInsideMargins(pdf, templateName);
      expectChineseLineBreaking(pdf);
      // Nothing is dropped silently: every highlight and target not on the page is named in a warning.
      for (const list of ['highlights', 'targets'] as const) {
        const named = warnings.filter((warning) =>
          warning.includes(list === 'highlights' ? 'highlight “' : 'target “'),
        ).length;
        expect(named, list).toBe(summary[list].length - shown[list]);
      }
      expect(shown.highlights + shown.targets).toBeGreaterThanOrEqual(1);
      if (shown.figures < summary.figures.length)
        expect(warnings.join('\n')).toContain(`of ${summary.figures.length} figures`);
    },
  );
});

describe('hostile content', () => {
  it('wraps or shrinks very long unbroken strings instead of overflowing', async () => {
    const base = summaries[4]!;
    const url = `https://example.gov.cn/${'a'.repeat(300)}`;
    const summary: BriefingSummary = {
      ...base,
      title: `${'长'.repeat(120)}${'9'.repeat(80)}`,
      figures: base.figures.map((figure, index) =>
        index === 0
          ? {
              ...figure,
              valueText: '1234567890123456789012345678901234567890',
              quote: `1234567890123456789012345678901234567890${figure.unit}`,
            }
          : figure,
      ),
      highlights: base.highlights.map((highlight, index) =>
        index === 0 ? { ...highlight, text: `${url} ${'1'.repeat(200)}` } : highlight,
      ),
    };
    for (const template of listTemplates().map((entry) => entry.name)) {
      const { pdf } = await renderToFile(summary, template, `hostile-${template}`);
      expect(pageCount(pdf)).toBe(1);
      expectInsideMargins(pdf, template);
    }
  });

  it('renders an almost empty summary on one page', async () => {
    const summary: BriefingSummary = {
      ...summaries[0]!,
      figures: [],
      highlights: [],
      targets: [],
      keywords: [],
      credits: undefined,
      subtitle: undefined,
      session: {},
    };
    for (const template of listTemplates().map((entry) => entry.name)) {
      const { pdf } = await renderToFile(summary, template, `empty-${template}`);
      expect(pageCount(pdf)).toBe(1);
      expect(text(pdf)).toContain(summary.region.name);
    }
  });
});

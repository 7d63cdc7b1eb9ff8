// Session, dates and figure quotes for the five samples against the hand-labelled golden files.
import { describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { SAMPLES } from '../helpers/samples.js';

const summaries = new Map<string, { summary: BriefingSummary; original: string }>();
async function summaryOf(path: string): Promise<{ summary: BriefingSummary; original: string }> {
  let entry = summaries.get(path);
  if (!entry) {
    const report = await readReport(path);
    entry = { summary: await extractSummary(report), original: report.original };
    summaries.set(path, entry);
  }
  return entry;
}

describe.each(SAMPLES)('extractSummary $file', (sample) => {
  it('finds the session, date and years of the report', async () => {
    const { summary } = await summaryOf(sample.path);
    const { golden } = sample;
    expect(summary.session.name ?? null).toBe(golden.session.name);
    expect(summary.session.date ?? null).toBe(golden.session.date);
    expect(summary.session.year ?? null).toBe(golden.session.year);
    expect(summary.reviewYear ?? null).toBe(golden.reviewYear);
    expect(summary.source.kind).toBe(golden.kind);
  });

  it('quotes every figure verbatim from the source, number and unit included', async () => {
    const { summary, original } = await summaryOf(sample.path);
    expect(summary.figures.length).toBeGreaterThanOrEqual(10);
    for (const figure of summary.figures) {
      expect(original, `quote of ${figure.label}`).toContain(figure.quote);
      expect(figure.quote, figure.label).toContain(figure.valueText);
      expect(figure.quote, figure.label).toContain(figure.unit);
      if (figure.offset !== undefined)
        expect(original.slice(figure.offset, figure.offset + figure.quote.length)).toBe(figure.quote);
    }
  });

  it('has highlights taken from the report, quoted verbatim', async () => {
    const { summary, original } = await summaryOf(sample.path);
    const items = [...summary.highlights, ...summary.targets];
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const item of items) {
      expect(item.title.length).toBeLessThanOrEqual(24);
      if (item.quote) expect(original).toContain(item.quote);
    }
    expect(items.filter((item) => item.quote).length).toBeGreaterThanOrEqual(items.length - 1);
  });
});

it('reads the credits line of a newspaper special page', async () => {
  const { summary } = await summaryOf(SAMPLES[0]!.path);
  expect(summary.credits).toEqual({
    策划: '宋玉红',
    统筹: '刘俭 陈建波',
    文字: '部盼',
    图片: '沁源县融媒体中心',
    版式: '冀鸿燕',
  });
});

it('finds noun keywords with a real segmenter, not the region name', async () => {
  const { summary } = await summaryOf(SAMPLES[4]!.path);
  expect(summary.keywords).toContain('煤层气');
  expect(summary.keywords).not.toContain('沁水');
  expect(summary.keywords.every((word) => word.length >= 2)).toBe(true);
});

it('writes the official region name in display text where OCR misread it, keeping quotes verbatim', async () => {
  const { summary, original } = await summaryOf(SAMPLES[2]!.path);
  const display = [...summary.highlights, ...summary.targets].map((item) => `${item.title}${item.text}`).join('');
  expect(display).not.toContain('电留');
  expect(display).toContain('屯留');
  for (const item of summary.targets) if (item.quote) expect(original).toContain(item.quote);
});

// The source pane's marks: each figure's quote and number placed in the original text, also where the report is
// traditional or full-width (the number is found as the extractor reads it and mapped back).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { decodeReport, readReport } from '../../src/ingest/readReport.js';
import { sourceView } from '../../src/review/sourceView.js';
import { SAMPLES } from '../helpers/samples.js';

describe('sourceView', () => {
  it('places every figure of every sample at its quote, with the number inside the quote', async () => {
    for (const sample of SAMPLES) {
      const report = await readReport(sample.path);
      const summary = await extractSummary(report);
      const view = sourceView(report.original, summary);
      expect(view.unplaced, sample.file).toEqual([]);
      expect(view.marks).toHaveLength(summary.figures.length);
      for (const mark of view.marks) {
        const figure = summary.figures[mark.figure]!;
        expect(report.original.slice(mark.quoteStart, mark.quoteEnd)).toBe(figure.quote);
        expect(mark.numberStart).toBeGreaterThanOrEqual(mark.quoteStart);
        expect(mark.numberEnd).toBeLessThanOrEqual(mark.quoteEnd);
        expect(report.original.slice(mark.numberStart, mark.numberEnd).replace(/,/g, '')).toBe(
          figure.valueText.replace(/,/g, ''),
        );
      }
    }
  });

  it('marks the full-width, traditional number where the report writes it', async () => {
    const text =
      '寧陝縣二〇二四年國民經濟和社會發展統計公報\n\n全縣地區生產總值實現５８．２３億元，比上年增長５．１％。';
    const report = decodeReport('ningshan.txt', Buffer.from(text));
    const summary = await extractSummary(report);
    const view = sourceView(report.original, summary);
    const gdp = view.marks.find((mark) => summary.figures[mark.figure]!.value === 58.23)!;
    expect(report.original.slice(gdp.numberStart, gdp.numberEnd)).toBe('５８．２３');
  });

  it('lists figures whose quote the text does not hold instead of marking a wrong place', async () => {
    const report = await readReport(SAMPLES[0]!.path);
    const summary = await extractSummary(report);
    const edited = {
      figures: [{ ...summary.figures[0]!, quote: '这句话不在报告里：1.28', offset: undefined }, summary.figures[1]!],
    };
    expect(sourceView(report.original, edited)).toMatchObject({ unplaced: [0], marks: [{ figure: 1 }] });
    expect(readFileSync(SAMPLES[0]!.path, 'utf8')).toContain(summary.figures[1]!.quote);
  });
});

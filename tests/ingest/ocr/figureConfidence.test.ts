// A figure whose number OCR was unsure of is flagged: its lowest character confidence on the figure, and a warning
// naming it; the pages' confidence goes to the summary's source.
import { describe, expect, it } from 'vitest';
import { LOW_OCR_CONFIDENCE, ocrSourceFields, withOcrConfidence } from '../../../src/ingest/ocr/figureConfidence.js';
import type { OcrReading } from '../../../src/ingest/ocr/types.js';
import type { Figure } from '../../../src/summary/schema.js';

const original = '总投资489.31亿元，争取资金2.17亿元。';
const confidence = new Uint8Array(original.length).fill(95);
// OCR was unsure of the 7 of 2.17 only.
confidence[original.indexOf('2.17') + 3] = 52;
const reading: OcrReading = {
  pages: [{ number: 1, meanConfidence: 91.5, language: 'chi_sim', start: 0, end: original.length }],
  characterConfidence: confidence,
  seconds: 12,
};
const figure = (valueText: string, label: string, quote: string): Figure => ({
  label,
  valueText,
  value: Number(valueText),
  unit: '亿元',
  kind: 'actual',
  quote,
  offset: original.indexOf(quote),
});

describe('withOcrConfidence', () => {
  const { figures, warnings } = withOcrConfidence(
    [figure('489.31', '总投资', '总投资489.31亿元'), figure('2.17', '争取资金', '争取资金2.17亿元')],
    reading,
  );

  it("gives each figure the lowest confidence of its number's characters", () => {
    expect(figures.map((item) => item.ocrConfidence)).toEqual([95, 52]);
  });

  it('flags the figures below LOW_OCR_CONFIDENCE in a warning, and says the text was read by OCR', () => {
    expect(52).toBeLessThan(LOW_OCR_CONFIDENCE);
    expect(warnings).toEqual([
      'read by OCR (1 page(s), mean confidence 91.5): check the figures against the page images',
      'OCR is unsure of 1 figure(s), check them first: 争取资金 2.17亿元 (confidence 52)',
    ]);
  });

  it("records source.ocr and each page's mean confidence", () => {
    expect(ocrSourceFields(reading)).toEqual({
      ocr: true,
      ocrPages: [{ page: 1, meanConfidence: 91.5, language: 'chi_sim' }],
    });
  });
});

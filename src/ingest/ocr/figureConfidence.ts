/**
 * What OCR was unsure of, carried into the summary: the pages' confidence on `source`, and on each figure the lowest
 * confidence of a character of its number, so a figure OCR may have misread is flagged (a warning, and a mark on
 * the review page) for a person to check against the page image.
 */
import type { Figure, OcrPageSummary } from '../../summary/schema.js';
import type { OcrReading } from './types.js';

/**
 * Below this a figure is flagged. On the 1-bit test page (tests/ingest/ocr/fixtures, 47 figures) the three numbers
 * Tesseract misread (159% as 1599%, 80% as 830%, 100% as 1009%) had 5, 64 and 20; four read right were also under 80
 * and forty over it: under 80 catches every misreading there, at the cost of four needless checks.
 */
export const LOW_OCR_CONFIDENCE = 80;

export function ocrSourceFields(reading: OcrReading): { ocr: true; ocrPages: OcrPageSummary[] } {
  return {
    ocr: true,
    ocrPages: reading.pages.map(({ number, meanConfidence, language }) => ({ page: number, meanConfidence, language })),
  };
}

/** The lowest confidence of the characters of the figure's number in its quote (of the whole quote when not found). */
export function figureConfidence(
  reading: OcrReading,
  figure: Pick<Figure, 'quote' | 'offset' | 'valueText'>,
): number | undefined {
  if (figure.offset === undefined) return undefined;
  const within = figure.quote.indexOf(figure.valueText);
  const start = figure.offset + Math.max(0, within);
  const end = within < 0 ? figure.offset + figure.quote.length : start + figure.valueText.length;
  let lowest = 100;
  for (let at = start; at < end; at += 1) lowest = Math.min(lowest, reading.characterConfidence[at] ?? 100);
  return lowest;
}

/** The figures with their OCR confidence, and a warning naming those below LOW_OCR_CONFIDENCE. */
export function withOcrConfidence<F extends Figure>(
  figures: F[],
  reading: OcrReading,
): { figures: F[]; warnings: string[] } {
  const rated = figures.map((figure) => {
    const confidence = figureConfidence(reading, figure);
    return confidence === undefined ? figure : { ...figure, ocrConfidence: confidence };
  });
  const unsure = rated.filter((figure) => (figure.ocrConfidence ?? 100) < LOW_OCR_CONFIDENCE);
  const warnings = [
    `read by OCR (${reading.pages.length} page(s), mean confidence ${meanOf(reading)}): check the figures against the page images`,
  ];
  if (unsure.length > 0) {
    warnings.push(
      `OCR is unsure of ${unsure.length} figure(s), check them first: ${unsure.map((figure) => `${figure.label} ${figure.valueText}${figure.unit} (confidence ${figure.ocrConfidence})`).join('; ')}`,
    );
  }
  return { figures: rated, warnings };
}

const meanOf = (reading: OcrReading): number =>
  Math.round((reading.pages.reduce((sum, page) => sum + page.meanConfidence, 0) / reading.pages.length) * 10) / 10;

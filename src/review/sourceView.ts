/**
 * Where each figure of a summary stands in its report, for the review page's source pane: the quote's range in the
 * original text, and within it the number's (found in the normalised quote, where 2,3 and ２．３ both read 2.3, and
 * mapped back through normalisation's character map, so a traditional or full-width report is marked where it
 * really says it).
 */
import { normalizeText } from '../ingest/normalizeText.js';
import type { BriefingSummary } from '../summary/schema.js';

export interface SourceMark {
  /** Index of the figure in the summary. */
  figure: number;
  quoteStart: number;
  quoteEnd: number;
  /** The number's range (the whole quote when it cannot be pinned down). */
  numberStart: number;
  numberEnd: number;
}

export interface SourceView {
  text: string;
  marks: SourceMark[];
  /** Figures whose quote the text does not hold (the summary was edited by hand, or is of another version). */
  unplaced: number[];
}

export function sourceView(original: string, summary: Pick<BriefingSummary, 'figures'>): SourceView {
  const marks: SourceMark[] = [];
  const unplaced: number[] = [];
  summary.figures.forEach((figure, index) => {
    const quoteStart = placeQuote(original, figure.quote, figure.offset);
    if (quoteStart < 0) {
      unplaced.push(index);
      return;
    }
    const quoteEnd = quoteStart + figure.quote.length;
    const number = numberWithin(figure.quote, figure.reviewed?.extracted.valueText ?? figure.valueText);
    marks.push({
      figure: index,
      quoteStart,
      quoteEnd,
      numberStart: quoteStart + (number?.start ?? 0),
      numberEnd: quoteStart + (number?.end ?? figure.quote.length),
    });
  });
  return { text: original, marks, unplaced };
}

function placeQuote(original: string, quote: string, offset: number | undefined): number {
  if (offset !== undefined && original.startsWith(quote, offset)) return offset;
  return original.indexOf(quote);
}

/** The number's range in the quote, read as the extractor reads it. */
function numberWithin(quote: string, valueText: string): { start: number; end: number } | undefined {
  const normalized = normalizeText(quote);
  const at = normalized.text.indexOf(valueText);
  if (at < 0) return undefined;
  return { start: normalized.from[at]!, end: normalized.to[at + valueText.length - 1]! };
}

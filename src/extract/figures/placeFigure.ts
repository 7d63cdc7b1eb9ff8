/**
 * A figure found in a paragraph placed in its report: the verbatim quote of the original it came from, whether it
 * was achieved or is a target, and its year.
 */
import { sourceRange } from '../../ingest/cleanText.js';
import type { Paragraph } from '../../ingest/types.js';
import { type Figure, textProblem } from '../../summary/schema.js';
import { parseYear } from '../chineseNumbers.js';
import { grammarData } from '../figureGrammar.js';
import { leadingWords } from './clauses.js';
import { patternsOf } from './patterns.js';
import type { FoundFigure } from './figuresOf.js';

const MAX_QUOTE = 90;

export interface FigureContext {
  reviewYear?: number;
  planYear?: number;
  /** Index of the first paragraph of the plan part (targets); paragraphs.length when there is none. */
  planStart: number;
}

export function placeFigure(
  paragraph: Paragraph,
  original: string,
  found: FoundFigure,
  inPlan: boolean,
  context: FigureContext,
): Figure | undefined {
  const { quantity, growth } = found;
  const text = paragraph.text;
  const range = sourceRange(paragraph, ...quoteSpan(found));
  const quote = original.slice(range.from, range.to);
  // A quote is shown as it stands in the report: one holding control characters cannot be, so the figure is not.
  if (textProblem(quote)) return undefined;
  const sentence = leadingWords(text, quantity.start, 'sentence');
  const { words } = grammarData();
  // In the plan part, 全年完成 states the year reviewed, unless a measure is to bring it about (带动全年完成…).
  const states = (cue: string): boolean =>
    sentence.includes(cue) && !words.causativeVerbs.some((verb) => sentence.includes(`${verb}${cue}`));
  const isTarget = inPlan
    ? !words.actualCues.some((cue) => states(cue) && !words.targetCues.some((target) => sentence.includes(target)))
    : words.targetCues.some((cue) => sentence.includes(cue));
  const kind = isTarget ? 'target' : 'actual';
  const year = explicitYear(sentence) ?? (kind === 'target' ? context.planYear : context.reviewYear);
  const growthValue = growth ? growth.value * (found.growthSign ?? 1) : undefined;
  return {
    label: found.label,
    valueText: text.slice(quantity.numberStart, quantity.numberEnd),
    value: quantity.value,
    unit: quantity.unit,
    ...(quantity.valueTo !== undefined ? { valueTo: quantity.valueTo } : {}),
    ...(quantity.qualifier ? { qualifier: quantity.qualifier } : {}),
    ...(growth && growth.family === 'percent' ? { growthPct: growthValue } : {}),
    ...(growth?.qualifier && growth.family === 'percent' ? { growthQualifier: growth.qualifier } : {}),
    ...(growth && growth.family === 'points' ? { growthPoints: growthValue } : {}),
    ...(year ? { year } : {}),
    kind,
    quote,
    offset: range.from,
    ...(found.indicator ? { indicator: found.indicator.id } : {}),
  };
}

/** The quote's span: the figure's clause, cut around the number and its growth when the clause is too long. */
function quoteSpan({ quantity, growth, span }: FoundFigure): [number, number] {
  let { start, end } = span;
  if (end - start > MAX_QUOTE) {
    const first = Math.min(quantity.start, growth?.start ?? quantity.start);
    const last = Math.max(quantity.end, growth?.end ?? quantity.end);
    start = Math.max(start, Math.min(first, quantity.start - (MAX_QUOTE >> 1)));
    end = Math.min(end, Math.max(start + MAX_QUOTE, last));
  }
  return [start, end];
}

/** The year a sentence states for its figures (2022年，…), not a base of comparison (较2021年) or a span (2021年以来). */
function explicitYear(sentence: string): number | undefined {
  let year: number | undefined;
  for (const match of sentence.matchAll(patternsOf(grammarData().words).statedYear)) {
    year = parseYear(match[1]!) ?? year;
  }
  return year;
}

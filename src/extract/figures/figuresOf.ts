/**
 * The pure core of the figure stage, on one paragraph's normalised text, as proposers and refiners: quantities are
 * proposed (figureGrammar), growth cues found and attached, lists after 分别 distributed, each amount and each rate of
 * its own labelled; what is no figure of the region (a change, a base, a threshold …) is dropped on the way.
 */
import { grammarData, type Quantity, scanQuantities } from '../figureGrammar.js';
import type { IndicatorMatch } from '../indicators.js';
import { endOf, startOf } from './clauses.js';
import { isChange } from './exclusions.js';
import { attachGrowth, type Growth, growthPhrases } from './growth.js';
import { labelAmount } from './labels.js';
import { type Labelled, labelOfName } from './names.js';
import { listSubjects } from './subjects.js';

/** A figure found in a paragraph's text, before it is placed in the report. */
export interface FoundFigure {
  quantity: Quantity;
  /** The growth rate attached to an amount. */
  growth?: Quantity;
  growthSign?: 1 | -1;
  label: string;
  indicator?: IndicatorMatch['indicator'];
  /** The stretch of text the quote is cut from. */
  span: { start: number; end: number };
}

export function figuresOf(text: string): FoundFigure[] {
  const { words } = grammarData();
  const quantities = scanQuantities(text).filter((quantity) => !quantity.isThreshold);
  const phrases = growthPhrases(text, quantities, words);
  const inPhrase = new Set(phrases.flatMap((phrase) => phrase.rates));
  // Amounts, and rates that stand for themselves (城镇化率43.97%, which may have a growth in points).
  const amounts = quantities.filter(
    (quantity) =>
      (!quantity.isRate || (!inPhrase.has(quantity) && quantity.family !== 'points')) &&
      !isChange(text, quantity, quantities, words),
  );
  const { growthOf, bareRates } = attachGrowth(text, quantities, amounts, phrases, words);
  const listed = listSubjects(text, amounts, words);
  const found: FoundFigure[] = [];
  for (const amount of amounts) {
    const subject = listed.get(amount);
    const labelled = subject !== undefined ? labelOfName(subject, words) : labelAmount(text, amount, quantities, words);
    if (labelled) found.push(amountFigure(text, amount, growthOf.get(amount), labelled));
  }
  for (const { rate, sign, subject } of bareRates) {
    const labelled = labelOfName(subject, words);
    if (labelled) found.push(rateFigure(text, rate, sign, labelled));
  }
  return found.sort((a, b) => a.quantity.start - b.quantity.start);
}

function amountFigure(
  text: string,
  amount: Quantity,
  growth: Growth | undefined,
  { label, indicator }: Labelled,
): FoundFigure {
  // The growth usually follows its amount; it precedes it when the amount's clause continues the growth's.
  const start = growth ? Math.min(amount.start, growth.rate.start) : amount.start;
  const end = growth ? Math.max(amount.end, growth.rate.end) : amount.end;
  return {
    quantity: amount,
    ...(growth ? { growth: growth.rate, growthSign: growth.sign } : {}),
    label,
    ...(indicator ? { indicator } : {}),
    span: clauseSpan(text, start, end),
  };
}

function rateFigure(text: string, rate: Quantity, sign: 1 | -1, { label, indicator }: Labelled): FoundFigure {
  return {
    quantity: rate,
    label: `${label}${sign < 0 ? '降幅' : '增速'}`,
    ...(indicator ? { indicator } : {}),
    span: clauseSpan(text, Math.max(0, rate.start - 1), rate.end),
  };
}

/** The clause holding [start, end), widened to take a leading name (地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%). */
function clauseSpan(text: string, start: number, end: number): { start: number; end: number } {
  return { start: startOf(text, start, 'clause'), end: endOf(text, end, 'item') };
}

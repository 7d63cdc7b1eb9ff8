/**
 * How a figure's number and unit read on a page or in a mail: a range as 5–6, and the report's own bound
 * (左右, 以上, 以内) after the unit, so a target of 增长6%左右 is not printed as a flat 6%.
 */
import { formatGrowth } from '../layout/helpers.js';
import type { BriefingSummary, Figure } from './schema.js';

/** Qualifiers that change what the number claims; 多 and 余 (just over) are left to the quote. */
const SHOWN_QUALIFIERS = new Set(['左右', '以上', '以内', '以下', '上下', '及以上', '之内']);

export function displayNumber(figure: Pick<Figure, 'valueText' | 'valueTo'>): string {
  return figure.valueTo === undefined ? figure.valueText : `${figure.valueText}–${figure.valueTo}`;
}

export function displayUnit(figure: Pick<Figure, 'unit' | 'qualifier'>): string {
  return figure.qualifier && SHOWN_QUALIFIERS.has(figure.qualifier) ? `${figure.unit}${figure.qualifier}` : figure.unit;
}

/** A figure's growth as a page or a mail prints it: ▲6%, with the growth's own bound after it (▲6%左右). */
export function displayGrowth(figure: Pick<Figure, 'growthPct' | 'growthQualifier'>): string {
  const growth = formatGrowth(figure.growthPct);
  const bound = figure.growthQualifier && SHOWN_QUALIFIERS.has(figure.growthQualifier) ? figure.growthQualifier : '';
  return growth && `${growth}${bound}`;
}

/** The figures a page or a mail prints: those a person hid stay in the summary, with their quotes, but are not shown. */
export function printedFigures(summary: Pick<BriefingSummary, 'figures'>): Figure[] {
  return summary.figures.filter((figure) => !figure.hidden);
}

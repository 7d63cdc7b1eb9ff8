/**
 * The figure stage: a report's figures — every amount (number × unit, see figureGrammar) with the growth rate that
 * belongs to it, every rate that stands for an indicator (规上工业增加值增长5.2%, 城镇化率65.3%), each with a label
 * that names it, the standard indicator it is (data/indicators.json), whether it was achieved or is a target, its
 * year and the verbatim quote of the original it came from. The stages are in src/extract/figures/, in run order:
 * clauses → growth → subjects → exclusions → labels → figuresOf → placeFigure.
 */
import type { Paragraph } from '../ingest/types.js';
import type { Figure } from '../summary/schema.js';
import { figuresOf } from './figures/figuresOf.js';
import { type FigureContext, placeFigure } from './figures/placeFigure.js';

export type { FigureContext } from './figures/placeFigure.js';
export { type FoundFigure, figuresOf } from './figures/figuresOf.js';

export function findFigures(paragraphs: Paragraph[], original: string, context: FigureContext): Figure[] {
  const figures: Figure[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === 'furniture') return;
    for (const found of figuresOf(paragraph.text)) {
      const figure = placeFigure(paragraph, original, found, index >= context.planStart, context);
      if (figure) figures.push(figure);
    }
  });
  return figures;
}

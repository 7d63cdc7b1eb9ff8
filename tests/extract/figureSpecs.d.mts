import type { FoundFigure } from '../../src/extract/findFigures.js';
import type { FigureContext } from '../../src/extract/figures/placeFigure.js';
import type { Paragraph } from '../../src/ingest/types.js';
import type { NormalizedText } from '../../src/ingest/normalizeText.js';
import type { Figure } from '../../src/summary/schema.js';

export interface FigureSpec {
  rule: string;
  input: string;
  part?: 'review' | 'plan';
  each?: string[];
  expect: string[];
}
export interface FigureLibrary {
  normalizeText(input: string): NormalizedText;
  figuresOf(text: string): FoundFigure[];
  placeFigure(
    paragraph: Paragraph,
    original: string,
    found: FoundFigure,
    inPlan: boolean,
    context: FigureContext,
  ): Figure | undefined;
}
export const REVIEW_YEAR: number;
export const PLAN_YEAR: number;
export function describeFigure(figure: Figure): string;
export function answerOf(input: string, part: FigureSpec['part'], library: FigureLibrary): string[];
export function entriesOf(
  figureWords: Record<string, unknown>,
  units: Record<string, unknown>,
): Generator<{ file: string; list: string; entry: string; without: unknown }>;
export function expandSpecs(specs: FigureSpec[]): FigureSpec[];
export function aliasesOf(
  catalogue: Record<string, unknown>,
): Generator<{ file: string; list: string; entry: string; without: unknown }>;

/**
 * The clause model every figure stage shares: where a sentence, a clause or a list item starts and ends. Each level
 * holds the ones above it: a sentence ends at 。；！？, a clause also at ，：, a list item also at 、.
 */
import type { Quantity } from '../figureGrammar.js';

const BOUNDARIES = {
  sentence: /[。；！？]/,
  clause: /[，。；：！？]/,
  item: /[，。；：！？、]/,
} as const;

export type Boundary = keyof typeof BOUNDARIES;

/** Where the sentence, clause or item holding `position` starts. */
export function startOf(text: string, position: number, boundary: Boundary): number {
  let start = position;
  while (start > 0 && !BOUNDARIES[boundary].test(text[start - 1]!)) start -= 1;
  return start;
}

/** Where the sentence, clause or item holding `position` ends (at its closing mark, or the text's end). */
export function endOf(text: string, position: number, boundary: Boundary): number {
  let end = position;
  while (end < text.length && !BOUNDARIES[boundary].test(text[end]!)) end += 1;
  return end;
}

/** The words from the start of the sentence, clause or item up to a position. */
export function leadingWords(text: string, position: number, boundary: Boundary): string {
  return text.slice(startOf(text, position, boundary), position);
}

/** Whether the words hold a mark of that level (so they span two sentences, clauses or items). */
export function crosses(words: string, boundary: Boundary): boolean {
  return BOUNDARIES[boundary].test(words);
}

/** The words before a position in its clause or item, after the last quantity before it there. */
export function zoneBefore(text: string, position: number, quantities: Quantity[], boundary: Boundary): string {
  const start = startOf(text, position, boundary);
  const previous = quantities.filter((other) => other.end <= position && other.end > start).at(-1);
  return text.slice(previous ? previous.end : start, position);
}

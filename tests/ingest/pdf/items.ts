/** Synthetic positioned text for the reading-order tests: runs placed as a producer would draw them. */
import type { PositionedItem, TextLine } from '../../../src/ingest/pdf/types.js';

/** The printed width of `text` at `size`: a CJK character is one size wide, an ASCII character half. */
export function widthOf(text: string, size: number): number {
  return [...text].reduce((width, character) => width + (character.charCodeAt(0) < 0x80 ? size / 2 : size), 0);
}

export function run(text: string, x: number, y: number, size = 10): PositionedItem {
  return { text, x, y, width: widthOf(text, size), size };
}

export function line(text: string, left: number, y: number, size = 10): TextLine {
  return { text, left, right: left + widthOf(text, size), y, size };
}

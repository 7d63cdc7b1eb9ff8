/**
 * A PDF's positioned text → plain text in reading order, the stages in the order they run: runs to lines (groupLines),
 * running headers, footers and page numbers dropped (dropRunningLines), each page's lines in reading order
 * (orderPage), then paragraphs. A printed line is a line of the text; a blank line starts a paragraph, so cleanText
 * joins the lines of a paragraph as it joins other hard wraps and never joins across a blank line unless the sentence
 * was cut (a paragraph that goes on in the next column or page).
 */
import { dropRunningLines } from './dropRunningLines.js';
import { groupLines } from './groupLines.js';
import { orderPage } from './readingOrder.js';
import type { PositionedPage, TextBlock, TextLine } from './types.js';

/** A line whose left edge is this many font sizes right of its column's starts a paragraph (an indent). */
const INDENT = 0.8;
/**
 * A line ending this many font sizes short of its column's right edge ends its paragraph, unless the next line starts
 * with a word that would not have fitted there (1000亿元 after 保持在: ragged right, not a paragraph's end).
 */
const SHORT_LINE = 2;
/** The width of a Latin letter or digit, in font sizes (about half a CJK character). */
const LATIN_WIDTH = 0.55;
/** Baselines this much further apart than the column's usual spacing have paragraph spacing between them. */
const PARAGRAPH_SPACING = 1.3;
/** A line set this much smaller or larger than the one before is another element (a caption, a heading). */
const SIZE_CHANGE = 1.1;

export function textInReadingOrder(pages: readonly PositionedPage[]): string {
  const lines = dropRunningLines(pages.map((page) => ({ height: page.height, lines: groupLines(page.items) })));
  return paragraphsOf(lines.flatMap(orderPage))
    .map((paragraph) => paragraph.join('\n'))
    .join('\n\n');
}

/**
 * Blocks in reading order → paragraphs of lines. A paragraph goes on from one block into the next (the next column,
 * the next page) when the block's last line is full and the next block's first line is not indented.
 */
export function paragraphsOf(blocks: readonly TextBlock[]): string[][] {
  const paragraphs: string[][] = [];
  blocks.forEach((block, blockIndex) => {
    const pitch = usualPitch(block.lines);
    block.lines.forEach((line, index) => {
      const previous = block.lines[index - 1];
      const startsHere =
        previous === undefined
          ? !flowsOn(blocks[blockIndex - 1], block)
          : startsParagraph(line, previous, block, pitch);
      if (startsHere) paragraphs.push([]);
      paragraphs.at(-1)!.push(line.text);
    });
  });
  return paragraphs;
}

/** A paragraph cut at the foot of one block goes on at the head of the next. */
function flowsOn(before: TextBlock | undefined, block: TextBlock): boolean {
  const last = before?.lines.at(-1);
  const first = block.lines[0]!;
  if (!before || !last || before.lines.length < 2 || block.lines.length < 2) return false;
  const sameSize = first.size / last.size <= SIZE_CHANGE && last.size / first.size <= SIZE_CHANGE;
  return (
    sameSize && before.right - last.right <= SHORT_LINE * last.size && first.left <= block.left + INDENT * first.size
  );
}

function startsParagraph(line: TextLine, previous: TextLine, block: TextBlock, pitch: number): boolean {
  const sizeRatio = line.size / previous.size;
  return (
    sizeRatio > SIZE_CHANGE ||
    sizeRatio < 1 / SIZE_CHANGE ||
    line.left > block.left + INDENT * line.size ||
    block.right - previous.right > Math.max(SHORT_LINE, leadingWordWidth(line.text) + 1) * previous.size ||
    previous.y - line.y > pitch * PARAGRAPH_SPACING
  );
}

/**
 * The width of the unbreakable word a line starts with (digits, Latin letters), in font sizes, with the punctuation that
 * may not start a line after it (8.5%，).
 */
function leadingWordWidth(text: string): number {
  const [, word = '', punctuation = ''] = /^([\d.,%A-Za-z-]*)([，。、；：！？）”’》]?)/u.exec(text) ?? [];
  return word.length * LATIN_WIDTH + punctuation.length;
}

/** The usual distance between consecutive baselines of a block (its median): line spacing without paragraph spacing. */
function usualPitch(lines: readonly TextLine[]): number {
  const pitches = lines
    .slice(1)
    .map((line, index) => lines[index]!.y - line.y)
    .sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)] ?? Number.POSITIVE_INFINITY;
}

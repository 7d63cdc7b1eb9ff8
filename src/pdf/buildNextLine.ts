/**
 * pdfmake's LayoutBuilder.buildNextLine without copying the rest of the paragraph for every inline it places.
 *
 * pdfmake asks `line.hasEnoughSpaceForInline(next, rest)` with `rest = inlines.slice(1)` for each inline, which is
 * quadratic in a paragraph's length, and a CJK paragraph has an inline per character (a tenth of all the memory a
 * briefing allocates). Line only reads `rest` when the inline must not be separated from what follows
 * (`noNewLine`), so the copy is made only then. Everything else is pdfmake's code, step for step.
 */

interface Inline {
  text: string;
  width: number;
  noWrap?: boolean;
  noNewLine?: boolean;
}
interface Line {
  lastLineInParagraph: boolean;
  hasEnoughSpaceForInline(inline: Inline, nextInlines: Inline[]): boolean;
  getAvailableWidth(): number;
  addInline(inline: Inline): void;
}
interface TextNode {
  _inlines?: Inline[];
}
export interface LayoutBuilder {
  writer: { context(): { availableWidth: number } };
}
export type LineClass = new (maxWidth: number) => Line;
export type TextInlinesClass = new (pdfDocument: null) => { widthOfText(text: string, inline: Inline): number };

const NOTHING_FOLLOWS: Inline[] = [];

export function buildNextLineWith(Line: LineClass, TextInlines: TextInlinesClass) {
  return function buildNextLine(this: LayoutBuilder, textNode: TextNode): Line | null {
    const inlines = textNode._inlines;
    if (!inlines || inlines.length === 0) return null;
    const line = new Line(this.writer.context().availableWidth);
    const textInlines = new TextInlines(null);
    const rest = (): Inline[] => (inlines[0]!.noNewLine ? inlines.slice(1) : NOTHING_FOLLOWS);
    let isForceContinue = false;
    while (inlines.length > 0 && (line.hasEnoughSpaceForInline(inlines[0]!, rest()) || isForceContinue)) {
      let isHardWrap = false;
      const inline = inlines.shift()!;
      if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
        const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (text) =>
          textInlines.widthOfText(text, inline),
        );
        if (maxChars < inline.text.length) {
          const newInline = cloneInline(inline);
          newInline.text = inline.text.substr(maxChars);
          inline.text = inline.text.substr(0, maxChars);
          newInline.width = textInlines.widthOfText(newInline.text, newInline);
          inline.width = textInlines.widthOfText(inline.text, inline);
          inlines.unshift(newInline);
          isHardWrap = true;
        }
      }
      line.addInline(inline);
      isForceContinue = Boolean(inline.noNewLine) && !isHardWrap;
    }
    line.lastLineInParagraph = inlines.length === 0;
    return line;
  };
}

function cloneInline(inline: Inline): Inline {
  const copy = (inline as unknown as { constructor(): Inline }).constructor();
  for (const key in inline)
    (copy as unknown as Record<string, unknown>)[key] = (inline as unknown as Record<string, unknown>)[key];
  return copy;
}

/** The longest start of `text` that fits in `maxWidth` (at least one character), by bisection. */
function findMaxFitLength(text: string, maxWidth: number, measure: (text: string) => number): number {
  let low = 1;
  let high = text.length;
  let bestFit = 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    if (measure(text.substring(0, middle)) <= maxWidth) {
      bestFit = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return bestFit;
}

/**
 * Drops what a producer prints on every page around the text: running headers and footers (the paper's name, a file
 * name, the print date) and page numbers. They sit in the page's top or bottom margin and repeat, numbers aside, on
 * other pages; a page number is dropped there even alone. Body text never sits in that margin.
 */
import type { TextLine } from './types.js';

/** The share of the page's height at its top and bottom where running headers and footers are printed. */
const MARGIN_SHARE = 0.07;
/** 3, - 3 -, 1/2, 第3版, 第 1 页 共 3 页, Page 2 of 5. */
const PAGE_NUMBER =
  /^[-—–\s]*(?:第\s*\d+\s*[页版](?:\s*[,，]?\s*共\s*\d+\s*页)?|(?:page\s*)?\d+(?:\s*(?:[/／]|of)\s*\d+)?)[-—–\s]*$/iu;

export interface PageLines {
  height: number;
  lines: TextLine[];
}

export function dropRunningLines(pages: readonly PageLines[]): TextLine[][] {
  const pagesWithKey = new Map<string, Set<number>>();
  pages.forEach((page, index) => {
    for (const line of page.lines.filter((candidate) => inMargin(candidate, page.height))) {
      const key = runningKey(line.text);
      pagesWithKey.set(key, (pagesWithKey.get(key) ?? new Set()).add(index));
    }
  });
  return pages.map((page) =>
    page.lines.filter((line) => {
      if (!inMargin(line, page.height)) return true;
      return !PAGE_NUMBER.test(line.text) && (pagesWithKey.get(runningKey(line.text))?.size ?? 0) < 2;
    }),
  );
}

function inMargin(line: TextLine, pageHeight: number): boolean {
  return line.y > pageHeight * (1 - MARGIN_SHARE) || line.y < pageHeight * MARGIN_SHARE;
}

/** A running line's text with its numbers (page, date, time) blanked: what repeats from page to page. */
function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

import { describe, expect, it } from 'vitest';
import { dropRunningLines } from '../../../src/ingest/pdf/dropRunningLines.js';
import { line } from './items.js';

const HEIGHT = 842;

/** A page as Chromium prints it: date and title at the top, file and page number at the bottom, body between. */
function printedPage(page: number, body: string[]) {
  return {
    height: HEIGHT,
    lines: [
      line(`12/${page}/26, 9:2${page} AM`, 24, 830, 8),
      line('长治日报两会特刊', 300, 830, 8),
      ...body.map((text, index) => line(text, 40, 760 - index * 15)),
      line('file:///tmp/page.html', 24, 17, 8),
      line(`${page}/3`, 558, 17, 8),
    ],
  };
}

describe('dropRunningLines', () => {
  it('drops running headers and footers repeated across pages, numbers aside, and the page numbers', () => {
    const pages = [1, 2, 3].map((page) => printedPage(page, [`正文第${page}页`, '坚持项目为王，积蓄发展动能']));
    expect(dropRunningLines(pages).map((lines) => lines.map((kept) => kept.text))).toEqual(
      [1, 2, 3].map((page) => [`正文第${page}页`, '坚持项目为王，积蓄发展动能']),
    );
  });

  it('drops a page number alone, but keeps a margin line printed once and body lines that repeat', () => {
    const page = {
      height: HEIGHT,
      lines: [
        line('两会特刊', 40, 830),
        line('- 1 -', 290, 20),
        line('第 1 页 共 1 页', 250, 30),
        line('2026', 40, 700),
      ],
    };
    expect(dropRunningLines([page])[0]!.map((kept) => kept.text)).toEqual(['两会特刊', '2026']);
  });
});

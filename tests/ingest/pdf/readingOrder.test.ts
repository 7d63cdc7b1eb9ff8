import { describe, expect, it } from 'vitest';
import { orderPage } from '../../../src/ingest/pdf/readingOrder.js';
import type { TextLine } from '../../../src/ingest/pdf/types.js';
import { line } from './items.js';

/** `count` lines of 12 characters in a column whose left edge is `left`, from `top` down, named 栏<column>行<n>. */
function column(name: string, left: number, top: number, count: number): TextLine[] {
  return Array.from({ length: count }, (_, index) =>
    line(`${name}行${String(index + 1).padStart(2, '0')}正文正文正文正文正`, left, top - index * 15),
  );
}

const texts = (lines: TextLine[]): string[] => lines.map((found) => found.text);
/** A deterministic shuffle: producers draw in any order. */
const shuffled = <T>(items: T[]): T[] =>
  items
    .map((item, index) => ({ item, key: (index * 7919) % 101 }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

describe('orderPage', () => {
  it('reads the masthead, then three columns top to bottom, left to right, with a caption in its place', () => {
    const masthead = line('长治日报', 180, 780, 40);
    const caption = line('会场一角（本报记者 摄）', 30, 645, 8);
    const columns = [column('栏一', 30, 700, 6), column('栏二', 174, 700, 10), column('栏三', 318, 700, 10)];
    columns[0]!.push(...column('栏丁', 30, 600, 4));
    const blocks = orderPage(shuffled([masthead, caption, ...columns.flat()]));
    expect(blocks.map((block) => texts(block.lines))).toEqual([
      ['长治日报'],
      [...texts(columns[0]!.slice(0, 4)), '会场一角（本报记者 摄）', ...texts(columns[0]!.slice(4))],
      texts(columns[1]!),
      texts(columns[2]!),
    ]);
    expect(blocks[1]).toMatchObject({ left: 30, right: 160 });
  });

  it('lets a headline across the columns cut the page into bands, each read column by column', () => {
    const above = [column('上左', 30, 700, 5), column('上右', 174, 700, 5)];
    const headline = line('坚持项目为王，积蓄发展动能，推动高质量发展', 40, 610, 14);
    const below = [column('下左', 30, 580, 5), column('下右', 174, 580, 5)];
    const blocks = orderPage(shuffled([...above.flat(), headline, ...below.flat()]));
    expect(blocks.map((block) => texts(block.lines))).toEqual([
      texts(above[0]!),
      texts(above[1]!),
      [headline.text],
      texts(below[0]!),
      texts(below[1]!),
    ]);
  });

  it('reads a page of one column top to bottom, its short lines and headings included', () => {
    const lines = [line('二、主要工作', 40, 760), ...column('正文', 40, 745, 8), line('短行。', 40, 620)];
    expect(orderPage(shuffled(lines)).map((block) => texts(block.lines))).toEqual([texts(lines)]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphsOf, textInReadingOrder } from '../../../src/ingest/pdf/textInReadingOrder.js';
import type { TextBlock, TextLine } from '../../../src/ingest/pdf/types.js';
import { readReport } from '../../../src/ingest/readReport.js';
import { ROOT } from '../../helpers/samples.js';
import { line, run } from './items.js';

const block = (lines: TextLine[]): TextBlock => ({
  lines,
  left: Math.min(...lines.map((found) => found.left)),
  right: Math.max(...lines.map((found) => found.right)),
});

describe('paragraphsOf', () => {
  it('starts a paragraph at an indent, after a short line, after paragraph spacing and where the size changes', () => {
    const column = block([
      line('纵深推进三个年活动，抓', 50, 700), // indented first line
      line('紧抓实项目谋划、招引、建设', 30, 685),
      line('投用各环节。', 30, 670), // short: the paragraph ends
      line('紧盯国家政策导向和投资方', 30, 655),
      line('向，加大项目策划包装力度', 30, 640),
      line('会场一角（本报记者 摄）', 30, 625, 8), // a caption
      line('全力争取上级资金支持，聚', 30, 610),
      line('焦产业升级和城市建设工作', 30, 580), // paragraph spacing above
    ]);
    expect(paragraphsOf([column])).toEqual([
      ['纵深推进三个年活动，抓', '紧抓实项目谋划、招引、建设', '投用各环节。'],
      ['紧盯国家政策导向和投资方', '向，加大项目策划包装力度'],
      ['会场一角（本报记者 摄）'],
      ['全力争取上级资金支持，聚'],
      ['焦产业升级和城市建设工作'],
    ]);
  });

  it('keeps a short line in its paragraph when the next line starts with a number that would not have fitted', () => {
    // 40 units short of the edge: 1000.50亿 (about 49) did not fit, 压 (10) would have.
    const lines = (next: string) =>
      block([line('科学谋划一批重点项目，确保', 30, 700), line('项目储备动态保持在', 30, 685), line(next, 30, 670)]);
    expect(paragraphsOf([lines('1000.50亿元以上。压实')])).toHaveLength(1);
    expect(paragraphsOf([lines('压实招商责任，完善招商图')])).toHaveLength(2);
  });

  it('goes on from one column into the next when the first ends on a full line and the next does not start indented', () => {
    const first = block([line('聚焦产业升级、城市建设、社', 30, 700), line('会治理、民生保障等领域科', 30, 685)]);
    const flowing = block([line('学谋划一批重点项目，确保', 174, 700), line('项目储备动态保持在千亿。', 174, 685)]);
    const indented = block([line('新段落开头的这一行缩进了', 194, 700), line('两个字符的宽度从这里开始', 174, 685)]);
    expect(paragraphsOf([first, flowing])).toHaveLength(1);
    expect(paragraphsOf([first, indented])).toHaveLength(2);
  });
});

describe('textInReadingOrder', () => {
  it('writes printed lines as lines and a blank line between paragraphs, pages and columns', () => {
    const page = {
      height: 842,
      items: [run('长治日报', 200, 780, 30), run('第一行正文', 30, 700), run('第二行。', 30, 685)],
    };
    expect(textInReadingOrder([page, page])).toBe(
      '长治日报\n\n第一行正文\n第二行。\n\n长治日报\n\n第一行正文\n第二行。',
    );
  });

  it('reads a 4-column newspaper page printed by Chromium as the text it was made from', async () => {
    const file = join(ROOT, 'tests/fixtures/pdf/chromium/002_ee9ec9bd326fe06d.pdf');
    const report = await readReport(file);
    const source = await readReport(join(ROOT, 'data/reports/002_ee9ec9bd326fe06d.txt'));
    // Masthead first; the browser's running header and footer (date, file, 1/2) gone; the caption a paragraph of its own.
    expect(report.original.split('\n')[0]).toBe('⻓治⽇报');
    expect(report.original).not.toMatch(/file:|AM|\b1\/2\b/);
    expect(report.paragraphs.find((paragraph) => paragraph.text === '会场一角（本报记者摄）')?.kind).toBe('caption');
    // Every paragraph of running text comes out whole, in the order of the text.
    const body = source.paragraphs.filter((paragraph) => paragraph.kind === 'body').map((paragraph) => paragraph.text);
    const read = report.paragraphs.map((paragraph) => paragraph.text);
    expect(body.filter((text) => !read.includes(text))).toEqual([]);
    const positions = body.map((text) => read.indexOf(text));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

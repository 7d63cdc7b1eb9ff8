import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, paragraphsOf, sourceRange } from '../../src/ingest/cleanText.js';
import { normalizeText } from '../../src/ingest/normalizeText.js';
import { withDataReplaced } from '../../src/util/dataFile.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const sample = (prefix: string): string =>
  readFileSync(SAMPLES.find((candidate) => candidate.file.startsWith(prefix))!.path, 'utf8');

describe('cleanText', () => {
  it('re-joins a sentence cut across lines and drops the passage the column layout printed twice (屯留)', () => {
    const paragraphs = cleanText(sample('002'));
    const bodies = paragraphs.filter((paragraph) => paragraph.kind === 'body').map((paragraph) => paragraph.text);
    const cut = bodies.filter((text) => text.includes('元高效利用，支持焦化'));
    expect(cut).toHaveLength(1);
    expect(cut[0]).toContain('加强多元高效利用');
    expect(cut[0]).toContain('三大主导产业集群，抓好');
    expect(bodies.some((text) => text.includes('科学谋划一批重点项目'))).toBe(true);
  });

  it('keeps mastheads and photo captions out of the body text', () => {
    const paragraphs = cleanText(sample('002'));
    const kindOf = (text: string): string | undefined => paragraphs.find((paragraph) => paragraph.text === text)?.kind;
    expect(kindOf('聚焦')).toBe('furniture');
    expect(kindOf('2026年1月18日 星期日')).toBe('furniture');
    expect(kindOf('城市花园')).toBe('caption');
    expect(kindOf('坚持项目为王，积蓄发展动能')).toBe('heading');
  });

  it("takes a word alone above a page's dated line for the section banner, and the same word below it for a caption", () => {
    const paragraphs = cleanText(
      '要闻\n\n晋城日报\n\n2025年3月2日 星期日\n\n要闻\n\n全县经济运行平稳，地区生产总值增长5%。\n',
    );
    expect(paragraphs.map((paragraph) => [paragraph.text, paragraph.kind])).toEqual([
      ['要闻', 'furniture'],
      ['晋城日报', 'furniture'],
      ['2025年3月2日 星期日', 'furniture'],
      ['要闻', 'caption'],
      ['全县经济运行平稳，地区生产总值增长5%。', 'body'],
    ]);
  });

  it('removes Markdown heading marks, bold marks and subscript braces', () => {
    const paragraphs = cleanText('# 襄垣县\n\n**地区生产总值**完成 426.8 亿元。\n\nPM_{2.5}浓度同比下降11.8%。\n');
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual([
      '襄垣县',
      '地区生产总值完成 426.8 亿元。',
      'PM2.5浓度同比下降11.8%。',
    ]);
  });

  it('joins the printed lines of a PDF read in reading order up to each blank line, whatever their width', () => {
    // Lines of a narrow newspaper column: too short for the widths to tell that they were wrapped.
    const text = '纵深推进“三个年”活\n动，抓紧抓实项目谋\n划、招引、建设。\n\n会场一角\n\n全力争取上级资金\n支持。';
    expect(paragraphsOf(normalizeText(text), { linesWrapped: true }).map((paragraph) => paragraph.text)).toEqual([
      '纵深推进“三个年”活动，抓紧抓实项目谋划、招引、建设。',
      '会场一角',
      '全力争取上级资金支持。',
    ]);
    expect(paragraphsOf(normalizeText(text)).map((paragraph) => paragraph.text)).not.toContain(
      '纵深推进“三个年”活动，抓紧抓实项目谋划、招引、建设。',
    );
  });

  it('maps cleaned text back to verbatim pieces of the original', () => {
    // A print line is a full column wide; the cut falls inside 规上工业增加值.
    const original =
      '前言\n\n一年来，主要指标实现历史性突破，**地区生产总值**完成426.8亿元，增长11.3%；规上工业增\n\n加值增长 15.2%。';
    const paragraphs = cleanText(original);
    const body = paragraphs[1]!;
    expect(body.text).toBe(
      '一年来，主要指标实现历史性突破，地区生产总值完成426.8亿元，增长11.3%；规上工业增加值增长 15.2%。',
    );
    const at = body.text.indexOf('完成426.8亿元');
    const range = sourceRange(body, at, at + '完成426.8亿元，增长11.3%'.length)!;
    expect(original.slice(range.from, range.to)).toBe('完成426.8亿元，增长11.3%');
    // Across the bold mark or the print line break, the verbatim piece holds what cleaning removed.
    const acrossBold = sourceRange(body, body.text.indexOf('突破'), at + 2);
    expect(original.slice(acrossBold.from, acrossBold.to)).toBe('突破，**地区生产总值**完成');
    const acrossBreak = sourceRange(body, body.text.indexOf('增加值'), body.text.indexOf('增加值') + 3);
    expect(original.slice(acrossBreak.from, acrossBreak.to)).toBe('增\n\n加值');
  });
});

describe('the masthead names of data/page-furniture.json', () => {
  const data = JSON.parse(readFileSync(join(ROOT, 'data/page-furniture.json'), 'utf8')) as {
    mastheads: { word: string }[];
  };
  const lines: Record<string, string> = { 日报: '长治日报', 晚报: '太行晚报', 特刊: '两会特刊', 两会: '长治两会' };
  const kindOf = (line: string): string | undefined =>
    cleanText(`${line}\n\n全县经济运行平稳，地区生产总值增长5%。\n`)[0]?.kind;

  it.each(data.mastheads.map(({ word }) => ({ word, line: lines[word]! })))(
    '$line is page furniture, and is not without the entry $word',
    async ({ word, line }) => {
      expect(kindOf(line)).toBe('furniture');
      const without = { ...data, mastheads: data.mastheads.filter((entry) => entry.word !== word) };
      expect(await withDataReplaced('page-furniture.json', without, async () => kindOf(line))).not.toBe('furniture');
    },
  );
});

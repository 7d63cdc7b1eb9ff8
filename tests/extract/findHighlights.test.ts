import { describe, expect, it } from 'vitest';
import { findHighlights } from '../../src/extract/findHighlights.js';
import { cleanText } from '../../src/ingest/cleanText.js';

const highlightsOf = (text: string, planStart = Number.MAX_SAFE_INTEGER) =>
  findHighlights(cleanText(text), text, planStart);

describe('findHighlights', () => {
  it('takes a heading with a comma as a theme, with the first sentence after it, quoting the original', () => {
    const text = '坚持项目为王，积蓄发展动能\n纵深推进“三个年”活动，抓紧抓实项目谋划。形成近期可实施的项目推进格局。\n';
    const { highlights } = highlightsOf(text);
    expect(highlights).toEqual([
      {
        title: '坚持项目为王，积蓄发展动能',
        text: '纵深推进“三个年”活动，抓紧抓实项目谋划。',
        quote: '坚持项目为王，积蓄发展动能',
      },
    ]);
  });

  it('takes the theme after a lead-in (一年来，我们…), and the sentence after it', () => {
    const { highlights } = highlightsOf('一年来，我们保大盘促增长，经济运行稳中有进。全年地区生产总值完成126亿元。\n');
    expect(highlights).toMatchObject([
      { title: '保大盘促增长，经济运行稳中有进', text: '全年地区生产总值完成126亿元。' },
    ]);
  });

  it('puts the themes of the plan part among the targets', () => {
    const text = '坚持项目为王，积蓄发展动能\n纵深推进项目建设。\n坚持转型为首，推动产业升级\n培育壮大新兴产业。\n';
    const { highlights, targets } = highlightsOf(text, 2);
    expect(highlights.map((item) => item.title)).toEqual(['坚持项目为王，积蓄发展动能']);
    expect(targets.map((item) => item.title)).toEqual(['坚持转型为首，推动产业升级']);
  });

  it('finds no theme in running text without a lead-in or heading', () => {
    expect(highlightsOf('全年地区生产总值完成126亿元，增长5%。一般公共预算收入8.2亿元。\n')).toEqual({
      highlights: [],
      targets: [],
    });
  });
});

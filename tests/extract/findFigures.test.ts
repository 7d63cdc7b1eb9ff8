import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/extract/findFigures.js';
import { cleanText } from '../../src/ingest/cleanText.js';

function figuresOf(text: string, context = { planStart: Number.MAX_SAFE_INTEGER, reviewYear: 2022, planYear: 2023 }) {
  return findFigures(cleanText(text), text, context);
}

describe('findFigures', () => {
  it('reads value, unit, growth (negative for 下降), label and year, quoting the clause verbatim', () => {
    const [gdp, pm] = figuresOf('地区生产总值完成 426.8 亿元，增长 11.3%；PM_{2.5}浓度为35微克，煤炭消费量9.5万吨，同比下降1.5%。');
    expect(gdp).toMatchObject({ label: '地区生产总值', value: 426.8, valueText: '426.8', unit: '亿元', growthPct: 11.3, year: 2022, kind: 'actual', quote: '地区生产总值完成 426.8 亿元，增长 11.3%' });
    expect(pm).toMatchObject({ label: '煤炭消费量', value: 9.5, unit: '万吨', growthPct: -1.5 });
  });

  it('marks goals as targets for the plan year', () => {
    const [target] = figuresOf('力争全年引进项目12个以上。');
    expect(target).toMatchObject({ kind: 'target', year: 2023, value: 12, unit: '个' });
  });

  it('reads Chinese numerals from ten up and leaves rhetoric alone', () => {
    const figures = figuresOf('新建学校十二所，培育三大主导产业，落实两个维护。');
    expect(figures.map((figure) => [figure.valueText, figure.value, figure.unit])).toEqual([['十二', 12, '所']]);
  });

  it('never takes a number for a figure when it is part of a code or a year', () => {
    expect(figuresOf('开通5G基站，PM2.5达标，2025年工作回顾。')).toEqual([]);
  });

  it('reads a figure whose number and unit a print line break separates, quoting the original with its break', () => {
    const text = '调峰储备能力持续提升，全县加快推进储气设施建设，储气调峰储备能力达到 2.5\n\n亿方，保障能力显著增强。';
    const [figure] = figuresOf(text).filter((candidate) => candidate.value === 2.5);
    expect(figure).toMatchObject({ label: '储气调峰储备能力', unit: '亿方', quote: '储气调峰储备能力达到 2.5\n\n亿方' });
    expect(text.slice(figure!.offset!, figure!.offset! + figure!.quote.length)).toBe(figure!.quote);
  });

  it('gives a generic amount the subject of the item before it', () => {
    const [, investment] = figuresOf('滚动接续、梯次推进项目268个、总投资489.31亿元。');
    expect(investment).toMatchObject({ label: '项目总投资', value: 489.31 });
  });
});

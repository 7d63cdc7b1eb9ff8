import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/extract/findFigures.js';
import { cleanText } from '../../src/ingest/cleanText.js';

function figuresOf(text: string, context = { planStart: Number.MAX_SAFE_INTEGER, reviewYear: 2022, planYear: 2023 }) {
  return findFigures(cleanText(text), text, context);
}

describe('findFigures', () => {
  it('reads value, unit, growth (negative for 下降), label and year, quoting the clause verbatim', () => {
    const [gdp, pm] = figuresOf(
      '地区生产总值完成 426.8 亿元，增长 11.3%；PM_{2.5}浓度为35微克，煤炭消费量9.5万吨，同比下降1.5%。',
    );
    expect(gdp).toMatchObject({
      label: '地区生产总值',
      value: 426.8,
      valueText: '426.8',
      unit: '亿元',
      growthPct: 11.3,
      year: 2022,
      kind: 'actual',
      quote: '地区生产总值完成 426.8 亿元，增长 11.3%',
    });
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
    expect(figure).toMatchObject({
      label: '储气调峰储备能力',
      unit: '亿方',
      quote: '储气调峰储备能力达到 2.5\n\n亿方',
    });
    expect(text.slice(figure!.offset!, figure!.offset! + figure!.quote.length)).toBe(figure!.quote);
  });

  it('gives a generic amount the subject of the item before it', () => {
    const [, investment] = figuresOf('滚动接续、梯次推进项目268个、总投资489.31亿元。');
    expect(investment).toMatchObject({ label: '项目总投资', value: 489.31 });
  });
});

describe('figures of one paragraph', () => {
  const found = (text: string) =>
    figuresOf(text).map((figure) => ({
      label: figure.label,
      value: figure.value,
      unit: figure.unit,
      growthPct: figure.growthPct,
      growthPoints: figure.growthPoints,
      indicator: figure.indicator,
    }));

  it('attaches a growth rate across a clause of fillers (按可比价计算), and to no other amount', () => {
    expect(found('全年地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%；规上工业增加值增长5.2%。')).toEqual([
      { label: '地区生产总值', value: 192.3, unit: '亿元', growthPct: 6, growthPoints: undefined, indicator: 'gdp' },
      {
        label: '规模以上工业增加值增速',
        value: 5.2,
        unit: '%',
        growthPct: undefined,
        growthPoints: undefined,
        indicator: 'industrial_value_added',
      },
    ]);
  });

  it('reads 、增长, a negative growth, 下降 as negative, and percentage points as points', () => {
    expect(found('社会消费品零售总额31.5亿元、增长-0.5%。')[0]).toMatchObject({
      growthPct: -0.5,
      indicator: 'retail_sales',
    });
    expect(found('一般公共预算收入3.6亿元，下降4.3%。')[0]).toMatchObject({ growthPct: -4.3 });
    expect(found('常住人口城镇化率43.97%，比上年末提高0.84个百分点。')[0]).toMatchObject({
      value: 43.97,
      growthPoints: 0.84,
      indicator: 'urbanization_rate',
    });
  });

  it('maps a 分别 list in order: amounts and their growth rates', () => {
    expect(found('城镇和农村居民人均可支配收入分别达到37338元、17353元，分别增长7.1%、8%。')).toEqual([
      {
        label: '城镇居民人均可支配收入',
        value: 37338,
        unit: '元',
        growthPct: 7.1,
        growthPoints: undefined,
        indicator: 'urban_income',
      },
      {
        label: '农村居民人均可支配收入',
        value: 17353,
        unit: '元',
        growthPct: 8,
        growthPoints: undefined,
        indicator: 'rural_income',
      },
    ]);
  });

  it('maps 城乡居民…分别增长7%和6.5% onto the urban and the rural rate', () => {
    expect(
      found('城乡居民人均可支配收入分别增长7%和6.5%。').map((figure) => [figure.label, figure.value, figure.indicator]),
    ).toEqual([
      ['城镇居民人均可支配收入增速', 7, 'urban_income'],
      ['农村居民人均可支配收入增速', 6.5, 'rural_income'],
    ]);
  });

  it('takes no threshold, comparison base, absolute change, conversion or meeting count for a figure', () => {
    const values = (text: string) => figuresOf(text).map((figure) => figure.value);
    expect(values('力争引进10亿元以上项目10个以上。')).toEqual([10]);
    expect(values('贫困发生率由7%下降到1.19%。')).toEqual([1.19]);
    expect(values('农村居民人均可支配收入17353元，比上年增加1024元。')).toEqual([17353]);
    expect(values('人均地区生产总值达29057元（折合4505美元）。')).toEqual([29057]);
    expect(values('来自全县各条战线的162名代表出席会议。')).toEqual([]);
    expect(values('出台实施稳经济47条。')).toEqual([]);
  });

  it('names a figure whose clause names nothing by the clause before (生产总值年均增长12.2%，2016年达到1156.49亿元)', () => {
    expect(found('生产总值年均增长12.2%，2016年达到1156.49亿元。')).toEqual([
      {
        label: '地区生产总值',
        value: 1156.49,
        unit: '亿元',
        growthPct: 12.2,
        growthPoints: undefined,
        indicator: 'gdp',
      },
    ]);
  });

  it('keeps the digits of a label (5G基站), and reads a name that follows its number', () => {
    expect(found('新开通5G基站120个。')[0]).toMatchObject({ label: '新开通5G基站', value: 120 });
    expect(found('2025年，3598万吨原煤产量、2154万吨洗精煤。').map((figure) => figure.label)).toEqual([
      '原煤产量',
      '洗精煤',
    ]);
  });

  it('does not take a comparison base year for the figure year', () => {
    const [figure] = figuresOf('固定资产投资较2021年增加，达到102.9亿元。');
    expect(figure).toMatchObject({ year: 2022 });
  });
});

describe('findFigures: marks passed and counts of measures are not figures', () => {
  it('takes the amount reached, not the mark passed (突破400亿元、达410亿元; 跨越130亿元，累计完成136.6亿元)', () => {
    expect(figuresOf('预计全年地区生产总值突破400亿元、达410亿元，增长7.5%。').map((figure) => figure.value)).toEqual([
      410,
    ]);
    expect(figuresOf('全年财政收入跨越130亿元，累计完成136.6亿元，同比增长7%。').map((figure) => figure.value)).toEqual(
      [136.6],
    );
  });

  it('keeps a mark passed that is the only amount given (突破400亿元，增长7.5%)', () => {
    expect(
      figuresOf('全年地区生产总值突破400亿元，增长7.5%。').map((figure) => [figure.value, figure.growthPct]),
    ).toEqual([[400, 7.5]]);
  });

  it('counts no measures or policies (落实保增长促发展10项措施, 出台30条政策)', () => {
    expect(figuresOf('落实保增长促发展10项措施，成立中小企业服务中心。')).toEqual([]);
    expect(figuresOf('全年新增市场主体10项，落实项目45项。').map((figure) => figure.value)).toEqual([10, 45]);
  });
});

describe('findFigures: one number said of several years or items', () => {
  it("is no figure when one bound is kept by several (近四年税收占比均保持在80%以上); one subject's bound still is (粮食总产量稳定在12万吨以上)", () => {
    expect(
      figuresOf('全年税收收入占财政总收入比重达86.4%，近四年税收占比均保持在80%以上。').map((figure) => figure.value),
    ).toEqual([86.4]);
    expect(figuresOf('全县粮食总产量稳定在12万吨以上。').map((figure) => figure.value)).toEqual([12]);
  });
});

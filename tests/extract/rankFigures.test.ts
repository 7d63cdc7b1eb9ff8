// The order of a briefing's figures: each weight of rankFigures shown to matter on its own.
import { describe, expect, it } from 'vitest';
import { unitFamily } from '../../src/extract/figureGrammar.js';
import { rankFigures } from '../../src/extract/rankFigures.js';
import type { Figure } from '../../src/summary/schema.js';

let next = 0;
/** A figure with a value of its own: the same value, unit and kind twice is one figure stated twice. */
const figure = (label: string, unit: string, extra: Partial<Figure> = {}): Figure => {
  next += 1;
  return {
    label,
    value: next,
    valueText: String(next),
    unit,
    kind: 'actual',
    quote: `${label}${next}${unit}`,
    ...extra,
  };
};
const order = (figures: Figure[]) => rankFigures(figures).map((each) => each.label);

describe('rankFigures', () => {
  it('puts catalogue indicators first, in catalogue order, whatever the reading order', () => {
    expect(
      order([
        figure('新增企业', '家'),
        figure('一般公共预算收入', '亿元', { indicator: 'general_budget_revenue' }),
        figure('地区生产总值', '亿元', { indicator: 'gdp' }),
      ]),
    ).toEqual(['地区生产总值', '一般公共预算收入', '新增企业']);
  });

  it('keeps catalogue order whatever the bonuses: urban income before rural income, even when only the rural one has a growth rate', () => {
    expect(
      order([
        figure('农村居民人均可支配收入', '元', { indicator: 'rural_income', growthPct: 6 }),
        figure('城镇居民人均可支配收入', '元', { indicator: 'urban_income' }),
      ]),
    ).toEqual(['城镇居民人均可支配收入', '农村居民人均可支配收入']);
  });

  it('puts results before plans', () => {
    expect(order([figure('目标', '亿元', { kind: 'target' }), figure('结果', '亿元')])).toEqual(['结果', '目标']);
  });

  it('then a growth rate, then money, then a physical quantity, then a count', () => {
    expect(
      order([
        figure('个数', '个'),
        figure('吨数', '万吨'),
        figure('钱', '亿元'),
        figure('增长的个数', '个', { growthPct: 5 }),
      ]),
    ).toEqual(['增长的个数', '钱', '吨数', '个数']);
  });

  it('puts a bare percentage and a roughly stated amount last, and keeps reading order among equals', () => {
    expect(
      order([
        figure('覆盖率', '%'),
        figure('个数', '个'),
        figure('约数', '个', { qualifier: '余' }),
        figure('又一个数', '个'),
      ]),
    ).toEqual(['个数', '又一个数', '覆盖率', '约数']);
  });

  it('shows the same figure stated twice once', () => {
    const gdp = figure('地区生产总值', '亿元', { indicator: 'gdp' });
    expect(rankFigures([gdp, { ...gdp, quote: '又说了一遍' }])).toHaveLength(1);
  });

  it('keeps two figures that only share their number (11个智慧小区, 11个重点项目)', () => {
    const homes = figure('新建智慧小区', '个', { kind: 'target' });
    expect(order([homes, { ...homes, label: '建成重点项目', quote: '建成11个重点项目' }])).toEqual([
      '新建智慧小区',
      '建成重点项目',
    ]);
  });
});

describe('unitFamily', () => {
  it('reads a unit as magnitude and base from data/units.json', () => {
    expect([
      unitFamily('亿元'),
      unitFamily('万吨'),
      unitFamily('%'),
      unitFamily('个百分点'),
      unitFamily('万人次'),
      unitFamily('斗'),
    ]).toEqual(['money', 'mass', 'percent', 'points', 'visits', undefined]);
  });
});

// Pairing last year's targets with this year's results, rule by rule, on small summaries written for each rule.
// tests/compare/pairTargetsSeries.test.ts does the same on a real pair of reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairTargets, splitUnit } from '../../src/compare/pairTargets.js';
import { BriefingError } from '../../src/errors.js';
import { ROOT } from '../helpers/samples.js';
import { withDataReplaced } from '../../src/util/dataFile.js';
import { summarySchema, type BriefingSummary, type Figure } from '../../src/summary/schema.js';

const REGION = { name: '海拉尔区', code: '150702', parent: '呼伦贝尔市', level: 'district' as const };

function summary(figures: Figure[], overrides: Partial<BriefingSummary> = {}): BriefingSummary {
  return {
    schemaVersion: 1,
    id: 'test',
    source: { file: 'report.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', kind: 'work_report' },
    region: REGION,
    session: {},
    title: '政府工作报告',
    figures,
    highlights: [],
    targets: [],
    keywords: [],
    warnings: [],
    ...overrides,
  };
}

/** A figure whose quote is its own words: `quote` holds valueText as the schema requires. */
function figure(fields: Partial<Figure> & Pick<Figure, 'label' | 'value' | 'unit' | 'kind' | 'quote'>): Figure {
  return { valueText: String(fields.value), year: 2018, ...fields };
}

const gdpGrowthTarget = (qualifier?: string) =>
  figure({
    label: '地区生产总值增速',
    value: 6,
    unit: '%',
    kind: 'target',
    indicator: 'gdp',
    quote: `地区生产总值增长6%${qualifier ?? ''}`,
    ...(qualifier ? { qualifier } : {}),
  });
const gdpResult = (growthPct: number) =>
  figure({
    label: '地区生产总值',
    value: 192.3,
    unit: '亿元',
    growthPct,
    kind: 'actual',
    indicator: 'gdp',
    quote: `地区生产总值完成192.3亿元，同比增长${growthPct}%`,
  });

const verdictsOf = (previous: Figure[], current: Figure[]) =>
  pairTargets({ previous: summary(previous), current: summary(current) }).pairs.map((pair) => [
    pair.indicator,
    pair.measure,
    pair.verdict,
  ]);

describe('pairTargets: growth against growth', () => {
  it('reads 左右 as at most 0.5 point short', () => {
    expect(verdictsOf([gdpGrowthTarget('左右')], [gdpResult(6.0)])).toEqual([['gdp', 'growth', '完成']]);
    expect(verdictsOf([gdpGrowthTarget('左右')], [gdpResult(5.5)])).toEqual([['gdp', 'growth', '完成']]);
    expect(verdictsOf([gdpGrowthTarget('左右')], [gdpResult(5.4)])).toEqual([['gdp', 'growth', '未完成']]);
  });

  it('reads a target without qualifier, or with 以上, as a floor', () => {
    expect(verdictsOf([gdpGrowthTarget()], [gdpResult(5.9)])).toEqual([['gdp', 'growth', '未完成']]);
    expect(verdictsOf([gdpGrowthTarget()], [gdpResult(6)])).toEqual([['gdp', 'growth', '完成']]);
    expect(verdictsOf([gdpGrowthTarget('以上')], [gdpResult(5.9)])).toEqual([['gdp', 'growth', '未完成']]);
  });

  it("reads an amount's growth target with the rate's own qualifier, and says it as written", () => {
    const investment = (value: number, growthPct: number, kind: Figure['kind'], growthQualifier?: string) =>
      figure({
        label: '固定资产投资',
        value,
        unit: '亿元',
        growthPct,
        kind,
        indicator: 'fixed_asset_investment',
        quote: `完成固定资产投资${value}亿元、增长${growthPct}%${growthQualifier ?? ''}`,
        ...(growthQualifier ? { growthQualifier } : {}),
      });
    const below = pairTargets({
      previous: summary([investment(2700, 10, 'target', '以上')]),
      current: summary([investment(2500, 5.3, 'actual')]),
    }).pairs.find((pair) => pair.measure === 'growth');
    expect(below).toMatchObject({
      measure: 'growth',
      verdict: '未完成',
      target: { value: 10, qualifier: '以上' },
      reason: '实际5.3%，目标10%以上：不低于10%',
    });
    // 增长6%左右 after an amount lets the result fall 0.5 point short, like a growth target of its own.
    expect(
      verdictsOf([investment(2700, 6, 'target', '左右')], [investment(2600, 5.6, 'actual')]).filter(
        ([, measure]) => measure === 'growth',
      ),
    ).toEqual([['fixed_asset_investment', 'growth', '完成']]);
  });

  it('keeps both quotes and says the comparison with its numbers', () => {
    const [pair] = pairTargets({
      previous: summary([gdpGrowthTarget('左右')]),
      current: summary([gdpResult(6.0)]),
    }).pairs;
    expect(pair).toMatchObject({
      year: 2018,
      target: { value: 6, unit: '%', qualifier: '左右', quote: '地区生产总值增长6%左右' },
      result: { value: 6, unit: '%', quote: '地区生产总值完成192.3亿元，同比增长6%' },
      reason: '实际6%，目标6%左右：不低于5.5%',
    });
  });

  it('reads 以内 and an indicator where lower is better as a ceiling, and a fall (降幅) with its sign', () => {
    const unemployment = (value: number, qualifier?: string) =>
      figure({
        label: '城镇调查失业率',
        value,
        unit: '%',
        kind: qualifier !== undefined ? 'target' : 'actual',
        indicator: 'unemployment_rate',
        quote: `城镇调查失业率${value}%${qualifier ?? ''}`,
        ...(qualifier ? { qualifier } : {}),
      });
    expect(verdictsOf([unemployment(4.5, '以内')], [unemployment(3.5)])).toEqual([
      ['unemployment_rate', 'level', '完成'],
    ]);
    expect(verdictsOf([unemployment(4.5, '以内')], [unemployment(4.6)])).toEqual([
      ['unemployment_rate', 'level', '未完成'],
    ]);
    expect(verdictsOf([unemployment(4.5, '左右')], [unemployment(4.9)])).toEqual([
      ['unemployment_rate', 'level', '完成'],
    ]);
    const energy = (value: number, kind: Figure['kind']) =>
      figure({
        label: '单位地区生产总值能耗降幅',
        value,
        unit: '%',
        kind,
        indicator: 'energy_intensity',
        quote: `单位地区生产总值能耗下降${value}%`,
      });
    expect(verdictsOf([energy(3, 'target')], [energy(3.2, 'actual')])).toEqual([
      ['energy_intensity', 'growth', '完成'],
    ]);
    expect(verdictsOf([energy(3, 'target')], [energy(2.5, 'actual')])).toEqual([
      ['energy_intensity', 'growth', '未完成'],
    ]);
    // 下降3%以上 is met by a fall of 3.5 %: 以上 says how far down, not a floor on the signed growth.
    const atLeast = { ...energy(3, 'target'), qualifier: '以上', quote: '单位地区生产总值能耗下降3%以上' };
    expect(verdictsOf([atLeast], [energy(3.5, 'actual')])).toEqual([['energy_intensity', 'growth', '完成']]);
    expect(verdictsOf([atLeast], [energy(2.5, 'actual')])).toEqual([['energy_intensity', 'growth', '未完成']]);
  });
});

describe('pairTargets: amount against amount', () => {
  const revenueTarget = figure({
    label: '一般公共预算收入',
    value: 10,
    unit: '亿元',
    kind: 'target',
    indicator: 'general_budget_revenue',
    quote: '一般公共预算收入达到10亿元',
  });
  const revenue = (value: number, unit: string) =>
    figure({
      label: '一般公共预算收入',
      value,
      unit,
      kind: 'actual',
      indicator: 'general_budget_revenue',
      quote: `一般公共预算收入完成${value}${unit}`,
    });

  it('converts 万元 to 亿元 within the money family', () => {
    expect(verdictsOf([revenueTarget], [revenue(104000, '万元')])).toEqual([
      ['general_budget_revenue', 'amount', '完成'],
    ]);
    expect(verdictsOf([revenueTarget], [revenue(99000, '万元')])).toEqual([
      ['general_budget_revenue', 'amount', '未完成'],
    ]);
    const [pair] = pairTargets({
      previous: summary([revenueTarget]),
      current: summary([revenue(99000, '万元')]),
    }).pairs;
    expect(pair!.reason).toBe('实际9.9亿元，目标10亿元：不低于10亿元');
  });

  it('does not compare 元 with 美元', () => {
    const tradeTarget = figure({
      label: '进出口总额',
      value: 5,
      unit: '亿元',
      kind: 'target',
      indicator: 'foreign_trade',
      quote: '进出口总额达到5亿元',
    });
    const trade = figure({
      label: '进出口总额',
      value: 242,
      unit: '万美元',
      kind: 'actual',
      indicator: 'foreign_trade',
      quote: '进出口总额达242万美元',
    });
    const [pair] = pairTargets({ previous: summary([tradeTarget]), current: summary([trade]) }).pairs;
    expect(pair).toMatchObject({
      verdict: '无可比数据',
      reason: '单位不可比：目标亿元，实际万美元',
      result: { quote: '进出口总额达242万美元' },
    });
  });

  it('splits units into magnitude and base by data/units.json', () => {
    expect(splitUnit('亿元')).toEqual({ magnitude: 1e8, base: '元' });
    expect(splitUnit('万美元')).toEqual({ magnitude: 1e4, base: '美元' });
    expect(splitUnit('人')).toEqual({ magnitude: 1, base: '人' });
    expect(splitUnit('万')).toBeUndefined();
  });
});

describe('pairTargets: what is not paired, or not comparable', () => {
  it('gives 无可比数据 when this year has no result of the indicator for that year', () => {
    const lastYearsResult = { ...gdpResult(6.0), year: 2017 };
    const [pair, ...rest] = pairTargets({
      previous: summary([gdpGrowthTarget('左右')]),
      current: summary([lastYearsResult]),
    }).pairs;
    expect(rest).toEqual([]);
    expect(pair).toMatchObject({
      verdict: '无可比数据',
      reason: '本年报告未给出2018年的增速',
      target: { quote: '地区生产总值增长6%左右' },
    });
    expect(pair!.result).toBeUndefined();
  });

  it("pairs only targets with a catalogue indicator for the year this year's report reviews, and never actuals of last year", () => {
    const projects = figure({
      label: '建成水冲式公厕',
      value: 30,
      unit: '座',
      kind: 'target',
      quote: '年内力争建成水冲式公厕30座',
    });
    const lastYearsActual = { ...gdpResult(7), year: 2017 };
    const laterTarget = { ...gdpGrowthTarget('以上'), year: 2020, quote: '到2020年地区生产总值增长6%以上' };
    const pairs = pairTargets({
      previous: summary([projects, lastYearsActual, laterTarget, gdpGrowthTarget('左右')]),
      current: summary([gdpResult(6)], { reviewYear: 2018 }),
    }).pairs;
    expect(pairs.map((pair) => pair.target.quote)).toEqual(['地区生产总值增长6%左右']);
  });

  it('answers a target set for each part (城乡…分别) with each part, and a whole target without 分别 with nothing', () => {
    const incomeTarget = (quote: string) =>
      figure({
        label: '居民人均可支配收入增速',
        value: 7.5,
        unit: '%',
        kind: 'target',
        indicator: 'disposable_income',
        quote,
      });
    const urban = figure({
      label: '城镇居民人均可支配收入',
      value: 37820,
      unit: '元',
      growthPct: 6.5,
      kind: 'actual',
      indicator: 'urban_income',
      quote: '城镇居民人均可支配收入37820元，增长6.5%',
    });
    const rural = figure({
      label: '农村居民人均可支配收入',
      value: 28104,
      unit: '元',
      growthPct: 9.4,
      kind: 'actual',
      indicator: 'rural_income',
      quote: '农村居民人均可支配收入28104元，增长9.4%',
    });
    const each = pairTargets({
      previous: summary([incomeTarget('城乡居民人均可支配收入分别增长7.5%')]),
      current: summary([urban, rural]),
    }).pairs;
    expect(each.map((pair) => [pair.resultIndicator, pair.verdict])).toEqual([
      ['urban_income', '未完成'],
      ['rural_income', '完成'],
    ]);
    const whole = pairTargets({
      previous: summary([incomeTarget('全体居民人均可支配收入增长7.5%')]),
      current: summary([urban, rural]),
    }).pairs;
    expect(whole.map((pair) => pair.verdict)).toEqual(['无可比数据']);
  });

  it('refuses two summaries of different regions, naming the file and the field', () => {
    const other = summary([], {
      region: { name: '满洲里市', code: '150781', parent: '呼伦贝尔市', level: 'county_city' },
      source: { file: 'manzhouli-2018.txt', sha256: 'b'.repeat(64), encoding: 'utf-8', kind: 'work_report' },
    });
    let thrown: unknown;
    try {
      pairTargets({ previous: other, current: summary([]) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BriefingError);
    expect(thrown).toMatchObject({
      message: "last year's report is about 满洲里市 (150781), this year's about 海拉尔区 (150702)",
      file: 'manzhouli-2018.txt',
      field: 'region.code',
    });
  });
});

describe("pairTargets: a person's verdict", () => {
  it('wins over the rule, which stays beside it, and the summary with the pairs passes the schema', () => {
    const previous = summary([gdpGrowthTarget('左右')]);
    const first = pairTargets({ previous, current: summary([gdpResult(5.4)]) });
    expect(first.pairs[0]!.verdict).toBe('未完成');
    const reviewedPair = {
      ...first.pairs[0]!,
      verdict: '完成' as const,
      reviewed: {
        at: '2026-01-10T09:00:00Z',
        by: '张三',
        extracted: { verdict: first.pairs[0]!.verdict, reason: first.pairs[0]!.reason },
      },
    };
    const current = summary([gdpResult(5.4)], { lastYearTargets: { ...first, pairs: [reviewedPair] } });
    const again = pairTargets({ previous, current });
    expect(again.pairs[0]).toMatchObject({
      verdict: '完成',
      reviewed: { by: '张三', extracted: { verdict: '未完成', reason: '实际5.4%，目标6%左右：不低于5.5%' } },
    });
    expect(summarySchema.safeParse({ ...current, lastYearTargets: again }).success).toBe(true);
  });
});

describe('every entry of data/target-rules.json is needed by a case', () => {
  const rules = JSON.parse(readFileSync(join(ROOT, 'data/target-rules.json'), 'utf8')) as {
    qualifiers: Record<'ceiling' | 'floor' | 'about', string[]>;
    lowerIsBetter: string[];
    parts: Record<string, string[]>;
  };
  const target = (indicator: string, label: string, value: number, unit: string, qualifier?: string) =>
    figure({
      label,
      value,
      unit,
      kind: 'target',
      indicator,
      quote: `${label}${value}${unit}${qualifier ?? ''}`,
      ...(qualifier ? { qualifier } : {}),
    });
  const result = (indicator: string, label: string, value: number, unit: string) =>
    figure({ label, value, unit, kind: 'actual', indicator, quote: `${label}${value}${unit}` });
  const withoutQualifier = (kind: 'ceiling' | 'floor' | 'about', word: string) => ({
    ...rules,
    qualifiers: { ...rules.qualifiers, [kind]: rules.qualifiers[kind].filter((other) => other !== word) },
  });
  /** Where lower is better: at most 5 is met by 4, which would not reach 5. */
  const lowerIsBetter: Record<string, [string, string]> = {
    unemployment_rate: ['城镇调查失业率', '%'],
    cpi: ['居民消费价格涨幅', '%'],
    pm25: ['PM2.5平均浓度', '微克/立方米'],
    energy_intensity: ['单位地区生产总值能耗', '吨标准煤'],
  };
  /** For each kind of qualifier, a target written with the word, a result, and the verdict the word gives. */
  const byQualifier = {
    ceiling: (word: string) => ({
      previous: [target('fixed_asset_investment', '固定资产投资', 100, '亿元', word)],
      current: [result('fixed_asset_investment', '固定资产投资', 104, '亿元')],
      verdicts: ['未完成'],
    }),
    floor: (word: string) => ({
      previous: [target('unemployment_rate', '城镇调查失业率', 4.5, '%', word)],
      current: [result('unemployment_rate', '城镇调查失业率', 4.8, '%')],
      verdicts: ['完成'],
    }),
    about: (word: string) => ({
      previous: [target('gdp', '地区生产总值', 100, '亿元', word)],
      current: [result('gdp', '地区生产总值', 99.5, '亿元')],
      verdicts: ['完成'],
    }),
  };
  /** A target and a result whose verdicts turn on the entry, with the verdicts the rule gives. */
  const cases = [
    ...(Object.keys(byQualifier) as Array<keyof typeof byQualifier>).flatMap((kind) =>
      rules.qualifiers[kind].map((word) => ({
        entry: `qualifiers.${kind}: ${word}`,
        without: withoutQualifier(kind, word),
        ...byQualifier[kind](word),
      })),
    ),
    ...rules.lowerIsBetter.map((indicator) => {
      const [label, unit] = lowerIsBetter[indicator] ?? expect.unreachable(`no case for ${indicator}`);
      return {
        entry: `lowerIsBetter: ${indicator}`,
        without: { ...rules, lowerIsBetter: rules.lowerIsBetter.filter((other) => other !== indicator) },
        previous: [target(indicator, label, 5, unit)],
        current: [result(indicator, label, 4, unit)],
        verdicts: ['完成'],
      };
    }),
    ...Object.entries(rules.parts).map(([whole, parts]) => ({
      entry: `parts: ${whole}`,
      without: {
        ...rules,
        parts: Object.fromEntries(Object.entries(rules.parts).filter(([other]) => other !== whole)),
      },
      previous: [{ ...target(whole, '居民人均可支配收入增速', 7.5, '%'), quote: '城乡居民人均可支配收入分别增长7.5%' }],
      current: parts.map((part, index) => result(part, `第${index + 1}部分人均可支配收入增速`, 7 + index, '%')),
      verdicts: ['未完成', '完成'],
    })),
  ];
  it.each(cases.map((entry) => ({ ...entry, title: entry.entry })))(
    '$title',
    async ({ without, previous, current, verdicts }) => {
      const judged = () =>
        pairTargets({ previous: summary(previous), current: summary(current) }).pairs.map((pair) => pair.verdict);
      expect(judged()).toEqual(verdicts);
      expect(
        await withDataReplaced('target-rules.json', without, async () => judged()),
        'removing it changes no verdict',
      ).not.toEqual(verdicts);
    },
  );
});

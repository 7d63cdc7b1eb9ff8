/**
 * Last year's targets against this year's results: every target last year's report set for year N is paired, by its
 * catalogue indicator, with this year's report's result for year N, and given the verdict the numbers give —
 * 完成, 未完成, or 无可比数据 when this year's report has no comparable number. A pure function of two summaries.
 *
 * The one rule (README "Last year's targets", data/target-rules.json): a growth target is compared with the result's
 * growth rate, an amount with an amount in the same base unit (亿元 with 万元, never 元 with 美元), a level in % with a
 * level in %. A target is met when the result reaches it: at least the target, or at most it for a ceiling
 * (以内, 以下) or an indicator where lower is better (失业率, 能耗); 左右 lets the result fall 0.5 point short (1 % of
 * an amount). A person's verdict (reviewed) wins over the rule, which is kept beside it.
 */
import { z } from 'zod';
import { BriefingError } from '../errors.js';
import { loadDataFile } from '../util/dataFile.js';
import { grammarData } from '../extract/figureGrammar.js';
import { loadIndicators } from '../extract/indicators.js';
import type { BriefingSummary, Figure, LastYearTargets, PairedFigure, TargetPair } from '../summary/schema.js';

const targetRulesSchema = z.object({
  qualifiers: z.object({ ceiling: z.array(z.string()), floor: z.array(z.string()), about: z.array(z.string()) }),
  aboutTolerance: z.object({ points: z.number().nonnegative(), amountShare: z.number().min(0).max(1) }),
  lowerIsBetter: z.array(z.string()),
  parts: z.record(z.string(), z.array(z.string())),
  statedAttainment: z.object({
    met: z.array(z.string().min(1)),
    notMet: z.array(z.string().min(1)),
    futureCues: z.array(z.string().min(1)),
  }),
});
type TargetRules = z.infer<typeof targetRulesSchema>;

export function targetRules(): TargetRules {
  return loadDataFile('target-rules.json', targetRulesSchema);
}

export interface PairTargetsInput {
  /** Last year's summary: its targets for the year this year's report reviews. */
  previous: BriefingSummary;
  /** This year's summary: its results, and any verdicts a person has already reviewed. */
  current: BriefingSummary;
}

type Measure = TargetPair['measure'];
/** What the qualifier makes of a target; `reach` when there is none. */
type Direction = 'at least' | 'at most' | 'about' | 'reach';

/** Pairs every indicator target of `previous` for the year `current` reviews with `current`'s result for that year. */
export function pairTargets({ previous, current }: PairTargetsInput): LastYearTargets {
  if (previous.region.code !== current.region.code) {
    throw new BriefingError(
      'USAGE',
      `last year's report is about ${previous.region.name} (${previous.region.code}), this year's about ${current.region.name} (${current.region.code})`,
      {
        file: previous.source.file,
        field: 'region.code',
        hint: 'give --previous the reports or summaries of the same regions (a folder may hold several; each is matched by its region code)',
      },
    );
  }
  const reviewedBefore = new Map(
    (current.lastYearTargets?.pairs ?? []).filter((pair) => pair.reviewed).map((pair) => [pairKey(pair), pair]),
  );
  // The year this year's report reviews is the year last year's targets were set for; a plan's targets for later
  // years (到2020年) are not answered yet.
  const year = current.reviewYear ?? previous.planYear;
  const pairs: TargetPair[] = [];
  for (const target of previous.figures) {
    if (target.kind !== 'target' || target.indicator === undefined || target.year === undefined) continue;
    if (year !== undefined && target.year !== year) continue;
    for (const measure of measuresOf(target)) {
      for (const pair of pairsFor(target, measure, current.figures))
        pairs.push(withReview(pair, reviewedBefore.get(pairKey(pair))));
    }
  }
  return { previous: { file: previous.source.file, sha256: previous.source.sha256 }, pairs };
}

/** A figure's measures: a growth rate (an amount's growth, or a bare rate), an amount, or a level in %. */
function measuresOf(figure: Figure): Measure[] {
  if (isRate(figure)) return isGrowthRate(figure) ? ['growth'] : ['level'];
  return figure.growthPct !== undefined ? ['amount', 'growth'] : ['amount'];
}

const isRate = (figure: Figure): boolean => figure.unit === '%';

/**
 * A bare rate is a growth rate when the extractor labelled it one (地区生产总值增速, 能耗降幅) or when its indicator is an
 * amount that cannot be a percentage (地区生产总值 is in 元): 城镇调查失业率 3.5% is a level.
 */
function isGrowthRate(figure: Figure): boolean {
  if (/(?:增速|降幅)$/.test(figure.label)) return true;
  const indicator = figure.indicator ? loadIndicators().byId.get(figure.indicator) : undefined;
  return indicator !== undefined && !indicator.units.includes('percent');
}

/** The growth rate a figure gives, with its sign (the extractor keeps a bare rate positive and labels a fall 降幅). */
function growthOf(figure: Figure): number | undefined {
  if (figure.growthPct !== undefined) return figure.growthPct;
  if (isRate(figure) && isGrowthRate(figure))
    return figure.label.endsWith('降幅') ? -Math.abs(figure.value) : figure.value;
  return undefined;
}

/**
 * The target's pairs: one with its own indicator's result; failing that, when its indicator has parts and the target
 * sets the same number for each (城乡居民人均可支配收入分别增长7.5%), one with each part's result; failing both, one pair
 * without a result (无可比数据).
 */
function pairsFor(target: Figure, measure: Measure, results: Figure[]): TargetPair[] {
  const own = resultFor(target, target.indicator!, measure, results);
  if (own) return [judge(target, measure, own)];
  const parts = targetRules().parts[target.indicator!] ?? [];
  if (parts.length > 0 && target.quote.includes('分别')) {
    const partResults = parts
      .map((part) => ({ part, result: resultFor(target, part, measure, results) }))
      .filter((entry) => entry.result);
    if (partResults.length > 0)
      return partResults.map(({ part, result }) => ({ ...judge(target, measure, result!), resultIndicator: part }));
  }
  return [judge(target, measure, undefined)];
}

/** The first (highest-ranked) result of `indicator` for the target's year that has the measure. */
function resultFor(target: Figure, indicator: string, measure: Measure, results: Figure[]): Figure | undefined {
  return results.find(
    (figure) =>
      figure.kind === 'actual' &&
      figure.indicator === indicator &&
      figure.year === target.year &&
      measuresOf(figure).includes(measure),
  );
}

function judge(target: Figure, measure: Measure, result: Figure | undefined): TargetPair {
  const base = { indicator: target.indicator!, year: target.year!, measure, target: pairedFigure(target, measure) };
  if (!result)
    return { ...base, verdict: '无可比数据', reason: `本年报告未给出${target.year}年${measureWords(measure)}` };
  const resultSide = pairedFigure(result, measure);
  const comparable = comparableValues(target, result, measure);
  if (!comparable) {
    return {
      ...base,
      result: resultSide,
      verdict: '无可比数据',
      reason: `单位不可比：目标${target.unit}，实际${result.unit}`,
    };
  }
  const { targetValue, targetUpper, resultValue, unit } = comparable;
  const direction = directionOf(target, measure);
  const tolerance =
    measure === 'amount'
      ? Math.abs(targetValue) * targetRules().aboutTolerance.amountShare
      : targetRules().aboutTolerance.points;
  // 下降3%以上: at least 3 % down is a growth of at most −3 %, with 以上 or without.
  const lowerIsBetter =
    isFall(target, measure) || (direction !== 'at least' && targetRules().lowerIsBetter.includes(target.indicator!));
  let met: boolean;
  let bound: string;
  const epsilon = 1e-9;
  if (direction === 'at most' || lowerIsBetter) {
    const ceiling = (targetUpper ?? targetValue) + (direction === 'about' ? tolerance : 0);
    met = resultValue <= ceiling + epsilon;
    bound = `不高于${format(ceiling)}${unit}`;
  } else {
    const floor = targetValue - (direction === 'about' ? tolerance : 0);
    met = resultValue >= floor - epsilon;
    bound = `不低于${format(floor)}${unit}`;
  }
  // As written: an amount's growth target (达到2700亿元、增长10%以上) is its rate and the rate's qualifier.
  const side = base.target;
  const written = `${format(side.value)}${side.valueTo !== undefined ? `—${format(side.valueTo)}` : ''}${side.unit}${side.qualifier ?? ''}`;
  return {
    ...base,
    result: resultSide,
    verdict: met ? '完成' : '未完成',
    reason: `实际${format(resultValue)}${unit}，目标${written}：${bound}`,
  };
}

/** How the target's qualifier reads: a ceiling, a floor, or about; without one, the result must reach it. */
function directionOf(target: Figure, measure: Measure): Direction {
  const { qualifiers } = targetRules();
  // A qualifier belongs to the number it follows: in 达到200亿元左右，增长7% it is the amount's, not the growth's, and
  // in 达到2700亿元、增长10%以上 the growth's own.
  const qualifier = measure === 'growth' && target.growthPct !== undefined ? target.growthQualifier : target.qualifier;
  if (qualifier && qualifiers.ceiling.includes(qualifier)) return 'at most';
  if (qualifier && qualifiers.about.includes(qualifier)) return 'about';
  if (qualifier && qualifiers.floor.includes(qualifier)) return 'at least';
  return 'reach';
}

/** A target of a fall (下降3%): its growth is a ceiling, at most −3 %. Lower-is-better indicators are in target-rules. */
function isFall(target: Figure, measure: Measure): boolean {
  return measure === 'growth' && (growthOf(target) ?? 0) < 0;
}

/** Both sides as numbers of one unit: a growth or a level in %, an amount in the target's unit (亿元 vs 万元). */
function comparableValues(
  target: Figure,
  result: Figure,
  measure: Measure,
): { targetValue: number; targetUpper?: number; resultValue: number; unit: string } | undefined {
  if (measure === 'growth') {
    const targetUpper = target.growthPct === undefined && target.valueTo !== undefined ? target.valueTo : undefined;
    return {
      targetValue: growthOf(target)!,
      ...(targetUpper !== undefined ? { targetUpper } : {}),
      resultValue: growthOf(result)!,
      unit: '%',
    };
  }
  if (measure === 'level')
    return {
      targetValue: target.value,
      ...(target.valueTo !== undefined ? { targetUpper: target.valueTo } : {}),
      resultValue: result.value,
      unit: '%',
    };
  const targetUnit = splitUnit(target.unit);
  const resultUnit = splitUnit(result.unit);
  if (!targetUnit || !resultUnit || targetUnit.base !== resultUnit.base) return undefined;
  const toTargetUnit = resultUnit.magnitude / targetUnit.magnitude;
  return {
    targetValue: target.value,
    ...(target.valueTo !== undefined ? { targetUpper: target.valueTo } : {}),
    resultValue: result.value * toTargetUnit,
    unit: target.unit,
  };
}

/** 亿元 → 亿 × 元, 万吨 → 万 × 吨, 人 → 1 × 人; undefined for a bare magnitude (万) or a unit the grammar does not know. */
export function splitUnit(unit: string): { magnitude: number; base: string } | undefined {
  const { magnitudes, bases } = grammarData().units;
  const baseUnits = new Set(bases.map((entry) => entry.unit));
  if (baseUnits.has(unit)) return { magnitude: 1, base: unit };
  const prefix = Object.keys(magnitudes)
    .sort((a, b) => b.length - a.length)
    .find((word) => unit.startsWith(word) && baseUnits.has(unit.slice(word.length)));
  return prefix ? { magnitude: magnitudes[prefix]!, base: unit.slice(prefix.length) } : undefined;
}

function pairedFigure(figure: Figure, measure: Measure): PairedFigure {
  // An amount's growth (完成192.3亿元，同比增长6.0%) is compared without the amount's range or qualifier.
  const isAmountsGrowth = measure === 'growth' && figure.growthPct !== undefined;
  return {
    value: measure === 'growth' ? growthOf(figure)! : figure.value,
    ...(!isAmountsGrowth && figure.valueTo !== undefined ? { valueTo: figure.valueTo } : {}),
    unit: measure === 'growth' ? '%' : figure.unit,
    ...(isAmountsGrowth
      ? figure.growthQualifier
        ? { qualifier: figure.growthQualifier }
        : {}
      : figure.qualifier
        ? { qualifier: figure.qualifier }
        : {}),
    label: figure.label,
    quote: figure.quote,
  };
}

function measureWords(measure: Measure): string {
  return { growth: '的增速', amount: '的总量', level: '的数值' }[measure];
}

/** Up to two decimals, without trailing zeros (6 · 6.5 · 192.3). */
function format(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** What identifies a pair across runs: its target sentence, what is compared, and which result indicator answers it. */
function pairKey(pair: TargetPair): string {
  return [pair.indicator, pair.resultIndicator ?? '', pair.measure, pair.year, pair.target.quote].join('\u0000');
}

/** A person's verdict stays, with the rule's fresh verdict kept beside it. */
function withReview(pair: TargetPair, reviewed: TargetPair | undefined): TargetPair {
  if (!reviewed?.reviewed) return pair;
  return {
    ...pair,
    verdict: reviewed.verdict,
    reviewed: { ...reviewed.reviewed, extracted: { verdict: pair.verdict, reason: pair.reason } },
  };
}

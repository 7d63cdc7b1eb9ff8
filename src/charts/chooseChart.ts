/**
 * Which chart a summary gets, decided by its data: the largest group of amounts sharing one unit (never 亿元 and %
 * on one axis), or, when no unit has enough amounts, the growth rates as a diverging bar chart.
 */
import type { Figure } from '../summary/schema.js';
import { unitFamily } from '../extract/figureGrammar.js';

export interface ChartSpec {
  kind: 'amounts' | 'growth';
  title: string;
  unit: string;
  labels: string[];
  values: number[];
  /** Values the value axis reaches at least, so that charts drawn in parts share one scale. */
  axisSpan?: { min: number; max: number };
}

const MIN_BARS = 3;
const MAX_BARS = 6;
/** How many top-ranked figures the chart may draw from. */
const CHART_POOL = 12;

/** `figures`: the summary's figures, best-ranked first. */
export function chooseChart(allFigures: readonly Figure[]): ChartSpec | undefined {
  const figures = allFigures.slice(0, CHART_POOL);
  const actual = figures.filter((figure) => figure.kind === 'actual');
  const pool = actual.length >= MIN_BARS ? actual : figures;
  const byUnit = new Map<string, Figure[]>();
  for (const figure of pool) {
    if (figure.unit === '%' || figure.unit === '％' || /^(余|多)/.test(figure.unit)) continue;
    const group = byUnit.get(figure.unit) ?? [];
    if (!group.some((other) => other.label === figure.label)) group.push(figure);
    byUnit.set(figure.unit, group);
  }
  const enough = (entry: [string, Figure[]]): number => (entry[1].length >= MIN_BARS ? 1 : 0);
  const [unit, group] =
    [...byUnit].sort(
      (a, b) => enough(b) - enough(a) || unitWeight(b[0]) - unitWeight(a[0]) || b[1].length - a[1].length,
    )[0] ?? [];
  if (unit && group && group.length >= MIN_BARS) {
    const bars = group.slice(0, MAX_BARS);
    return {
      kind: 'amounts',
      title: `主要指标（${unit}）`,
      unit,
      labels: bars.map((figure) => figure.label),
      values: bars.map((figure) => figure.value),
    };
  }
  const growth = pool.filter((figure) => figure.growthPct !== undefined).slice(0, MAX_BARS);
  if (growth.length >= MIN_BARS) {
    return {
      kind: 'growth',
      title: '增长率（%）',
      unit: '%',
      labels: growth.map((figure) => figure.label),
      values: growth.map((figure) => figure.growthPct!),
    };
  }
  return undefined;
}

/** Among units with enough bars, money first: a chart of 亿元 says more on a briefing than one of 个. */
function unitWeight(unit: string): number {
  if (unitFamily(unit) !== 'money') return 1;
  return unit.startsWith('亿') ? 3 : 2;
}

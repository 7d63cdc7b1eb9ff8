/**
 * Orders figures by how much they matter on a one-page briefing and removes the same figure stated twice.
 * Headline economic indicators come first, in the order statistical communiqués use; then figures with a
 * growth rate, then money amounts, then the rest in reading order.
 */
import type { Figure } from '../summary/schema.js';

const HEADLINE_INDICATORS = [
  /地区生产总值|GDP/,
  /规上工业增加值|规模以上工业增加值/,
  /固定资产投资/,
  /社会消费品零售总额/,
  /一般公共预算收入/,
  /城镇居民人均可支配收入/,
  /农村居民人均可支配收入/,
  /城乡居民人均可支配收入|居民人均可支配收入/,
  /原煤产量|煤层气产量|粮食(总)?产量/,
  /城镇新增就业|新增就业/,
  /招商|签约|引资/,
  /项目.*投资|总投资/,
];

export function rankFigures(figures: Figure[]): Figure[] {
  const scored = figures.map((figure, order) => ({ figure, order, score: importance(figure) }));
  const unique = new Map<string, (typeof scored)[number]>();
  for (const entry of scored) {
    const key = `${entry.figure.kind}|${entry.figure.value}|${entry.figure.unit}|${entry.figure.year ?? ''}`;
    const kept = unique.get(key);
    if (!kept || entry.score > kept.score) unique.set(key, entry);
  }
  return [...unique.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.figure);
}

function importance(figure: Figure): number {
  const headline = HEADLINE_INDICATORS.findIndex((pattern) => pattern.test(figure.label));
  let score = headline >= 0 ? 100 - headline * 4 : 0;
  // Results before plans: a briefing leads with what was achieved.
  if (figure.kind === 'actual') score += 20;
  if (figure.growthPct !== undefined) score += 10;
  if (/亿元|万元/.test(figure.unit)) score += 6;
  if (/万吨|亿方|兆瓦|吉瓦|万亩|亿斤|公里/.test(figure.unit)) score += 4;
  if (figure.label.length < 3 || figure.label === figure.unit) score -= 20;
  if (/^(余|多)/.test(figure.unit)) score -= 5;
  return score;
}

/**
 * Orders figures by how much they matter on a one-page briefing and removes the same figure stated twice.
 * Standard indicators lead, in catalogue order (data/indicators.json), so the same core indicators head every
 * region's page; results before targets; then other figures with a growth rate, money amounts, the rest in reading order.
 */
import type { Figure } from '../summary/schema.js';
import { loadIndicators } from './indicators.js';

export function rankFigures(figures: Figure[]): Figure[] {
  const { byId } = loadIndicators();
  const scored = figures.map((figure, order) => ({ figure, order, score: importance(figure, byId.get(figure.indicator ?? '')?.rank) }));
  const unique = new Map<string, (typeof scored)[number]>();
  for (const entry of scored) {
    const { figure } = entry;
    // The same figure stated twice (a report restates its GDP) is shown once.
    const key = `${figure.kind}|${figure.indicator ?? ''}|${figure.value}|${figure.unit}|${figure.year ?? ''}`;
    const kept = unique.get(key);
    if (!kept || entry.score > kept.score) unique.set(key, entry);
  }
  return [...unique.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.figure);
}

const INDICATOR_BASE = 1000;

function importance(figure: Figure, catalogueRank: number | undefined): number {
  let score = 0;
  if (catalogueRank !== undefined) score += INDICATOR_BASE - catalogueRank * 10;
  // Results before plans: a briefing leads with what was achieved.
  if (figure.kind === 'actual') score += 200;
  if (figure.growthPct !== undefined) score += 10;
  if (/亿元|万元/.test(figure.unit)) score += 6;
  if (/万吨|亿方|兆瓦|吉瓦|万亩|亿斤|公里/.test(figure.unit)) score += 4;
  if (figure.unit === '%' && catalogueRank === undefined) score -= 2;
  if (figure.qualifier === '多' || figure.qualifier === '余') score -= 5;
  return score;
}

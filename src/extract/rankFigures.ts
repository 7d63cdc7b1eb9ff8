/**
 * Orders figures by how much they matter on a one-page briefing and removes the same figure stated twice.
 * Standard indicators lead, in catalogue order (data/indicators.json), so the same core indicators head every
 * region's page; results before targets; then other figures with a growth rate, money amounts, the rest in reading order.
 */
import type { Figure } from '../summary/schema.js';
import { unitFamily } from './figureGrammar.js';
import { loadIndicators } from './indicators.js';

export function rankFigures(figures: Figure[]): Figure[] {
  const { byId } = loadIndicators();
  const scored = figures.map((figure, order) => ({
    figure,
    order,
    score: importance(figure, byId.get(figure.indicator ?? '')?.rank),
  }));
  const unique = new Map<string, (typeof scored)[number]>();
  for (const entry of scored) {
    const { figure } = entry;
    // The same figure stated twice (a report restates its GDP) is shown once; two figures that only share a number
    // (11个智慧小区, 11个重点项目) are two.
    const key = `${figure.kind}|${figure.indicator ?? figure.label}|${figure.value}|${figure.unit}|${figure.year ?? ''}`;
    const kept = unique.get(key);
    if (!kept || entry.score > kept.score) unique.set(key, entry);
  }
  return [...unique.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.figure);
}

const INDICATOR_BASE = 100_000;
/**
 * The weights of a figure's importance, in the order they matter: a catalogue indicator (in catalogue order) over
 * anything else, a result over a plan, a growth rate, money, a physical quantity (tonnes, hectares, kilowatts), and
 * last a bare percentage or an amount only roughly stated (多, 余). Each weight is asserted by tests/extract/rankFigures.test.ts.
 */
// A catalogue step outweighs every bonus below it together, so a growth rate or money never reorders the catalogue;
// a result is worth twenty steps, so a year's results lead its targets but a target of GDP still leads minor results.
const WEIGHTS = { catalogueStep: 100, actual: 2000, growth: 10, money: 6, physical: 4, barePercent: -2, rough: -5 };
const PHYSICAL_FAMILIES = new Set(['mass', 'area', 'energy', 'power', 'length', 'volume']);

function importance(figure: Figure, catalogueRank: number | undefined): number {
  const family = unitFamily(figure.unit);
  let score = 0;
  if (catalogueRank !== undefined) score += INDICATOR_BASE - catalogueRank * WEIGHTS.catalogueStep;
  // Results before plans: a briefing leads with what was achieved.
  if (figure.kind === 'actual') score += WEIGHTS.actual;
  if (figure.growthPct !== undefined) score += WEIGHTS.growth;
  if (family === 'money' || family === 'money_foreign') score += WEIGHTS.money;
  if (family !== undefined && PHYSICAL_FAMILIES.has(family)) score += WEIGHTS.physical;
  if (family === 'percent' && catalogueRank === undefined) score += WEIGHTS.barePercent;
  if (figure.qualifier === '多' || figure.qualifier === '余') score += WEIGHTS.rough;
  return score;
}

/**
 * The catalogue of standard indicators (data/indicators.json): which standard indicator, if any, a figure's own words
 * name. The same core indicators then lead every region's page, under the catalogue's standard label.
 */
import { z } from 'zod';
import { loadDataFile } from '../util/dataFile.js';
import { grammarData } from './figureGrammar.js';

export interface Indicator {
  id: string;
  label: string;
  aliases: string[];
  /** Unit families (data/units.json) an amount of this indicator can have; any indicator can have a growth rate. */
  units: string[];
  /** Aliases that name the indicator only when nothing qualifies them (经济总量, not 数字经济总量). */
  standaloneAliases: string[];
  /** Position in the catalogue: the order a briefing shows indicators in. */
  rank: number;
  /** The label of a figure in another unit family (空气质量优良天数 in 天, 空气质量优良天数比例 in %). */
  familyLabels: Record<string, string>;
}

const catalogueSchema = z.object({
  $comment: z.string(),
  standaloneAfter: z.array(z.string().min(1)),
  indicators: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9_]*$/),
        label: z.string().min(1),
        aliases: z.array(z.string().min(1)).min(1),
        standaloneAliases: z.array(z.string().min(1)).optional(),
        familyLabels: z.record(z.string().min(1), z.string().min(1)).optional(),
        units: z.array(z.string().min(1)),
      }),
    )
    .min(1),
});

interface Catalogue {
  indicators: Indicator[];
  byId: Map<string, Indicator>;
  aliasPattern: RegExp;
  byAlias: Map<string, Indicator>;
  /** Words that may stand before a standalone alias without qualifying it (全市经济总量). */
  standaloneAfter: string[];
}

/** Built once per data: a spec test that replaces the catalogue (withDataReplaced) gets a catalogue of its own. */
const built = new WeakMap<object, Catalogue>();

export function loadIndicators(): Catalogue {
  const raw = loadDataFile('indicators.json', catalogueSchema);
  const cached = built.get(raw);
  if (cached) return cached;
  const indicators = raw.indicators.map((indicator, rank) => ({
    ...indicator,
    standaloneAliases: indicator.standaloneAliases ?? [],
    familyLabels: indicator.familyLabels ?? {},
    rank,
  }));
  const byAlias = new Map<string, Indicator>();
  for (const indicator of indicators)
    for (const alias of indicator.aliases) if (!byAlias.has(alias)) byAlias.set(alias, indicator);
  const aliases = [...byAlias.keys()]
    .sort((a, b) => b.length - a.length)
    .map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const catalogue: Catalogue = {
    indicators,
    byId: new Map(indicators.map((indicator) => [indicator.id, indicator])),
    aliasPattern: new RegExp(aliases.join('|'), 'gi'),
    byAlias,
    standaloneAfter: raw.standaloneAfter,
  };
  built.set(raw, catalogue);
  return catalogue;
}

const COUNTS = ['count', 'households'];

/** The label a figure of the indicator in unit family `family` is shown under. */
export function labelIn(indicator: Indicator, family: string): string {
  return indicator.familyLabels[family] ?? indicator.label;
}

export interface IndicatorMatch {
  indicator: Indicator;
  /** Where the alias stands in the words searched. */
  start: number;
  end: number;
}

/**
 * The standard indicator named last (nearest the number) in `words`, whose unit family fits, or undefined.
 * An alias that is the base of a share (占地区生产总值比重) or part of a longer name does not count, nor one of a part of
 * the year (GDP一季度增长4.7%).
 */
export function matchIndicator(words: string, family: string | undefined): IndicatorMatch | undefined {
  const { aliasPattern, byAlias, standaloneAfter } = loadIndicators();
  const { shareWords, incrementWords, subcategoryWords, zoneScopes, headNouns, partOfYear } = grammarData().words;
  const parts = [...subcategoryWords, ...zoneScopes];
  if (partOfYear.some((period) => words.includes(period))) return undefined;
  let found: IndicatorMatch | undefined;
  for (const match of words.matchAll(aliasPattern)) {
    const indicator = byAlias.get(match[0]) ?? byAlias.get(match[0].toUpperCase());
    if (!indicator) continue;
    const end = match.index + match[0].length;
    const after = words.slice(end);
    if (words[match.index - 1] === '占' || shareWords.some((word) => after.startsWith(word))) continue;
    if (parts.some((word) => words.slice(0, match.index).endsWith(word))) continue;
    if (indicator.standaloneAliases.includes(match[0]) && isQualified(words.slice(0, match.index), standaloneAfter))
      continue;
    // 高新技术企业项目: the alias modifies another noun, which is what is counted.
    if (headNouns.some((noun) => after.startsWith(noun))) continue;
    // 新增规上工业企业 is an increment of the indicator, not the indicator (城镇新增就业 names its increment itself).
    if (
      incrementWords.some((word) => words.slice(0, match.index).endsWith(word)) &&
      !incrementWords.some((word) => match[0].includes(word))
    )
      continue;
    if (family !== undefined && !indicator.units.includes(family)) continue;
    // A growth rate is of an amount: not of a number of enterprises (规上工业销售产值增长5% is not 规上工业's count).
    if (family === undefined && indicator.units.every((unit) => COUNTS.includes(unit))) continue;
    found = { indicator, start: match.index, end };
  }
  return found;
}

/** Whether the words before an alias qualify it (数字|经济总量): they end in a Chinese word that is not of standaloneAfter. */
function isQualified(before: string, standaloneAfter: string[]): boolean {
  return /\p{Script=Han}$/u.test(before) && !standaloneAfter.some((word) => before.endsWith(word));
}

/**
 * The grammar of a figure in a Chinese report: number × magnitude × base unit, with its qualifiers.
 *
 *   number     ASCII digits (1,234.5 · 4 061.7 · -0.5), Chinese numerals (三十二, 三点五), a range (5%—6%, 4—5万吨)
 *   magnitude  万 亿 千 万亿 … (data/units.json), alone as in 人口达到1002.1万
 *   base unit  元 吨 亩 千瓦时 微克/立方米 人次 … (data/units.json), or a rate: % ‰ 个百分点
 *   qualifier  左右 以上 以内 多 余 (data/figure-words.json); X以上 followed by a noun is a threshold (10亿元以上项目)
 *
 * The words of the grammar are data; this module only composes them. Pure functions over normalised text.
 */
import { readFileSync } from 'node:fs';
import { CHINESE_NUMERAL_CHARACTERS, parseChineseNumber } from './chineseNumbers.js';

export interface UnitData {
  magnitudes: Record<string, number>;
  rates: Array<{ unit: string; family: string }>;
  bases: Array<{ unit: string; family: string }>;
}

export interface FigureWords {
  approximate: string[];
  qualifiers: string[];
  thresholdQualifiers: string[];
  rangeSeparators: string[];
  growthUp: string[];
  growthDown: string[];
  growthFillers: string[];
  targetCues: string[];
  actualCues: string[];
  labelLead: string[];
  labelTail: string[];
  emptyLabels: string[];
  genericAmounts: string[];
  enumerations: Record<string, string[]>;
  shareWords: string[];
  /** 从/由 before an amount: the base of a comparison (由7%下降到5%), not a figure. */
  comparisonBase: string[];
  /** People counted at the meeting itself (162名代表), not in the region. */
  meetingNouns: string[];
  /** 全省59个城区: the size of a peer group, not a figure of the region. */
  peerScopes: string[];
  /** 出台稳经济47条: the name of a policy package. */
  policyVerbs: string[];
  policyUnits: string[];
  /** 10项措施, 30条政策: a count of measures, not a figure of the region. */
  policyNouns: string[];
  /** 近四年税收占比均保持在80%以上: a bound kept over several years or items at once (spanWords, then a spanVerb). */
  spanWords: string[];
  spanVerbs: string[];
  /** 突破400亿元、达410亿元: a mark passed, when the amount reached follows. */
  passingVerbs: string[];
  /** The verb of a clause that lists examples (签约A、B等优势项目45个 → 签约优势项目). */
  actionVerbs: string[];
  /** (折合4505美元): the same figure in another unit. */
  conversionWords: string[];
  /** Nouns that, after an indicator's name, make it a modifier (高新技术企业项目 counts projects). */
  headNouns: string[];
  /** 住户存款余额, 企业贷款余额: a part of an indicator, not the indicator. */
  subcategoryWords: string[];
  /** 对34家化工企业开展评估: a quantity after 对 is what an action is done to, not a figure of the region. */
  objectMarkers: string[];
  /** Adverbs that end the name a clause opens with (新兴产业加速成长 → 新兴产业). */
  subjectAdverbs: string[];
  /** 突破3万美元大关: a milestone passed, not a measured figure. */
  milestoneWords: string[];
  /** Qualities after an amount that make it a specification (650公斤高产冬小麦), not a figure. */
  specificationWords: string[];
  /** 新增11家规上工业企业: an increment of an indicator, not the indicator. */
  incrementWords: string[];
}

const dataFile = (name: string): string => new URL(`../../data/${name}`, import.meta.url).pathname;
let loaded: { units: UnitData; words: FigureWords } | undefined;

/** The grammar's data files, read once per process. */
export function grammarData(): { units: UnitData; words: FigureWords } {
  loaded ??= {
    units: JSON.parse(readFileSync(decodeURIComponent(dataFile('units.json')), 'utf8')) as UnitData,
    words: JSON.parse(readFileSync(decodeURIComponent(dataFile('figure-words.json')), 'utf8')) as FigureWords,
  };
  return loaded;
}

/** A number with its unit, as found in a paragraph (positions are in the paragraph's normalised text). */
export interface Quantity {
  start: number;
  end: number;
  /** Where the number (its first bound, for a range) is. */
  numberStart: number;
  numberEnd: number;
  value: number;
  /** Upper bound of a range (5%—6%). */
  valueTo?: number;
  /** Unit as normalised: magnitude + base (亿元), a rate (%, 个百分点) or a bare magnitude (万). */
  unit: string;
  family: string;
  /** % ‰ or 个百分点: a rate, not an amount. */
  isRate: boolean;
  qualifier?: string;
  /** X以上 followed by a noun (10亿元以上项目): a category, not a figure. */
  isThreshold: boolean;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternatives = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

let compiled: { pattern: RegExp; families: Map<string, string>; rates: Set<string> } | undefined;

function grammar(): { pattern: RegExp; families: Map<string, string>; rates: Set<string> } {
  if (compiled) return compiled;
  const { units, words } = grammarData();
  const families = new Map<string, string>();
  for (const { unit, family } of [...units.bases, ...units.rates]) families.set(unit, family);
  const number = `(?:[-−]|负)?(?:\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?: \\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARACTERS}]+(?:点[零〇一二三四五六七八九]+)?`;
  const magnitude = alternatives(Object.keys(units.magnitudes));
  const base = alternatives(units.bases.map((entry) => entry.unit));
  const rate = alternatives(units.rates.map((entry) => entry.unit));
  const approximate = alternatives(words.approximate);
  // A unit: a rate, or [magnitude][approx][base], or a bare magnitude that ends the phrase (1002.1万，).
  const unit = `(?<rate>${rate})|(?<magnitude>${magnitude})?(?<approx>${approximate})?(?<base>${base})|(?<bare>${magnitude})(?<bareApprox>${approximate})?(?=[，。；：、）”\\s]|$|${alternatives(words.qualifiers)})`;
  const source =
    `(?<![\\dA-Za-z.${CHINESE_NUMERAL_CHARACTERS}第])(?<number>${number})\\s?(?<preApprox>${approximate})?` +
    `(?:\\s?(?<firstUnit>${rate})?\\s?(?:${alternatives(words.rangeSeparators)})\\s?(?<upper>${number}))?` +
    `\\s?(?:${unit})(?![A-Za-z])(?<qualifier>${alternatives(words.qualifiers)})?`;
  compiled = { pattern: new RegExp(source, 'gu'), families, rates: new Set(units.rates.map((entry) => entry.unit)) };
  return compiled;
}

/** Every quantity of a paragraph, in reading order. Years, dates, ordinals and codes (5G, PM2.5) are not quantities. */
export function scanQuantities(text: string): Quantity[] {
  const { pattern, families, rates } = grammar();
  const { words } = grammarData();
  const quantities: Quantity[] = [];
  for (const match of text.matchAll(pattern)) {
    const groups = match.groups!;
    const numberText = groups.number!;
    const value = parseNumber(numberText);
    if (value === undefined) continue;
    const isChinese = !/\d/.test(numberText);
    const base = groups.base;
    const rateUnit = groups.rate;
    const bare = groups.bare;
    // Chinese numerals below ten are mostly rhetoric (三大产业, 两个维护) unless a magnitude makes them an amount;
    // a lone 十/百/千 is a milestone (突破千亿元, 百亿级), not a measured number.
    if (isChinese && ((value < 10 && !groups.magnitude && !bare) || /^[十百千]$/.test(numberText))) continue;
    const unit = rateUnit ?? `${groups.magnitude ?? bare ?? ''}${base ?? ''}`;
    const family = rateUnit ? families.get(rateUnit)! : base ? families.get(base)! : 'magnitude';
    const upper = groups.upper !== undefined ? parseNumber(groups.upper) : undefined;
    const qualifier = groups.qualifier ?? (groups.preApprox || groups.approx || groups.bareApprox);
    const end = match.index + match[0].length;
    const isThreshold = groups.qualifier !== undefined && words.thresholdQualifiers.includes(groups.qualifier) && /^(?:的)?\p{Script=Han}/u.test(text.slice(end)) && !/^(?:的)?(?:和|并|且|同比|比上年|较上年)/.test(text.slice(end));
    const numberStart = match.index + match[0].indexOf(numberText);
    quantities.push({
      start: match.index,
      end,
      numberStart,
      numberEnd: numberStart + numberText.length,
      value,
      ...(upper !== undefined ? { valueTo: upper } : {}),
      unit,
      family,
      isRate: rateUnit !== undefined && rates.has(rateUnit),
      ...(qualifier ? { qualifier } : {}),
      isThreshold,
    });
  }
  return quantities;
}

/** 1,234.5 · 4 061.7 · −0.5 · 负3 · 三十二 · 三点五 → a number; undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const negative = /^(?:[-−]|负)/.test(text);
  const unsigned = text.replace(/^(?:[-−]|负)/, '');
  let value: number | undefined;
  if (/\d/.test(unsigned)) {
    value = Number(unsigned.replace(/[, ]/g, ''));
  } else {
    const [whole, fraction] = unsigned.split('点') as [string, string | undefined];
    const integer = parseChineseNumber(whole);
    const decimals = fraction !== undefined ? parseChineseNumber(fraction) : undefined;
    value = integer === undefined ? undefined : fraction !== undefined && decimals !== undefined ? Number(`${integer}.${[...fraction].map((digit) => parseChineseNumber(digit)).join('')}`) : integer;
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

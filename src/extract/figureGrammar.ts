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
import { z } from 'zod';
import { CHINESE_NUMERAL_CHARACTERS, parseChineseNumber } from './chineseNumbers.js';
import { loadDataFile } from '../util/dataFile.js';

const wordList = z.array(z.string().min(1));

const unitDataSchema = z.object({
  $comment: z.string(),
  magnitudes: z.record(z.string().min(1), z.number().positive()),
  rates: z.array(z.object({ unit: z.string().min(1), family: z.string().min(1) })).min(1),
  bases: z.array(z.object({ unit: z.string().min(1), family: z.string().min(1) })).min(1),
});

export type UnitData = z.infer<typeof unitDataSchema>;

const figureWordsSchema = z.object({
  $comment: z.string().optional(),
  approximate: wordList,
  qualifiers: wordList,
  /** 不少于35个: a bound written before the number, recorded as the qualifier that says the same after it (以上). */
  leadingBounds: z.record(z.string().min(1), z.string().min(1)),
  thresholdQualifiers: wordList,
  rangeSeparators: wordList,
  growthUp: wordList,
  growthDown: wordList,
  growthFillers: wordList,
  targetCues: wordList,
  /** 增长目标定在6.5%, 增长预期目标为5%: the target named between a growth cue and its rate. */
  targetNouns: wordList,
  targetLinkVerbs: wordList,
  actualCues: wordList,
  /** 带动全年完成: a verb that makes an actual cue of the plan part a target (what a measure is to bring about). */
  causativeVerbs: wordList,
  labelLead: wordList,
  labelTail: wordList,
  emptyLabels: wordList,
  genericAmounts: wordList,
  enumerations: z.record(z.string(), wordList),
  shareWords: wordList,
  /** 从/由 before an amount: the base of a comparison (由7%下降到5%), not a figure. */
  comparisonBase: wordList,
  /** People counted at the meeting itself (162名代表), not in the region. */
  meetingNouns: wordList,
  /** 全省59个城区: the size of a peer group, not a figure of the region. */
  peerScopes: wordList,
  /** 出台稳经济47条: the name of a policy package. */
  policyVerbs: wordList,
  policyUnits: wordList,
  /** 10项措施, 30条政策: a count of measures, not a figure of the region. */
  policyNouns: wordList,
  /** 近四年税收占比均保持在80%以上: a bound kept over several years or items at once (spanWords, then a spanVerb). */
  spanWords: wordList,
  spanVerbs: wordList,
  /** Verbs that end the noun a number leads (11家规上工业企业上规入统 → 规上工业企业), besides the action verbs. */
  nounEndVerbs: wordList,
  /** 突破400亿元、达410亿元: a mark passed, when the amount reached follows. */
  passingVerbs: wordList,
  /** The verb of a clause that lists examples (签约A、B等优势项目45个 → 签约优势项目). */
  actionVerbs: wordList,
  /** (折合4505美元): the same figure in another unit. */
  conversionWords: wordList,
  /** 开发区规上工业增加值, 综保区进出口总额: a zone's figure, not the region's; a list's first zone scopes the list. */
  zoneScopes: wordList,
  /** 完成省定目标的100%: the share of a target met, not a figure. */
  targetShares: wordList,
  /** 连续36个月: how long a streak has lasted, not a figure. */
  streakWords: wordList,
  /** 12个月内建成: a span of time (the count unit 个 before 月), not a figure. */
  durationUnits: wordList,
  /** GDP一季度增长4.7%: a figure of part of the year is not the year's indicator. */
  partOfYear: wordList,
  /** Words that, after an indicator's name, make it a modifier (高新技术企业项目 counts projects, 新增就业参保 the insured). */
  headNouns: wordList,
  /** 住户存款余额, 企业贷款余额: a part of an indicator, not the indicator. */
  subcategoryWords: wordList,
  /** 对34家化工企业开展评估: a quantity after 对 is what an action is done to, not a figure of the region. */
  objectMarkers: wordList,
  /** Adverbs that end the name a clause opens with (新兴产业加速成长 → 新兴产业). */
  subjectAdverbs: wordList,
  /** 突破3万美元大关: a milestone passed, not a measured figure. */
  milestoneWords: wordList,
  /** 重点抓好8个方面工作: a count of the aspects of a programme, not a figure of the region. */
  aspectWords: wordList,
  /** Qualities after an amount that make it a specification (650公斤高产冬小麦), not a figure. */
  specificationWords: wordList,
  /** 新增11家规上工业企业: an increment of an indicator, not the indicator. */
  incrementWords: wordList,
  /** 7%和6.5%, 城镇和农村: the words that join the items of a list (besides 、). */
  conjunctions: wordList,
  /** 比上年增加35523吨: the words that make an increase a change of another figure. */
  changeMarkers: wordList,
  /** 同比, 比上年末: the base a change is measured against. */
  comparedWith: wordList,
  /** 增长了6%, 增长达6%: words between a growth cue and its rate. */
  rateLeads: wordList,
  /** 分别达到A元、B元: the verb between the names of a list and its amounts. */
  linkVerbs: wordList,
  /** 预计全市地区生产总值年均增长…: words that end the name a clause opens with, besides growth cues and adverbs. */
  subjectEndWords: wordList,
  /** 列入省重点项目: verbs of planning that end an enumeration's subject, besides the action verbs. */
  planningVerbs: wordList,
  /** 3家企业在园区: words that end the noun a number leads, besides verbs. */
  nounEndParticles: wordList,
  /** 的/和/在…: characters a name never starts with. */
  nonInitialCharacters: wordList,
  /** 较2021年: a year after these is a base of comparison, not the year of the figures. */
  yearBaseMarkers: wordList,
  /** 2021年以来: a year before these is a span or a base, not the year of the figures. */
  yearSpanWords: wordList,
});

export type FigureWords = z.infer<typeof figureWordsSchema>;

/** The grammar's data files, read once per process and validated (errors name the file and the entry). */
export function grammarData(): { units: UnitData; words: FigureWords } {
  return {
    units: loadDataFile('units.json', unitDataSchema),
    words: loadDataFile('figure-words.json', figureWordsSchema),
  };
}

/**
 * The family of a unit as a figure carries it (亿元 → money, 万吨 → mass, % → percent), from data/units.json: its
 * magnitude, if any, and then its base or rate. Undefined for a unit the data does not know.
 */
export function unitFamily(unit: string): string | undefined {
  const { units } = grammarData();
  const magnitude =
    Object.keys(units.magnitudes).find((prefix) => unit.startsWith(prefix) && unit.length > prefix.length) ?? '';
  const rest = unit.slice(magnitude.length);
  return [...units.rates, ...units.bases].find((entry) => entry.unit === rest || entry.unit === unit)?.family;
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
const alternatives = (words: string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

interface Grammar {
  pattern: RegExp;
  families: Map<string, string>;
  rates: Set<string>;
}

/** Compiled once per data: a spec test that replaces a data file (withDataReplaced) gets a grammar of its own. */
const compiled = new WeakMap<FigureWords, { units: UnitData; grammar: Grammar }>();

function grammar(): Grammar {
  const { units, words } = grammarData();
  const cached = compiled.get(words);
  if (cached?.units === units) return cached.grammar;
  const families = new Map<string, string>();
  for (const { unit, family } of [...units.bases, ...units.rates]) families.set(unit, family);
  // 负 is a sign after a verb (增长为负3%) or standing alone, not inside a word (减负12亿元, 抱负).
  const negative = `(?:[-−]|(?:(?<!\\p{Script=Han})|(?<=[为是至到]))负)`;
  const number = `${negative}?(?:\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?: \\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARACTERS}]+(?:点[零〇一二三四五六七八九]+)?`;
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
  const built = { pattern: new RegExp(source, 'gu'), families, rates: new Set(units.rates.map((entry) => entry.unit)) };
  compiled.set(words, { units, grammar: built });
  return built;
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
    const qualifier =
      groups.qualifier ??
      (groups.preApprox || groups.approx || groups.bareApprox) ??
      leadingBound(text, match.index, words.leadingBounds);
    const end = match.index + match[0].length;
    const isThreshold =
      groups.qualifier !== undefined &&
      words.thresholdQualifiers.includes(groups.qualifier) &&
      /^(?:的)?\p{Script=Han}/u.test(text.slice(end)) &&
      !/^(?:的)?(?:和|并|且|同比|比上年|较上年)/.test(text.slice(end));
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

/** 不少于35个 → 以上: the qualifier a bound before the number stands for. */
function leadingBound(text: string, start: number, bounds: Record<string, string>): string | undefined {
  const before = text.slice(Math.max(0, start - 3), start);
  const bound = Object.keys(bounds).find((word) => before.endsWith(word));
  return bound ? bounds[bound] : undefined;
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
    value =
      integer === undefined
        ? undefined
        : fraction !== undefined && decimals !== undefined
          ? Number(`${integer}.${[...fraction].map((digit) => parseChineseNumber(digit)).join('')}`)
          : integer;
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

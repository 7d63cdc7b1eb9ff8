/**
 * Finds a report's figures: every amount (number × unit, see figureGrammar) with the growth rate that belongs to it,
 * every rate that stands for an indicator (规上工业增加值增长5.2%, 城镇化率65.3%), each with a label that names it,
 * the standard indicator it is (data/indicators.json), whether it was achieved or is a target, its year and the
 * verbatim quote of the original it came from.
 *
 * Growth rates attach to the amount they follow, across fillers such as 按可比价计算, and to no other; a list of rates
 * after 分别 maps in order onto the list of amounts (or of names: 城乡居民人均可支配收入分别增长7%和6.5%).
 */
import { sourceRange } from '../ingest/cleanText.js';
import type { Paragraph } from '../ingest/types.js';
import { type Figure, textProblem } from '../summary/schema.js';
import { parseYear } from './chineseNumbers.js';
import { type FigureWords, grammarData, type Quantity, scanQuantities } from './figureGrammar.js';
import { type IndicatorMatch, matchIndicator } from './indicators.js';

export interface FigureContext {
  reviewYear?: number;
  planYear?: number;
  /** Index of the first paragraph of the plan part (targets); paragraphs.length when there is none. */
  planStart: number;
}

const SENTENCE_END = /[。；！？]/;
const CLAUSE_BREAK = /[，。；：！？、]/;
const MAX_LABEL = 16;
const MAX_QUOTE = 90;
/** Words between an amount and its growth cue, in the same clause (9480万千瓦时绿电规模同比增长46%). */
const MAX_WORDS_BEFORE_GROWTH = 8;

export function findFigures(paragraphs: Paragraph[], original: string, context: FigureContext): Figure[] {
  const figures: Figure[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === 'furniture') return;
    for (const found of figuresOf(paragraph.text)) {
      const figure = toFigure(paragraph, original, found, index >= context.planStart, context);
      if (figure) figures.push(figure);
    }
  });
  return figures;
}

/** A figure found in a paragraph's text, before it is placed in the report. */
export interface FoundFigure {
  quantity: Quantity;
  /** The growth rate attached to an amount. */
  growth?: Quantity;
  growthSign?: 1 | -1;
  label: string;
  indicator?: IndicatorMatch['indicator'];
  /** The stretch of text the quote is cut from. */
  span: { start: number; end: number };
}

interface GrowthPhrase {
  /** Where the cue (同比增长, 下降 …) starts. */
  cueStart: number;
  sign: 1 | -1;
  rates: Quantity[];
}

/** The pure core: figures of one paragraph's normalised text. */
export function figuresOf(text: string): FoundFigure[] {
  const { words } = grammarData();
  const quantities = scanQuantities(text).filter((quantity) => !quantity.isThreshold);
  const phrases = growthPhrases(text, quantities, words);
  const inPhrase = new Set(phrases.flatMap((phrase) => phrase.rates));
  // Amounts, and rates that stand for themselves (城镇化率43.97%, which may have a growth in points).
  const amounts = quantities.filter((quantity) => (!quantity.isRate || (!inPhrase.has(quantity) && quantity.family !== 'points')) && !isChange(text, quantity, quantities, words));
  const growthOf = new Map<Quantity, { rate: Quantity; sign: 1 | -1 }>();
  const bareRates: Array<{ rate: Quantity; sign: 1 | -1; subject: string }> = [];

  for (const phrase of phrases) {
    const before = amounts.filter((amount) => amount.end <= phrase.cueStart && !growthOf.has(amount) && sameSentence(text, amount.end, phrase.cueStart));
    // Amounts after an earlier growth phrase of the same sentence are candidates; those before it are not.
    const open = before.filter((amount) => !phrases.some((other) => other !== phrase && other.cueStart < phrase.cueStart && other.cueStart > amount.end));
    if (phrase.rates.length >= 2 && open.length >= phrase.rates.length) {
      open.slice(-phrase.rates.length).forEach((amount, index) => growthOf.set(amount, { rate: phrase.rates[index]!, sign: phrase.sign }));
      continue;
    }
    const nearest = open.at(-1);
    const fits = nearest && (!nearest.isRate || phrase.rates[0]!.family === 'points');
    if (phrase.rates.length === 1 && fits && belongsTo(text.slice(nearest.end, phrase.cueStart), words)) {
      growthOf.set(nearest, { rate: phrase.rates[0]!, sign: phrase.sign });
      continue;
    }
    if (phrase.rates[0]!.family === 'points') continue;
    // 生产总值年均增长12.2%，2016年达到1156.49亿元; 地区生产总值增长8.7%、达到9651.4亿元: the clause after names no
    // subject of its own, so its amount is the one whose growth this is.
    const last = phrase.rates.at(-1)!;
    const next = amounts.find((amount) => amount.start >= last.end && !amount.isRate);
    if (phrase.rates.length === 1 && next && !growthOf.has(next) && /^[，、](?:\d{4}年)?[^，。；\d]{0,4}$/.test(text.slice(last.end, next.start)) && !cleanLabel(text.slice(last.end + 1, next.start).replace(/^\d{4}年/, ''), words)) {
      growthOf.set(next, { rate: last, sign: phrase.sign });
      continue;
    }
    let subject = subjectBefore(text, phrase.cueStart, quantities);
    // 新兴产业加速成长，产值增长145%: a generic name (产值) belongs to the subject of the clause before.
    // 地方一般公共预算收入扣除留抵退税，同口径增长9.9%: a subject of fillers only is the one before, too.
    const own = cleanLabel(patternsOf(words).fillers.reduce((rest, filler) => rest.replaceAll(filler, ''), subject), words);
    if (!own || words.genericAmounts.includes(own)) subject = `${previousSubject(text, phrase.cueStart - subject.length, words)}${own ?? ''}`;
    const subjects = splitSubject(subject, phrase.rates.length, words);
    phrase.rates.forEach((rate, index) => bareRates.push({ rate, sign: phrase.sign, subject: subjects[index] ?? subject }));
  }

  const listed = listSubjects(text, amounts, words);
  const found: FoundFigure[] = [];
  for (const amount of amounts) {
    const growth = growthOf.get(amount);
    const subject = listed.get(amount);
    const labelled = subject !== undefined ? labelOfName(subject, words) : labelAmount(text, amount, quantities, words);
    if (!labelled) continue;
    // The growth usually follows its amount; it precedes it when the amount's clause continues the growth's.
    const start = growth ? Math.min(amount.start, growth.rate.start) : amount.start;
    const end = growth ? Math.max(amount.end, growth.rate.end) : amount.end;
    found.push({
      quantity: amount,
      ...(growth ? { growth: growth.rate, growthSign: growth.sign } : {}),
      label: labelled.label,
      ...(labelled.indicator ? { indicator: labelled.indicator } : {}),
      span: clauseSpan(text, start, end),
    });
  }
  for (const { rate, sign, subject } of bareRates) {
    const labelled = labelOfName(subject, words);
    if (!labelled) continue;
    found.push({ quantity: rate, label: `${labelled.label}${sign < 0 ? '降幅' : '增速'}`, ...(labelled.indicator ? { indicator: labelled.indicator } : {}), span: clauseSpan(text, Math.max(0, rate.start - 1), rate.end) });
  }
  return found.sort((a, b) => a.quantity.start - b.quantity.start);
}

/** A name standing alone (the subject of 分别 or of a growth rate): the indicator it is, or the name cleaned. */
function labelOfName(subject: string, words: FigureWords): { label: string; indicator?: IndicatorMatch['indicator'] } | undefined {
  const indicator = matchIndicator(subject, undefined)?.indicator;
  if (indicator) return { label: indicator.label, indicator };
  const label = cleanLabel(subject, words);
  return label && namesSomething(label, words) ? { label } : undefined;
}

/** 比上年增加35523吨, 较上年增加411元: an absolute change of another figure, not a figure itself. */
function isChange(text: string, quantity: Quantity, quantities: Quantity[], words: FigureWords): boolean {
  if (quantity.isRate) return false;
  const before = zoneBefore(text, quantity, quantities).trim();
  // …比上年增加35523吨; …收入17353元，增加1024元 (a clause that is only the change).
  const { changeEnd, changeOnly } = patternsOf(words);
  return (changeEnd.test(before) && /(?:比|较|同比|净)/.test(before)) || changeOnly.test(before);
}

/**
 * 城镇和农村居民人均可支配收入分别达到A元、B元: a list of amounts after 分别 takes its names, in order, from the
 * subject split into as many names.
 */
function listSubjects(text: string, amounts: Quantity[], words: FigureWords): Map<Quantity, string> {
  const subjects = new Map<Quantity, string>();
  for (let index = 0; index < amounts.length; index += 1) {
    const first = amounts[index]!;
    let start = first.start;
    while (start > 0 && !/[，。；：！？]/.test(text[start - 1]!)) start -= 1;
    const list = [first];
    while (index + 1 < amounts.length && /^[、和及与]$/.test(text.slice(list.at(-1)!.end, amounts[index + 1]!.start))) list.push(amounts[(index += 1)]!);
    if (list.length < 2) continue;
    // The names before the list (城乡居民人均可支配收入35352元、13565元), with or without 分别.
    const lead = /^(.*?)(?:分别)?(?:达到|达|为|是|完成|实现)?$/.exec(text.slice(start, first.start).trim());
    const names = splitSubject(lead![1]!, list.length, words);
    if (names.length === list.length) list.forEach((amount, position) => subjects.set(amount, names[position]!));
  }
  return subjects;
}

/** 同比增长6.0%、增长7%和6.5%、下降4.3%: a growth cue and the rates after it (a list after 分别). */
function growthPhrases(text: string, quantities: Quantity[], words: FigureWords): GrowthPhrase[] {
  const { growthCues, down } = patternsOf(words);
  const phrases: GrowthPhrase[] = [];
  let current: GrowthPhrase | undefined;
  for (const quantity of quantities) {
    if (!quantity.isRate) {
      current = undefined;
      continue;
    }
    const lead = text.slice(Math.max(0, quantity.start - 10), quantity.start);
    const stripped = lead.replace(/\s+$/, '').replace(/(?:了|为|达到|达|分别|约|超过|高达|接近|近)$/, '');
    const cueWord = growthCues.find((word) => stripped.endsWith(word));
    const previous = current?.rates.at(-1);
    // 7%和6.5%, 7%、6.5%: a further rate of the same list.
    if (current && previous && /^[、和与及，]?$/.test(text.slice(previous.end, quantity.start))) {
      current.rates.push(quantity);
      continue;
    }
    if (cueWord) {
      const sign = down.includes(cueWord) ? -1 : 1;
      current = { cueStart: quantity.start - lead.length + stripped.length - cueWord.length, sign, rates: [quantity] };
      phrases.push(current);
    } else {
      current = undefined;
    }
  }
  return phrases;
}

/** Whether the words between an amount and a growth cue leave the growth with that amount. */
function belongsTo(between: string, words: FigureWords): boolean {
  if (!CLAUSE_BREAK.test(between)) return between.replace(/\s/g, '').length <= MAX_WORDS_BEFORE_GROWTH;
  // 粮食产量212819吨，比上年增长35523吨，增长20%: the absolute change between them leaves the rate with the amount.
  const { changeInBetween, fillers } = patternsOf(words);
  const withoutChanges = between.replace(changeInBetween, '');
  let rest = withoutChanges.replace(/[\s，、：（）]/g, '');
  for (const filler of fillers) rest = rest.replaceAll(filler, '');
  return rest.length === 0 && !SENTENCE_END.test(between);
}

interface Patterns {
  growthCues: string[];
  down: string[];
  changeEnd: RegExp;
  changeOnly: RegExp;
  changeInBetween: RegExp;
  fillers: string[];
  subjectEnd: RegExp;
  nounEnd: RegExp;
  lead: string[];
  tail: string[];
  generic: string[];
  upToVerb: RegExp;
}
const compiled = new WeakMap<FigureWords, Patterns>();

/** The grammar's word lists compiled once: longest words first, alternations as regular expressions. */
function patternsOf(words: FigureWords): Patterns {
  let patterns = compiled.get(words);
  if (patterns) return patterns;
  const longestFirst = (list: string[]): string[] => [...list].sort((a, b) => b.length - a.length);
  const changes = longestFirst([...words.growthUp, ...words.growthDown]).join('|');
  patterns = {
    growthCues: longestFirst([...words.growthUp, ...words.growthDown]),
    down: words.growthDown,
    changeEnd: new RegExp(`(?:${changes})(?:了)?$`),
    changeOnly: new RegExp(`^(?:同比|比上年|较上年|比去年|较去年)?(?:${changes})(?:了)?$`),
    changeInBetween: new RegExp(`(?:同比|比上年末?|较上年末?|比去年|较去年)(?:${changes})了?[\\d.,]+\\s?(?:万|亿)?\\p{Script=Han}{1,3}`, 'gu'),
    fillers: longestFirst(words.growthFillers),
    subjectEnd: new RegExp(`\\d|${[changes, ...words.subjectAdverbs, '年均', '完成', '实现', '达到', ...words.passingVerbs].join('|')}`),
    nounEnd: new RegExp(`(?:${[...words.actionVerbs, ...words.nounEndVerbs].join('|')})|[由从向为与在]`),
    lead: longestFirst(words.labelLead),
    tail: longestFirst(words.labelTail),
    generic: longestFirst(words.genericAmounts),
    upToVerb: new RegExp(`^.*?(?:${[...words.actionVerbs, '列入', '谋划', '安排'].join('|')})`),
  };
  compiled.set(words, patterns);
  return patterns;
}

function sameSentence(text: string, from: number, to: number): boolean {
  return !SENTENCE_END.test(text.slice(from, to));
}

/** The words a growth cue follows: from the clause start (or the last quantity) to the cue. */
function subjectBefore(text: string, cueStart: number, quantities: Quantity[]): string {
  let start = cueStart;
  while (start > 0 && !/[，。；：！？]/.test(text[start - 1]!)) start -= 1;
  const lastQuantity = quantities.filter((quantity) => quantity.end <= cueStart && quantity.end > start).at(-1);
  if (lastQuantity) start = lastQuantity.end;
  return text.slice(start, cueStart);
}

/** 城乡居民人均可支配收入 (2 rates) → 城镇居民…, 农村居民…; 一般公共预算收入和税收收入 → both; else as is. */
function splitSubject(subject: string, count: number, words: FigureWords): string[] {
  const cleaned = subject.replace(/分别$/, '');
  if (count < 2) return [cleaned];
  for (const [whole, parts] of Object.entries(words.enumerations)) {
    const at = cleaned.indexOf(whole);
    if (at >= 0 && parts.length === count) return parts.map((part) => `${cleaned.slice(0, at)}${part}${cleaned.slice(at + whole.length)}`);
  }
  const parts = cleaned.split(/[、和与及]/);
  if (parts.length === count) {
    // 一般公共预算收入和支出: a bare measure (支出) is of the same thing as the first (一般公共预算).
    const measure = patternsOf(words).generic.find((word) => parts[0]!.endsWith(word) && parts[0]!.length > word.length);
    if (measure && parts.slice(1).every((part) => words.genericAmounts.includes(part))) return parts.map((part, index) => (index === 0 ? part : `${parts[0]!.slice(0, -measure.length)}${part}`));
    const last = parts.at(-1)!;
    // 城镇、农村居民人均可支配收入: the shared tail follows the last part's head.
    return parts.map((part, index) => (index < count - 1 && part.length <= 4 && last.length > part.length + 2 ? `${part}${last.slice(part.length)}` : part));
  }
  return [];
}

/** 突破400亿元、达410亿元; 跨越130亿元，累计完成136.6亿元: the mark passed, when the same sentence goes on to the amount reached. */
function isMarkPassed(text: string, quantity: Quantity, quantities: Quantity[], before: string, words: FigureWords): boolean {
  if (!words.passingVerbs.some((verb) => before.endsWith(verb))) return false;
  const sentenceEnd = text.slice(quantity.end).search(/[。；;\n]/);
  const limit = sentenceEnd < 0 ? text.length : quantity.end + sentenceEnd;
  return quantities.some((other) => other.start >= quantity.end && other.start < limit && other.unit === quantity.unit && other.value > quantity.value);
}

/** 近四年税收占比均保持在80%以上: a bound kept over several years or items at once is none of their figures. */
function speaksOfSeveral(before: string, words: FigureWords): boolean {
  const verb = words.spanVerbs.find((candidate) => before.endsWith(candidate)) ?? '';
  return words.spanWords.some((word) => before.slice(0, before.length - verb.length).endsWith(word));
}

/** The words before a quantity in its clause, after the quantity before it. */
function zoneBefore(text: string, quantity: Quantity, quantities: Quantity[]): string {
  let start = quantity.start;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start -= 1;
  const previous = quantities.filter((other) => other.end <= quantity.start && other.end > start).at(-1);
  return text.slice(previous ? previous.end : start, quantity.start);
}

/** The label of an amount or a stand-alone rate: the standard indicator it names, or the noun phrase of its clause. */
function labelAmount(text: string, quantity: Quantity, quantities: Quantity[], words: FigureWords): { label: string; indicator?: IndicatorMatch['indicator'] } | undefined {
  let before = zoneBefore(text, quantity, quantities);
  const trimmed = before.trim().replace(/\d{4}年(?:的|底|末)?$/, '');
  // 由7%下降到5%, 从1091亿元增加到1650亿元: the base of a comparison; 全省59个城区: a peer group; (折合4505美元);
  // 对34家化工企业: the object of an action.
  if ([...words.comparisonBase, ...words.peerScopes, ...words.conversionWords, ...words.objectMarkers].some((word) => trimmed.endsWith(word))) return undefined;
  // 1美元兑6.228元: a rate of exchange; 突破3万美元大关: a milestone.
  if ([...words.conversionWords, ...words.milestoneWords].some((word) => text.startsWith(word, quantity.end))) return undefined;
  const clause = clauseBefore(text, quantity.start);
  // …从2011年的1091亿元增加到2016年的1650亿元: the amount a comparison reaches takes the name before the base.
  const previous = quantities.filter((other) => other.end <= quantity.start).at(-1);
  if (previous && /^(?:[增提上下降减扩]\p{Script=Han}?)?(?:到|至)(?:\d{4}年(?:的|底|末)?)?$/u.test(before.trim())) {
    before = zoneBefore(text, previous, quantities).replace(/(?:从|由)(?:\d{4}年(?:的|底|末)?)?\s*$/, '');
  }
  // 牛羊饲养量达10.56万头、28万只; 脱贫324户743人: a quantity right after another shares its name.
  if (previous && !cleanLabel(before, words) && /^[、和及与\s]*$/.test(text.slice(previous.end, quantity.start))) before = zoneBefore(text, previous, quantities);
  const after = wordsAfter(text, quantity.end, words);
  // 生产总值年均增长12.2%，2016年达到1156.49亿元: a clause with no name of its own, before or after its number,
  // continues the one before.
  const ownLabel = cleanLabel(before.replace(/^\d{4}年(?:的|底|末)?/, ''), words);
  if ((!ownLabel || words.labelLead.includes(ownLabel)) && !after.noun) {
    // 跨越130亿元，累计完成136.6亿元: the clause, which starts after its comma, names nothing but its verb.
    const own = before.replace(/^[，、]+/, '');
    before = `${previousSubject(text, quantity.start - own.length, words)}${own}`;
  }
  if (words.policyUnits.includes(quantity.unit) && (words.policyVerbs.some((verb) => clause.includes(verb)) || words.policyNouns.some((noun) => text.startsWith(noun, quantity.end)))) return undefined;
  if (isMarkPassed(text, quantity, quantities, trimmed, words) || speaksOfSeveral(trimmed, words)) return undefined;
  const indicator = matchIndicator(before, quantity.isRate ? 'percent' : quantity.family);
  if (indicator && (quantity.isRate || indicator.indicator.units.includes(quantity.family))) return { label: indicator.indicator.label, indicator: indicator.indicator };

  let label = cleanLabel(before, words);
  if (label?.includes('等')) {
    // 签约A、B等优势项目45个, 抽水蓄能等21个项目实现开工建设: the examples are not the label; the clause's verb is.
    const noun = label.slice(label.lastIndexOf('等') + 1) || after.noun;
    const wholeClause = `${clause}${after.rest}`;
    const verb = words.actionVerbs.find((candidate) => wholeClause.includes(candidate)) ?? '';
    label = noun ? `${noun.startsWith(verb) ? '' : verb}${noun}` : undefined;
  } else if (label && [...words.labelLead, ...words.actionVerbs, ...words.incrementWords].includes(label) && after.noun) {
    // 新增11家规上工业企业, 新引进35家功能型总部: the verb before, the noun after.
    label = `${label}${after.noun}`;
  } else if (!label || label.length < 2) {
    // The number leads its words (3598万吨原煤产量, 2154万吨洗精煤, 21个项目), unless they are a specification: an amount
    // before a quality (650公斤高产冬小麦) describes a kind of thing, it does not count or measure it.
    label = words.specificationWords.some((word) => after.noun?.startsWith(word)) ? undefined : after.noun;
  } else if (words.genericAmounts.includes(label)) {
    label = `${enumerationSubject(text, quantity.start - before.length, words)}${label}`;
  }
  if (!label || !namesSomething(label, words)) return undefined;
  if (quantity.family === 'people' && words.meetingNouns.some((noun) => label!.includes(noun) || after.noun?.includes(noun))) return undefined;
  const named = matchIndicator(label, quantity.isRate ? 'percent' : quantity.family);
  return named ? { label: named.indicator.label, indicator: named.indicator } : { label };
}

/** The name a clause opens with (预计全市地区生产总值突破千亿元 → 预计全市地区生产总值), for the clause after it. */
function previousSubject(text: string, clauseStart: number, words: FigureWords): string {
  if (clauseStart === 0 || !'，、'.includes(text[clauseStart - 1]!)) return '';
  const previous = clauseBefore(text, clauseStart - 1);
  const cut = previous.search(patternsOf(words).subjectEnd);
  return cut > 0 ? previous.slice(0, cut) : '';
}

/** The clause up to a position. */
function clauseBefore(text: string, position: number): string {
  let start = position;
  while (start > 0 && !/[，。；：！？]/.test(text[start - 1]!)) start -= 1;
  return text.slice(start, position);
}

/** The noun after a number that leads its words (3598万吨原煤产量, 11家规上工业企业上规入统 → 规上工业企业). */
function wordsAfter(text: string, end: number, words: FigureWords): { noun?: string; rest: string } {
  let stop = end;
  while (stop < text.length && !CLAUSE_BREAK.test(text[stop]!)) stop += 1;
  const rest = text.slice(end, stop).replace(/\d.*$/, '');
  const verbAt = rest.search(patternsOf(words).nounEnd);
  const noun = cleanLabel(verbAt >= 0 ? rest.slice(0, verbAt) : rest, words);
  return noun && namesSomething(noun, words) && !words.genericAmounts.includes(noun) ? { noun, rest } : { rest };
}

/** Words cut free of leading verbs and fillers (全年实现, 其中) and trailing ones (达到, 同比增长), spaces and numbers. */
export function cleanLabel(words: string, data: FigureWords): string | undefined {
  let label = words.replace(/\s+/g, '').replace(/[“”"‘’《》]/g, '').replace(/^[—\-（(：:；，、]+/, '');
  const { lead, tail } = patternsOf(data);
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of lead) {
      // 新增 stays: 新增经营主体 (an increment) is not 经营主体 (the stock).
      if (label.startsWith(word) && label.length > word.length && !data.incrementWords.includes(word)) {
        label = label.slice(word.length);
        changed = true;
      }
    }
    for (const word of tail) {
      if (label.endsWith(word) && label.length > word.length) {
        label = label.slice(0, -word.length);
        changed = true;
      }
    }
  }
  label = label.replace(/^\d{4}年(?:度)?/, '').replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.]/, '');
  if (label.length > MAX_LABEL) label = label.slice(-MAX_LABEL);
  // A verb or filler alone (达到, 完成) names nothing.
  const fillerOnly = [...data.labelLead, ...data.labelTail].includes(label) && !data.actionVerbs.includes(label) && !data.incrementWords.includes(label);
  return label.length >= 2 && !fillerOnly ? label : undefined;
}

/** A label must name a thing: two Han characters at least, not a bare unit, verb or filler. */
function namesSomething(label: string, words: FigureWords): boolean {
  const han = label.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 2 && !words.emptyLabels.includes(label) && !/^[的了和及与并是为在]/.test(label);
}

/** The subject of the previous item in an enumeration: 推进项目268个、总投资… → 项目. */
function enumerationSubject(text: string, clauseStart: number, words: FigureWords): string {
  if (clauseStart === 0 || !/[、，]/.test(text[clauseStart - 1]!)) return '';
  let previousStart = clauseStart - 1;
  while (previousStart > 0 && !/[，。；：！？]/.test(text[previousStart - 1]!)) previousStart -= 1;
  const previous = text.slice(previousStart, clauseStart - 1).split('、').at(-1) ?? '';
  // The name of the item before (粮食播种面积11.34万亩 → 粮食播种面积), without its own measure (→ 粮食).
  let subject = cleanLabel(previous.replace(/\d{4}年/g, '').split(/\d/)[0] ?? '', words) ?? '';
  const measure = patternsOf(words).generic.find((word) => subject.endsWith(word) && subject.length > word.length);
  if (measure) subject = subject.slice(0, -measure.length);
  const trimmed = subject.replace(patternsOf(words).upToVerb, '').replace(/^.*等/, '');
  return trimmed.length >= 2 && trimmed.length <= 8 ? trimmed : '';
}

/** The clause holding [start, end), widened to take a leading name (地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%). */
function clauseSpan(text: string, start: number, end: number): { start: number; end: number } {
  let clauseStart = start;
  while (clauseStart > 0 && !/[，。；：！？]/.test(text[clauseStart - 1]!)) clauseStart -= 1;
  let clauseEnd = end;
  while (clauseEnd < text.length && !/[，。；！？、]/.test(text[clauseEnd]!)) clauseEnd += 1;
  return { start: clauseStart, end: clauseEnd };
}

function toFigure(paragraph: Paragraph, original: string, found: FoundFigure, inPlan: boolean, context: FigureContext): Figure | undefined {
  const { quantity, growth } = found;
  const text = paragraph.text;
  let { start, end } = found.span;
  if (end - start > MAX_QUOTE) {
    const first = Math.min(quantity.start, growth?.start ?? quantity.start);
    const last = Math.max(quantity.end, growth?.end ?? quantity.end);
    start = Math.max(start, Math.min(first, quantity.start - (MAX_QUOTE >> 1)));
    end = Math.min(end, Math.max(start + MAX_QUOTE, last));
  }
  const range = sourceRange(paragraph, start, end);
  const quote = original.slice(range.from, range.to);
  // A quote is shown as it stands in the report: one holding control characters cannot be, so the figure is not.
  if (textProblem(quote)) return undefined;
  const sentence = sentenceBefore(text, quantity.start);
  const { words } = grammarData();
  const isTarget = inPlan ? !words.actualCues.some((cue) => sentence.includes(cue) && !words.targetCues.some((target) => sentence.includes(target))) : words.targetCues.some((cue) => sentence.includes(cue));
  const kind = isTarget ? 'target' : 'actual';
  const year = explicitYear(sentence) ?? (kind === 'target' ? context.planYear : context.reviewYear);
  const valueText = text.slice(quantity.numberStart, quantity.numberEnd);
  const growthValue = growth ? growth.value * (found.growthSign ?? 1) : undefined;
  return {
    label: found.label,
    valueText,
    value: quantity.value,
    unit: quantity.unit,
    ...(quantity.valueTo !== undefined ? { valueTo: quantity.valueTo } : {}),
    ...(quantity.qualifier ? { qualifier: quantity.qualifier } : {}),
    ...(growth && growth.family === 'percent' ? { growthPct: growthValue } : {}),
    ...(growth && growth.family === 'points' ? { growthPoints: growthValue } : {}),
    ...(year ? { year } : {}),
    kind,
    quote,
    offset: range.from,
    ...(found.indicator ? { indicator: found.indicator.id } : {}),
  };
}

function sentenceBefore(text: string, position: number): string {
  let start = position;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start -= 1;
  return text.slice(start, position);
}

/** The year a sentence states for its figures (2022年，…), not a base of comparison (较2021年) or a span (2021年以来). */
function explicitYear(sentence: string): number | undefined {
  let year: number | undefined;
  for (const match of sentence.matchAll(/(?<![较比与同])(\d{4}|[〇零一二三四五六七八九]{4})年(?!以来|相比|同期|的|底前|前)/g)) {
    year = parseYear(match[1]!) ?? year;
  }
  return year;
}

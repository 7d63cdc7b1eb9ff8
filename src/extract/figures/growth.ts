/**
 * Growth rates: the cues (同比增长6.0%, 下降4.3%, a list after 分别) and the figure each rate belongs to. A rate
 * attaches to the amount it follows, across fillers such as 按可比价计算, and to no other; a list of rates maps in
 * order onto a list of amounts; a rate with no amount of its own is a figure itself, named by its subject.
 */
import type { FigureWords, Quantity } from '../figureGrammar.js';
import { crosses, zoneBefore } from './clauses.js';
import { cleanLabel } from './names.js';
import { patternsOf } from './patterns.js';
import { previousSubject, splitSubject } from './subjects.js';

/** Words between an amount and its growth cue, in the same clause (9480万千瓦时绿电规模同比增长46%). */
const MAX_WORDS_BEFORE_GROWTH = 8;

export interface GrowthPhrase {
  /** Where the cue (同比增长, 下降 …) starts. */
  cueStart: number;
  sign: 1 | -1;
  rates: Quantity[];
}

export interface Growth {
  rate: Quantity;
  sign: 1 | -1;
}

/** A rate that is a figure of its own (规上工业增加值增长5.2%), with the words that name it. */
export interface BareRate extends Growth {
  subject: string;
}

/** 同比增长6.0%、增长7%和6.5%、下降4.3%: a growth cue and the rates after it (a list after 分别). */
export function growthPhrases(text: string, quantities: Quantity[], words: FigureWords): GrowthPhrase[] {
  const { growthCues, down, joinerOrNothing, rateLead, targetLink } = patternsOf(words);
  const phrases: GrowthPhrase[] = [];
  let current: GrowthPhrase | undefined;
  for (const quantity of quantities) {
    if (!quantity.isRate) {
      current = undefined;
      continue;
    }
    const previous = current?.rates.at(-1);
    // 7%和6.5%, 7%、6.5%: a further rate of the same list.
    if (current && previous && joinerOrNothing.test(text.slice(previous.end, quantity.start))) {
      current.rates.push(quantity);
      continue;
    }
    const lead = text.slice(Math.max(0, quantity.start - 10), quantity.start);
    // 下降（同口径）19.59%: a note between the cue and its rate.
    const stripped = lead
      .replace(/\s+$/, '')
      .replace(/[（(][^（）()]{1,8}[）)]$/, '')
      .replace(targetLink, '')
      .replace(rateLead, '');
    const cueWord = growthCues.find((word) => stripped.endsWith(word));
    current = cueWord
      ? {
          cueStart: quantity.start - lead.length + stripped.length - cueWord.length,
          sign: down.includes(cueWord) ? -1 : 1,
          rates: [quantity],
        }
      : undefined;
    if (current) phrases.push(current);
  }
  return phrases;
}

/** Each growth phrase attached: to the amounts it follows, to the amount of the clause after it, or as rates of their own. */
export function attachGrowth(
  text: string,
  quantities: Quantity[],
  amounts: Quantity[],
  phrases: GrowthPhrase[],
  words: FigureWords,
): { growthOf: Map<Quantity, Growth>; bareRates: BareRate[] } {
  const growthOf = new Map<Quantity, Growth>();
  const bareRates: BareRate[] = [];
  for (const phrase of phrases) {
    if (attachToAmountsBefore(text, phrase, { amounts, phrases, growthOf }, words)) continue;
    if (phrase.rates[0]!.family === 'points') continue;
    if (attachToAmountAfter(text, phrase, amounts, growthOf, words)) continue;
    bareRates.push(...ratesOfTheirOwn(text, phrase, quantities, words));
  }
  return { growthOf, bareRates };
}

interface Attaching {
  amounts: Quantity[];
  phrases: GrowthPhrase[];
  growthOf: Map<Quantity, Growth>;
}

function attachToAmountsBefore(
  text: string,
  phrase: GrowthPhrase,
  { amounts, phrases, growthOf }: Attaching,
  words: FigureWords,
): boolean {
  const before = amounts.filter(
    (amount) =>
      amount.end <= phrase.cueStart &&
      !growthOf.has(amount) &&
      !crosses(text.slice(amount.end, phrase.cueStart), 'sentence'),
  );
  // Amounts after an earlier growth phrase of the same sentence are candidates; those before it are not.
  const open = before.filter(
    (amount) =>
      !phrases.some((other) => other !== phrase && other.cueStart < phrase.cueStart && other.cueStart > amount.end),
  );
  if (phrase.rates.length >= 2 && open.length >= phrase.rates.length) {
    open
      .slice(-phrase.rates.length)
      .forEach((amount, index) => growthOf.set(amount, { rate: phrase.rates[index]!, sign: phrase.sign }));
    return true;
  }
  const nearest = open.at(-1);
  const fits = nearest && (!nearest.isRate || phrase.rates[0]!.family === 'points');
  if (phrase.rates.length === 1 && fits && belongsTo(text.slice(nearest.end, phrase.cueStart), words)) {
    growthOf.set(nearest, { rate: phrase.rates[0]!, sign: phrase.sign });
    return true;
  }
  return false;
}

/**
 * 生产总值年均增长12.2%，2016年达到1156.49亿元; 地区生产总值增长8.7%、达到9651.4亿元: the clause after names no
 * subject of its own, so its amount is the one whose growth this is.
 */
function attachToAmountAfter(
  text: string,
  phrase: GrowthPhrase,
  amounts: Quantity[],
  growthOf: Map<Quantity, Growth>,
  words: FigureWords,
): boolean {
  const last = phrase.rates.at(-1)!;
  const next = amounts.find((amount) => amount.start >= last.end && !amount.isRate);
  if (phrase.rates.length !== 1 || !next || growthOf.has(next)) return false;
  if (!/^[，、](?:\d{4}年)?[^，。；\d]{0,4}$/.test(text.slice(last.end, next.start))) return false;
  if (cleanLabel(text.slice(last.end + 1, next.start).replace(/^\d{4}年/, ''), words)) return false;
  growthOf.set(next, { rate: last, sign: phrase.sign });
  return true;
}

function ratesOfTheirOwn(text: string, phrase: GrowthPhrase, quantities: Quantity[], words: FigureWords): BareRate[] {
  let subject = zoneBefore(text, phrase.cueStart, quantities, 'clause');
  // 新兴产业加速成长，产值增长145%: a generic name (产值) belongs to the subject of the clause before.
  // 地方一般公共预算收入扣除留抵退税，同口径增长9.9%: a subject of fillers only is the one before, too.
  const own = cleanLabel(
    patternsOf(words).fillers.reduce((rest, filler) => rest.replaceAll(filler, ''), subject),
    words,
  );
  // 地区生产总值一季度增长4.5%，全年增长5.7%: the period was the clause before's own, not the subject's.
  if (!own || words.genericAmounts.includes(own)) {
    const previous = withoutPartOfYear(previousSubject(text, phrase.cueStart - subject.length, words), words);
    // 规模以上工业总产值达到4.69万亿元，增加值增长9%: the generic name replaces the one the subject had.
    subject = own ? `${withoutGenericEnd(cleanLabel(previous, words) ?? previous, words)}${own}` : previous;
  }
  const subjects = splitSubject(subject, phrase.rates.length, words);
  return phrase.rates.map((rate, index) => ({ rate, sign: phrase.sign, subject: subjects[index] ?? subject }));
}

function withoutGenericEnd(label: string, words: FigureWords): string {
  const generic = patternsOf(words).generic.find((name) => label.endsWith(name) && label.length > name.length);
  return generic ? label.slice(0, -generic.length) : label;
}

function withoutPartOfYear(subject: string, words: FigureWords): string {
  return words.partOfYear.reduce((rest, period) => rest.replace(new RegExp(`[前第]?${period}(?:累计)?`), ''), subject);
}

/** Whether the words between an amount and a growth cue leave the growth with that amount. */
function belongsTo(between: string, words: FigureWords): boolean {
  if (!crosses(between, 'item')) return between.replace(/\s/g, '').length <= MAX_WORDS_BEFORE_GROWTH;
  // 粮食产量212819吨，比上年增长35523吨，增长20%: the absolute change between them leaves the rate with the amount.
  const { changeInBetween, fillers } = patternsOf(words);
  let rest = between.replace(changeInBetween, '').replace(/[\s，、：（）]/g, '');
  for (const filler of fillers) rest = rest.replaceAll(filler, '');
  return rest.length === 0 && !crosses(between, 'sentence');
}

/**
 * The label of an amount or a stand-alone rate: the standard indicator it names (data/indicators.json), or the noun
 * phrase of its clause — the words before the number, else the noun the number leads (3598万吨原煤产量).
 */
import type { FigureWords, Quantity } from '../figureGrammar.js';
import { labelIn, matchIndicator } from '../indicators.js';
import { endOf, leadingWords, zoneBefore } from './clauses.js';
import { isNoFigure } from './exclusions.js';
import { cleanLabel, type Labelled, namesSomething } from './names.js';
import { patternsOf } from './patterns.js';
import { enumerationSubject, previousSubject } from './subjects.js';

interface WordsAfter {
  noun?: string;
  rest: string;
}

export function labelAmount(
  text: string,
  quantity: Quantity,
  quantities: Quantity[],
  words: FigureWords,
): Labelled | undefined {
  const trimmed = zoneBefore(text, quantity.start, quantities, 'item')
    .trim()
    .replace(/\d{4}年(?:的|底|末)?$/, '');
  if (isNoFigure(text, quantity, quantities, trimmed, words)) return undefined;
  const after = wordsAfter(text, quantity.end, words);
  const before = namingWords(text, quantity, quantities, after, words);
  const family = quantity.isRate ? 'percent' : quantity.family;
  const indicator = matchIndicator(before, family);
  if (indicator && (quantity.isRate || indicator.indicator.units.includes(quantity.family)))
    return { label: labelIn(indicator.indicator, family), indicator: indicator.indicator };
  const label = labelOfWords(text, quantity, before, after, words);
  if (!label || !namesSomething(label, words)) return undefined;
  if (
    quantity.family === 'people' &&
    words.meetingNouns.some((noun) => label.includes(noun) || after.noun?.includes(noun))
  )
    return undefined;
  const named = matchIndicator(label, family);
  return named ? { label: labelIn(named.indicator, family), indicator: named.indicator } : { label };
}

/** The words that name an amount: those before it, or those of the figure or clause it continues. */
function namingWords(
  text: string,
  quantity: Quantity,
  quantities: Quantity[],
  after: WordsAfter,
  words: FigureWords,
): string {
  let before = zoneBefore(text, quantity.start, quantities, 'item');
  // …从2011年的1091亿元增加到2016年的1650亿元: the amount a comparison reaches takes the name before the base.
  const previous = quantities.filter((other) => other.end <= quantity.start).at(-1);
  if (previous && /^(?:[增提上下降减扩]\p{Script=Han}?)?(?:到|至)(?:\d{4}年(?:的|底|末)?)?$/u.test(before.trim())) {
    before = zoneBefore(text, previous.start, quantities, 'item').replace(/(?:从|由)(?:\d{4}年(?:的|底|末)?)?\s*$/, '');
  }
  // 牛羊饲养量达10.56万头、28万只; 脱贫324户743人: a quantity right after another shares its name.
  if (
    previous &&
    !cleanLabel(before, words) &&
    patternsOf(words).joinersOnly.test(text.slice(previous.end, quantity.start))
  )
    before = zoneBefore(text, previous.start, quantities, 'item');
  // 生产总值年均增长12.2%，2016年达到1156.49亿元: a clause with no name of its own, before or after its number,
  // continues the one before.
  const ownLabel = cleanLabel(before.replace(/^\d{4}年(?:的|底|末)?/, ''), words);
  if ((!ownLabel || words.labelLead.includes(ownLabel)) && !after.noun) {
    // 跨越130亿元，累计完成136.6亿元: the clause, which starts after its comma, names nothing but its verb.
    const own = before.replace(/^[，、]+/, '');
    before = `${previousSubject(text, quantity.start - own.length, words)}${own}`;
  }
  return before;
}

/** A label from the naming words, the noun after the number, or the verb of a clause listing examples. */
function labelOfWords(
  text: string,
  quantity: Quantity,
  before: string,
  after: WordsAfter,
  words: FigureWords,
): string | undefined {
  const label = cleanLabel(before, words);
  if (label?.includes('等')) {
    // 签约A、B等优势项目45个, 抽水蓄能等21个项目实现开工建设: the examples are not the label; the clause's verb is.
    const noun = label.slice(label.lastIndexOf('等') + 1) || after.noun;
    const wholeClause = `${leadingWords(text, quantity.start, 'clause')}${after.rest}`;
    const verb = words.actionVerbs.find((candidate) => wholeClause.includes(candidate)) ?? '';
    return noun ? `${noun.startsWith(verb) ? '' : verb}${noun}` : undefined;
  }
  // 新增11家规上工业企业, 新引进35家功能型总部: the verb before, the noun after.
  if (label && [...words.labelLead, ...words.actionVerbs, ...words.incrementWords].includes(label) && after.noun)
    return `${label}${after.noun}`;
  // The number leads its words (3598万吨原煤产量, 2154万吨洗精煤, 21个项目), unless they are a specification: an amount
  // before a quality (650公斤高产冬小麦) describes a kind of thing, it does not count or measure it.
  if (!label || label.length < 2)
    return words.specificationWords.some((word) => after.noun?.startsWith(word)) ? undefined : after.noun;
  if (words.genericAmounts.includes(label))
    return `${enumerationSubject(text, quantity.start - before.length, words)}${label}`;
  return label;
}

/** The noun after a number that leads its words (3598万吨原煤产量, 11家规上工业企业上规入统 → 规上工业企业). */
function wordsAfter(text: string, end: number, words: FigureWords): WordsAfter {
  const rest = text.slice(end, endOf(text, end, 'item')).replace(/\d.*$/, '');
  const verbAt = rest.search(patternsOf(words).nounEnd);
  const noun = cleanLabel(verbAt >= 0 ? rest.slice(0, verbAt) : rest, words);
  return noun && namesSomething(noun, words) && !words.genericAmounts.includes(noun) ? { noun, rest } : { rest };
}

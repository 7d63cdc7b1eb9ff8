/**
 * Numbers that are not figures of the region, though they have a unit: an absolute change of another figure, the base
 * of a comparison, a peer group, a conversion, the object of an action, a milestone, the aspects of a programme, a
 * policy package, a mark passed on the way to the amount reached, a bound kept by several things at once, a streak's
 * length or a span of months.
 */
import type { FigureWords, Quantity } from '../figureGrammar.js';
import { crosses, leadingWords, zoneBefore } from './clauses.js';
import { patternsOf } from './patterns.js';

/** 比上年增加35523吨, 较上年增加411元: an absolute change of another figure, not a figure itself. */
export function isChange(text: string, quantity: Quantity, quantities: Quantity[], words: FigureWords): boolean {
  if (quantity.isRate) return false;
  const before = zoneBefore(text, quantity.start, quantities, 'item').trim();
  // …比上年增加35523吨; …收入17353元，增加1024元 (a clause that is only the change).
  const { changeEnd, changeOnly, changeMarker } = patternsOf(words);
  return (changeEnd.test(before) && changeMarker.test(before)) || changeOnly.test(before);
}

/** Whether an amount, with `before` the words before it in its item, is no figure of the region. */
export function isNoFigure(
  text: string,
  quantity: Quantity,
  quantities: Quantity[],
  before: string,
  words: FigureWords,
): boolean {
  // 由7%下降到5%, 从1091亿元增加到1650亿元: a base; 全省59个城区: a peer group; (折合4505美元); 对34家化工企业: an object.
  if (
    [...words.comparisonBase, ...words.peerScopes, ...words.conversionWords, ...words.objectMarkers].some((word) =>
      before.endsWith(word),
    )
  )
    return true;
  // 完成省定目标的100%: the share of a target met.
  if (words.targetShares.some((word) => before.endsWith(word))) return true;
  if (isInListedName(text, quantity, words)) return true;
  // 连续36个月: a streak's length; 12个月内: a span of time.
  if (words.streakWords.some((word) => before.endsWith(word))) return true;
  if (words.durationUnits.some((unit) => text.startsWith(unit, quantity.end - quantity.unit.length))) return true;
  // 1美元兑6.228元: a rate of exchange; 突破3万美元大关: a milestone; 抓好8个方面工作: the aspects of a programme.
  if (
    [...words.conversionWords, ...words.milestoneWords, ...words.aspectWords].some((word) =>
      text.startsWith(word, quantity.end),
    )
  )
    return true;
  return (
    isPolicyCount(text, quantity, words) ||
    isMarkPassed(text, quantity, quantities, before, words) ||
    speaksOfSeveral(before, words)
  );
}

/**
 * 华大30兆瓦生物质发电、年产6万吨减水剂等13个项目: an amount inside a name (a noun follows it) of a list of examples
 * that 等 closes with a count of projects or enterprises, not a figure of the region.
 */
function isInListedName(text: string, quantity: Quantity, words: FigureWords): boolean {
  const rest = text.slice(quantity.end);
  if (!/^\p{Script=Han}/u.test(rest)) return false;
  const closing =
    /^[^，。；：！？\n]*?等\s*(?:\d+|[一二三四五六七八九十百]+)\s*\p{Script=Han}?(\p{Script=Han}{0,4})/u.exec(rest);
  return closing !== null && words.headNouns.some((noun) => closing[1]!.includes(noun));
}

/** 出台稳经济47条, 10项措施: the name or size of a policy package. */
function isPolicyCount(text: string, quantity: Quantity, words: FigureWords): boolean {
  if (!words.policyUnits.includes(quantity.unit)) return false;
  const clause = leadingWords(text, quantity.start, 'clause');
  return (
    words.policyVerbs.some((verb) => clause.includes(verb)) ||
    patternsOf(words).policyNounAfter.test(text.slice(quantity.end, quantity.end + 12))
  );
}

/** 突破400亿元、达410亿元; 跨越130亿元，累计完成136.6亿元: the mark passed, when the same sentence goes on to the amount reached. */
function isMarkPassed(
  text: string,
  quantity: Quantity,
  quantities: Quantity[],
  before: string,
  words: FigureWords,
): boolean {
  if (!words.passingVerbs.some((verb) => before.endsWith(verb))) return false;
  return quantities.some(
    (other) =>
      other.start >= quantity.end &&
      !crosses(text.slice(quantity.end, other.start), 'sentence') &&
      other.unit === quantity.unit &&
      other.value > quantity.value,
  );
}

/** 近四年税收占比均保持在80%以上: a bound kept over several years or items at once is none of their figures. */
function speaksOfSeveral(before: string, words: FigureWords): boolean {
  const verb = words.spanVerbs.find((candidate) => before.endsWith(candidate)) ?? '';
  return words.spanWords.some((word) => before.slice(0, before.length - verb.length).endsWith(word));
}

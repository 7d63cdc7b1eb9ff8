/**
 * Subjects: the name a clause opens with, carried over to the clause after it; a subject naming several things split
 * into as many names (城乡居民人均可支配收入 → 城镇居民…, 农村居民…); the names of a list of amounts after 分别.
 */
import type { FigureWords, Quantity } from '../figureGrammar.js';
import { leadingWords, startOf } from './clauses.js';
import { cleanLabel } from './names.js';
import { patternsOf } from './patterns.js';

/** The name a clause opens with (预计全市地区生产总值突破千亿元 → 预计全市地区生产总值), for the clause after it. */
export function previousSubject(text: string, clauseStart: number, words: FigureWords): string {
  if (clauseStart === 0 || !'，、'.includes(text[clauseStart - 1]!)) return '';
  const previous = leadingWords(text, clauseStart - 1, 'clause');
  const cut = previous.search(patternsOf(words).subjectEnd);
  return cut > 0 ? previous.slice(0, cut) : '';
}

/** 城乡居民人均可支配收入 (2 rates) → 城镇居民…, 农村居民…; 一般公共预算收入和税收收入 → both; else as is. */
export function splitSubject(subject: string, count: number, words: FigureWords): string[] {
  const cleaned = subject.replace(/分别$/, '');
  if (count < 2) return [cleaned];
  for (const [whole, parts] of Object.entries(words.enumerations)) {
    const at = cleaned.indexOf(whole);
    if (at >= 0 && parts.length === count)
      return parts.map((part) => `${cleaned.slice(0, at)}${part}${cleaned.slice(at + whole.length)}`);
  }
  const parts = cleaned.split(patternsOf(words).anyJoiner);
  if (parts.length !== count) return [];
  // 一般公共预算收入和支出: a bare measure (支出) is of the same thing as the first (一般公共预算).
  const measure = patternsOf(words).generic.find((word) => parts[0]!.endsWith(word) && parts[0]!.length > word.length);
  if (measure && parts.slice(1).every((part) => words.genericAmounts.includes(part)))
    return parts.map((part, index) => (index === 0 ? part : `${parts[0]!.slice(0, -measure.length)}${part}`));
  // 园区技工贸总收入、规模工业增加值、亩均税收: the zone the list opens with is every part's.
  const zone = words.zoneScopes.find((scope) => parts[0]!.includes(scope));
  if (zone && parts.slice(1).every((part) => !words.zoneScopes.some((scope) => part.includes(scope)))) {
    const scope = parts[0]!.slice(0, parts[0]!.indexOf(zone) + zone.length);
    return parts.map((part, index) => (index === 0 ? part : `${scope}${part}`));
  }
  const last = parts.at(-1)!;
  // 城镇、农村居民人均可支配收入: the shared tail follows the last part's head.
  return parts.map((part, index) =>
    index < count - 1 && part.length <= 4 && last.length > part.length + 2 ? `${part}${last.slice(part.length)}` : part,
  );
}

/**
 * 城镇和农村居民人均可支配收入分别达到A元、B元: a list of amounts after 分别 takes its names, in order, from the
 * subject split into as many names.
 */
export function listSubjects(text: string, amounts: Quantity[], words: FigureWords): Map<Quantity, string> {
  const subjects = new Map<Quantity, string>();
  for (let index = 0; index < amounts.length; index += 1) {
    const first = amounts[index]!;
    const list = [first];
    while (
      index + 1 < amounts.length &&
      patternsOf(words).joiner.test(text.slice(list.at(-1)!.end, amounts[index + 1]!.start))
    )
      list.push(amounts[(index += 1)]!);
    if (list.length < 2) continue;
    // The names before the list (城乡居民人均可支配收入35352元、13565元), with or without 分别.
    const lead = patternsOf(words).linkedList.exec(
      text.slice(startOf(text, first.start, 'clause'), first.start).trim(),
    );
    const names = splitSubject(lead![1]!, list.length, words);
    if (names.length === list.length) list.forEach((amount, position) => subjects.set(amount, names[position]!));
  }
  return subjects;
}

/** The subject of the previous item in an enumeration: 推进项目268个、总投资… → 项目. */
export function enumerationSubject(text: string, clauseStart: number, words: FigureWords): string {
  if (clauseStart === 0 || !/[、，]/.test(text[clauseStart - 1]!)) return '';
  const previous =
    leadingWords(text, clauseStart - 1, 'clause')
      .split('、')
      .at(-1) ?? '';
  // The name of the item before (粮食播种面积11.34万亩 → 粮食播种面积), without its own measure (→ 粮食).
  let subject = cleanLabel(previous.replace(/\d{4}年/g, '').split(/\d/)[0] ?? '', words) ?? '';
  const measure = patternsOf(words).generic.find((word) => subject.endsWith(word) && subject.length > word.length);
  if (measure) subject = subject.slice(0, -measure.length);
  const trimmed = subject.replace(patternsOf(words).upToVerb, '').replace(/^.*等/, '');
  return trimmed.length >= 2 && trimmed.length <= 8 ? trimmed : '';
}

/** Names of figures: words cut free of verbs and fillers, and the test that they name a thing. */
import { z } from 'zod';
import { loadDataFile } from '../../util/dataFile.js';
import type { FigureWords } from '../figureGrammar.js';
import { type IndicatorMatch, matchIndicator } from '../indicators.js';
import { patternsOf } from './patterns.js';

const boundWordsSchema = z.object({
  $comment: z.string(),
  leading: z.record(z.string().length(1), z.array(z.string().min(2))),
  trailing: z.record(z.string().length(1), z.array(z.string().min(2))),
});

/** 达成就业意向, 两年平均: a one-character lead or tail word (达, 均) that is part of a word of the label stays. */
function isBound(label: string, word: string, end: 'leading' | 'trailing'): boolean {
  const bound = loadDataFile('bound-words.json', boundWordsSchema)[end][word];
  return (
    bound !== undefined && bound.some((whole) => (end === 'leading' ? label.startsWith(whole) : label.endsWith(whole)))
  );
}

const MAX_LABEL = 16;

export interface Labelled {
  label: string;
  indicator?: IndicatorMatch['indicator'];
}

/** Words cut free of leading verbs and fillers (全年实现, 其中) and trailing ones (达到, 同比增长), spaces and numbers. */
export function cleanLabel(words: string, data: FigureWords): string | undefined {
  let label = words
    .replace(/\s+/g, '')
    .replace(/[“”"‘’《》]/g, '')
    .replace(/^[—\-（(：:；，、]+/, '');
  const { lead, tail } = patternsOf(data);
  for (let changed = true; changed;) {
    changed = false;
    for (const word of lead) {
      // 新增 stays: 新增经营主体 (an increment) is not 经营主体 (the stock).
      if (
        label.startsWith(word) &&
        label.length > word.length &&
        !data.incrementWords.includes(word) &&
        !isBound(label, word, 'leading')
      ) {
        label = label.slice(word.length);
        changed = true;
      }
    }
    for (const word of tail) {
      if (label.endsWith(word) && label.length > word.length && !isBound(label, word, 'trailing')) {
        label = label.slice(0, -word.length);
        changed = true;
      }
    }
  }
  label = label.replace(/^\d{4}年(?:度)?/, '').replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.]/, '');
  if (label.length > MAX_LABEL) label = label.slice(-MAX_LABEL);
  // A verb or filler alone (达到, 完成) names nothing.
  const fillerOnly =
    [...data.labelLead, ...data.labelTail].includes(label) &&
    !data.actionVerbs.includes(label) &&
    !data.incrementWords.includes(label);
  return label.length >= 2 && !fillerOnly ? label : undefined;
}

/** A label must name a thing: two Han characters at least, not a bare unit, verb or filler. */
export function namesSomething(label: string, words: FigureWords): boolean {
  const han = label.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 2 && !words.emptyLabels.includes(label) && !patternsOf(words).nonInitial.test(label);
}

/** A name standing alone (the subject of 分别 or of a growth rate): the indicator it is, or the name cleaned. */
export function labelOfName(subject: string, words: FigureWords): Labelled | undefined {
  const indicator = matchIndicator(subject, undefined)?.indicator;
  if (indicator) return { label: indicator.label, indicator };
  const label = cleanLabel(subject, words);
  return label && namesSomething(label, words) ? { label } : undefined;
}

/** The figure grammar's word lists (data/figure-words.json) compiled once per data object: longest words first. */
import type { FigureWords } from '../figureGrammar.js';

export interface Patterns {
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

export const longestFirst = (list: string[]): string[] => [...list].sort((a, b) => b.length - a.length);

export function patternsOf(words: FigureWords): Patterns {
  let patterns = compiled.get(words);
  if (patterns) return patterns;
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

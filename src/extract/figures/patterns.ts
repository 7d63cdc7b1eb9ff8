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
  /** A list joiner alone, or nothing (、, 和, 与 …). */
  joinerOrNothing: RegExp;
  /** Only joiners and spaces. */
  joinersOnly: RegExp;
  /** Exactly one joiner. */
  joiner: RegExp;
  /** Any joiner, to split a list. */
  anyJoiner: RegExp;
  changeMarker: RegExp;
  rateLead: RegExp;
  /** 9项约束性指标, 30条惠企政策: a policy noun after a short modifier. */
  policyNounAfter: RegExp;
  /** 目标定在, 预期目标为 after a growth cue: what stands between the cue and a target rate. */
  targetLink: RegExp;
  linkedList: RegExp;
  nonInitial: RegExp;
  statedYear: RegExp;
}

const compiled = new WeakMap<FigureWords, Patterns>();

export const longestFirst = (list: string[]): string[] => [...list].sort((a, b) => b.length - a.length);
const alternatives = (list: string[]): string => longestFirst(list).join('|');

export function patternsOf(words: FigureWords): Patterns {
  let patterns = compiled.get(words);
  if (patterns) return patterns;
  const changes = longestFirst([...words.growthUp, ...words.growthDown]).join('|');
  const joiners = alternatives(words.conjunctions);
  patterns = {
    growthCues: longestFirst([...words.growthUp, ...words.growthDown]),
    down: words.growthDown,
    changeEnd: new RegExp(`(?:${changes})(?:了)?$`),
    changeOnly: new RegExp(`^(?:${alternatives(words.comparedWith)})?(?:${changes})(?:了)?$`),
    changeInBetween: new RegExp(
      `(?:${alternatives(words.comparedWith)})(?:${changes})了?[\\d.,]+\\s?(?:万|亿)?\\p{Script=Han}{1,3}`,
      'gu',
    ),
    fillers: longestFirst(words.growthFillers),
    subjectEnd: new RegExp(
      `\\d|${[changes, ...words.subjectAdverbs, ...words.subjectEndWords, ...words.passingVerbs].join('|')}`,
    ),
    nounEnd: new RegExp(alternatives([...words.actionVerbs, ...words.nounEndVerbs, ...words.nounEndParticles])),
    lead: longestFirst(words.labelLead),
    tail: longestFirst(words.labelTail),
    generic: longestFirst(words.genericAmounts),
    upToVerb: new RegExp(`^.*?(?:${alternatives([...words.actionVerbs, ...words.planningVerbs])})`),
    joinerOrNothing: new RegExp(`^(?:、|，|${joiners})?$`),
    joinersOnly: new RegExp(`^(?:、|\\s|${joiners})*$`),
    joiner: new RegExp(`^(?:、|${joiners})$`),
    // 省级及以上园区: 及 before a threshold qualifier joins nothing.
    anyJoiner: new RegExp(`、|(?:${joiners})(?!${alternatives(words.thresholdQualifiers)})`),
    changeMarker: new RegExp(alternatives(words.changeMarkers)),
    rateLead: new RegExp(`(?:${alternatives(words.rateLeads)})$`),
    policyNounAfter: new RegExp(`^\\p{Script=Han}{0,4}?(?:${alternatives(words.policyNouns)})`, 'u'),
    targetLink: new RegExp(
      `(?:${alternatives(words.targetNouns)})(?:${alternatives(words.targetLinkVerbs)})?(?:${alternatives(words.rateLeads)})?$`,
    ),
    linkedList: new RegExp(`^(.*?)(?:分别)?(?:${alternatives(words.linkVerbs)})?$`),
    nonInitial: new RegExp(`^(?:${alternatives(words.nonInitialCharacters)})`),
    statedYear: new RegExp(
      `(?<!${alternatives(words.yearBaseMarkers)})(\\d{4}|[〇零一二三四五六七八九]{4})年(?!${alternatives(words.yearSpanWords)})`,
      'g',
    ),
  };
  compiled.set(words, patterns);
  return patterns;
}

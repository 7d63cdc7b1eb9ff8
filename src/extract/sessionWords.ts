/**
 * The words of the session stage (data/session-words.json), validated and compiled once per data object: review cues,
 * the leads and headings of the plan part, times of day before a congress's name, and the kinds of source text.
 */
import { z } from 'zod';
import { loadDataFile } from '../util/dataFile.js';
import { CHINESE_NUMERAL } from './chineseNumbers.js';

const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
const ORDINAL = '[一二三四五六七八九十]+';

const pattern = z
  .string()
  .min(1)
  .refine((source) => {
    try {
      new RegExp(source.replaceAll('{year}', YEAR).replaceAll('{ordinal}', ORDINAL));
      return true;
    } catch {
      return false;
    }
  }, 'not a regular expression');

const sessionWordsSchema = z.object({
  $comment: z.string(),
  reviewCues: z.array(pattern.refine((source) => source.includes('{year}'), 'a review cue names its {year}')).min(1),
  resultStatements: z
    .array(pattern.refine((source) => source.includes('{year}'), 'a result statement names its {year}'))
    .min(1),
  reviewWords: z.array(pattern).min(1),
  planLeads: z.array(pattern).min(1),
  planHeadings: z.array(pattern).min(1),
  timeOfDay: z.array(z.string().min(1)).min(1),
  sessionOpenings: z.array(z.string().min(1)).min(1),
  sourceKinds: z.object({
    communique: z.array(z.string().min(1)),
    work_report: z.array(z.string().min(1)),
    newspaper_special: z.array(z.string().min(1)),
  }),
});

export type SessionWords = z.infer<typeof sessionWordsSchema>;

export interface SessionPatterns {
  reviewCues: RegExp[];
  /** 据介绍，2024年苏州市实现地区生产总值…: a year's results stated, in a text whose review cues name no year. */
  resultStatements: RegExp[];
  reviewWords: RegExp;
  /** The first sentence or two of the part about `year`: 二、2023年工作安排; …。2025年是“十四五”规划收官之年. */
  planStart: (year: number) => RegExp;
  timeOfDay: RegExp;
  /**
   * 苏州市十七届人大四次会议于1月12日开幕: the short name news reports give a session, when they report it opening.
   * Reports themselves use it for the session before (较好完成市十八届人大三次会议确定的目标), so it counts only then.
   */
  congressOpening: RegExp;
  sourceKinds: SessionWords['sourceKinds'];
}

const compiled = new WeakMap<SessionWords, SessionPatterns>();
const expand = (source: string): string => source.replaceAll('{year}', YEAR).replaceAll('{ordinal}', ORDINAL);

export function sessionPatterns(): SessionPatterns {
  const words = loadDataFile('session-words.json', sessionWordsSchema);
  let patterns = compiled.get(words);
  if (patterns) return patterns;
  const leads = words.planLeads.join('|');
  const headings = words.planHeadings.join('|');
  patterns = {
    reviewCues: words.reviewCues.map((cue) => new RegExp(expand(cue))),
    resultStatements: words.resultStatements.map((statement) => new RegExp(expand(statement), 'g')),
    reviewWords: new RegExp(words.reviewWords.join('|')),
    planStart: (year) =>
      new RegExp(
        `^(?:[^。！？]*[。！？]){0,2}?(?:${ORDINAL}、)?(?:${year}年|今年)(?:${leads})|^(?:${ORDINAL}、)?(?:${headings})`,
      ),
    timeOfDay: new RegExp(`^(?:${words.timeOfDay.join('|')})+`),
    congressOpening: new RegExp(
      `(\\p{Script=Han}{1,12}?)(?<!${CHINESE_NUMERAL})第?(${CHINESE_NUMERAL}+)届人大第?(${CHINESE_NUMERAL}+)次会议[^。！\\n]{0,16}?(?:${words.sessionOpenings.join('|')})`,
      'u',
    ),
    sourceKinds: words.sourceKinds,
  };
  compiled.set(words, patterns);
  return patterns;
}

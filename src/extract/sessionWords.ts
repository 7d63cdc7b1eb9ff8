/**
 * The words of the session stage (data/session-words.json), validated and compiled once per data object: review cues,
 * the leads and headings of the plan part, times of day before a congress's name, and the kinds of source text.
 */
import { z } from 'zod';
import { loadDataFile } from '../util/dataFile.js';

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
  reviewWords: z.array(pattern).min(1),
  planLeads: z.array(pattern).min(1),
  planHeadings: z.array(pattern).min(1),
  timeOfDay: z.array(z.string().min(1)).min(1),
  sourceKinds: z.object({
    communique: z.array(z.string().min(1)),
    work_report: z.array(z.string().min(1)),
    newspaper_special: z.array(z.string().min(1)),
  }),
});

export type SessionWords = z.infer<typeof sessionWordsSchema>;

export interface SessionPatterns {
  reviewCues: RegExp[];
  reviewWords: RegExp;
  /** The first sentence or two of the part about `year`: 二、2023年工作安排; …。2025年是“十四五”规划收官之年. */
  planStart: (year: number) => RegExp;
  timeOfDay: RegExp;
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
    reviewWords: new RegExp(words.reviewWords.join('|')),
    planStart: (year) =>
      new RegExp(
        `^(?:[^。！？]*[。！？]){0,2}?(?:${ORDINAL}、)?(?:${year}年|今年)(?:${leads})|^(?:${ORDINAL}、)?(?:${headings})`,
      ),
    timeOfDay: new RegExp(`^(?:${words.timeOfDay.join('|')})+`),
    sourceKinds: words.sourceKinds,
  };
  compiled.set(words, patterns);
  return patterns;
}

/** The region stage's knowledge, from data/*.json, validated once per process (errors name the file and the entry). */
import { z } from 'zod';
import { loadDataFile } from '../../util/dataFile.js';

const hanWord = z.string().regex(/^\p{Script=Han}+$/u, 'expected Chinese characters only');

const regionWordsSchema = z.object({
  $comment: z.string(),
  speakerCues: z.array(hanWord).min(1),
  levelWords: z.record(hanWord, z.array(hanWord).min(1)),
  rankingBefore: z.array(hanWord).min(1),
  rankingAfter: z.array(hanWord).min(1),
  facilitySuffixes: z.array(hanWord).min(1),
  ethnicGroups: z.array(hanWord).min(1),
});

const ocrConfusionsSchema = z.object({
  $comment: z.string(),
  pairs: z.array(z.tuple([z.string().length(1), z.string().length(1)]).refine(([a, b]) => a !== b, 'a pair of two different characters')),
});

const nameBackgroundSchema = z.object({
  $comment: z.string(),
  measuredOn: z.object({ reports: z.number().int().positive(), characters: z.number().int().positive() }),
  /** Occurrences per 10,000 characters, as a whole word, in reports about other regions. */
  perTenThousand: z.record(hanWord, z.number().positive()),
});

export type RegionWords = z.infer<typeof regionWordsSchema>;

export function regionWords(): RegionWords {
  return loadDataFile('region-words.json', regionWordsSchema);
}

let confusions: Map<string, string[]> | undefined;

/** Characters OCR confuses, both ways: 电 → [屯], 屯 → [电]. */
export function ocrConfusions(): Map<string, string[]> {
  if (confusions) return confusions;
  confusions = new Map();
  for (const [a, b] of loadDataFile('ocr-confusions.json', ocrConfusionsSchema).pairs) {
    confusions.set(a, [...(confusions.get(a) ?? []), b]);
    confusions.set(b, [...(confusions.get(b) ?? []), a]);
  }
  return confusions;
}

/** How often a name is written as a word in reports about other regions (城区, 资源, 北京): its rate per 10,000 characters. */
export function nameBackground(): Record<string, number> {
  return loadDataFile('region-name-background.json', nameBackgroundSchema).perTenThousand;
}

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
  pairs: z.array(
    z
      .tuple([z.string().length(1), z.string().length(1)])
      .refine(([a, b]) => a !== b, 'a pair of two different characters'),
  ),
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

/** Kept with the data it was built from: a spec test replaces the file's data to show that an entry is needed. */
let confusions: { data: unknown; map: Map<string, string[]> } | undefined;

/** Characters OCR confuses, both ways: 电 → [屯], 屯 → [电]. */
export function ocrConfusions(): Map<string, string[]> {
  const data = loadDataFile('ocr-confusions.json', ocrConfusionsSchema);
  if (confusions?.data === data) return confusions.map;
  const map = new Map<string, string[]>();
  for (const [a, b] of data.pairs) {
    map.set(a, [...(map.get(a) ?? []), b]);
    map.set(b, [...(map.get(b) ?? []), a]);
  }
  confusions = { data, map };
  return map;
}

/** How often a name is written as a word in reports about other regions (城区, 资源, 北京): its rate per 10,000 characters. */
export function nameBackground(): Record<string, number> {
  return loadDataFile('region-name-background.json', nameBackgroundSchema).perTenThousand;
}

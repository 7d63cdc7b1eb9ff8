/**
 * Proposer: who speaks. A report speaks as one government — 我代表县人民政府, 全县, 我县 — and that level decides
 * between a city and its districts that share a name (东营市, 东营区). The national government (我代表国务院, 我国)
 * speaks for no region.
 */
import { regionWords } from './regionData.js';

export type LevelStrength = 'stated' | 'counted' | 'weak';

export interface Speaker {
  /** The level word the text speaks at: 县, 区, 市, 旗, 州, 盟, 地区, 省 or 国; undefined when it never says. */
  level?: string;
  /** stated: the speaker says it (我代表市人民政府); counted: its words outnumber the others' clearly; weak: barely. */
  strength: LevelStrength;
  /** Counts of each level's own words (rankings against a wider scope left out). */
  counts: Record<string, number>;
}

/** 我代表县人民政府 / 我代表市政府 / 我代表国务院 / 我代表锡林郭勒盟行政公署: the speaker's own words. */
const SPEAKER_PHRASE = /我代表(\p{Script=Han}{0,16}?)(人民政府|政府|国务院|行政公署|行署)/u;
/** A counted level is clear when it has this many words and this many times the runner-up's. */
const CLEAR_COUNT = 3;
const CLEAR_RATIO = 2;

export function findSpeaker(text: string): Speaker {
  const { levelWords } = regionWords();
  const counts: Record<string, number> = {};
  for (const [level, words] of Object.entries(levelWords))
    counts[level] = words.reduce((sum, word) => sum + ownUses(text, word), 0);
  const phrase = SPEAKER_PHRASE.exec(text);
  if (phrase) {
    if (phrase[2] === '国务院') return { level: '国', strength: 'stated', counts };
    const said = Object.keys(levelWords)
      .sort((a, b) => b.length - a.length)
      .find((level) => level !== '国' && phrase[1]!.endsWith(level));
    if (said) return { level: said, strength: 'stated', counts };
  }
  const [first, second] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (!first || first[1] === 0) return { strength: 'weak', counts };
  const clear = first[1] >= CLEAR_COUNT && first[1] >= (second?.[1] ?? 0) * CLEAR_RATIO;
  return { level: first[0], strength: clear ? 'counted' : 'weak', counts };
}

/** Occurrences of a level word that speak of the speaker: not 居全市第一, 全省领先 (a ranking in a wider scope). */
function ownUses(text: string, word: string): number {
  const { rankingBefore, rankingAfter } = regionWords();
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + word.length, at + word.length + 2);
    if (!rankingBefore.some((cue) => before.endsWith(cue)) && !rankingAfter.some((cue) => after.startsWith(cue)))
      count += 1;
  }
  return count;
}

/**
 * Proposer: every place in a text where a division is named — its official name, an accepted shortening (黔东南州,
 * 酉阳土家族苗族县), its short name (沁源), or a misreading OCR is known to make of it (电留区 for 屯留区) — kept only
 * where jieba reads the name as a whole word (示范县 is not 范县, 市委、市政府和县委 is not 和县).
 */
import { segmentWords } from '../findKeywords.js';
import { type Division, isGenericName, loadGazetteer, shortNameOf } from '../gazetteer.js';
import { ocrConfusions, regionWords } from './regionData.js';

export type MentionForm = 'full' | 'short' | 'misread';

/** One occurrence of a name of a division in a text. */
export interface Mention {
  division: Division;
  start: number;
  end: number;
  form: MentionForm;
  /** The name as matched (the text's spelling). */
  name: string;
}

interface NameEntry {
  name: string;
  division: Division;
  form: MentionForm;
}

/** Characters either side of a name given to jieba to tell whether it is a word of its own. */
const WINDOW = 5;
/** Mentions checked for whole words per text: a report names its region long before this many places. */
const MAX_MENTIONS = 4000;

/** Kept with the confusion table it was built with (see ocrConfusions). */
let index: Map<string, NameEntry[]> | undefined;
let indexedWith: Map<string, string[]> | undefined;

/** Every name a division goes by, by its first two characters (every name has at least two). */
function nameIndex(): Map<string, NameEntry[]> {
  const confusable = ocrConfusions();
  if (index && indexedWith === confusable) return index;
  indexedWith = confusable;
  const { all } = loadGazetteer();
  const official = new Set(all.flatMap((division) => [division.name, division.shortName ?? '']));
  const entries: NameEntry[] = [];
  for (const division of all) {
    for (const name of fullNamesOf(division)) entries.push({ name, division, form: 'full' });
    if (division.shortName) entries.push({ name: division.shortName, division, form: 'short' });
    // A misreading changes one character of the name (not its suffix) or of the short name into one OCR confuses it with.
    for (const name of [division.name, division.shortName ?? '']) {
      const stem = name === division.name ? name.length - 1 : name.length;
      for (let at = 0; at < stem; at += 1) {
        for (const other of confusable.get(name[at]!) ?? []) {
          const variant = `${name.slice(0, at)}${other}${name.slice(at + 1)}`;
          if (!official.has(variant)) entries.push({ name: variant, division, form: 'misread' });
        }
      }
    }
  }
  index = new Map();
  for (const entry of entries) {
    if (entry.name.length < 2) continue;
    const prefix = entry.name.slice(0, 2);
    index.set(prefix, [...(index.get(prefix) ?? []), entry]);
  }
  return index;
}

/**
 * The official name, the name with its city or province before it (上海市宝山区, 上海宝山区: it tells homonyms apart),
 * and the shortenings running text uses: an autonomous division's short name with its level (黔东南州, 恩施州, 张家川县),
 * its name without 自治 (酉阳土家族苗族县). A name whose stem is a generic word (城区, 郊区) names nothing by itself:
 * only with its city (阳泉市城区, 阳泉城区).
 */
export function fullNamesOf(division: Division): string[] {
  const { name, shortName, parent } = division;
  const parentShort = shortNameOf(parent);
  const qualified =
    division.level === 'province' ? [] : [`${parent}${name}`, ...(parentShort ? [`${parentShort}${name}`] : [])];
  if (isGenericName(name)) return qualified;
  const names = [name, ...qualified];
  if (name.includes('自治')) {
    names.push(name.replace('自治', ''));
    if (shortName) names.push(`${shortName}${levelSuffix(division)}`);
  }
  return names;
}

/** The one-character word a text uses for its own level (全县, 全州, 全区 for an autonomous region, 全地区). */
export function levelSuffix(division: Division): string {
  const { name } = division;
  if (name.endsWith('自治州')) return '州';
  if (name.endsWith('地区')) return '地区';
  if (name.endsWith('特别行政区')) return '特别行政区';
  return name.at(-1)!;
}

/** All occurrences of names in one pass; at a position the longest name wins (沁源县 over 沁源). */
export function scanNames(text: string): Mention[] {
  const byPrefix = nameIndex();
  const mentions: Mention[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const entries = byPrefix.get(text.slice(at, at + 2));
    if (!entries) continue;
    let longest = 0;
    const found: Mention[] = [];
    for (const entry of entries) {
      if (entry.name.length < longest || !text.startsWith(entry.name, at)) continue;
      if (entry.name.length > longest) found.length = 0;
      longest = entry.name.length;
      found.push({
        division: entry.division,
        start: at,
        end: at + entry.name.length,
        form: entry.form,
        name: entry.name,
      });
    }
    mentions.push(...found);
    // A name's own characters do not start another name (沁源县 holds no 源县).
    if (longest > 0) at += longest - 1;
  }
  return mentions;
}

/**
 * The mentions that are whole words (jieba); short names only outside street, station and farm names; none that a
 * figure is ranked in or compared with (高于廊坊市1个百分点, 居全省首位): a benchmark is not the speaker.
 */
export async function wholeWordMentions(text: string): Promise<Mention[]> {
  const { facilitySuffixes, rankingBefore } = regionWords();
  const considered = scanNames(text)
    .slice(0, MAX_MENTIONS)
    .filter(
      (mention) => mention.form !== 'short' || !facilitySuffixes.some((suffix) => text.startsWith(suffix, mention.end)),
    )
    .filter((mention) => !rankingBefore.some((cue) => text.endsWith(cue, mention.start)));
  const windows = considered.map((mention) => {
    const from = Math.max(0, mention.start - WINDOW);
    return { from, text: text.slice(from, mention.end + WINDOW) };
  });
  const cuts = await segmentWords(windows.map((window) => window.text));
  return considered.filter((mention, at) => {
    const boundaries = new Set<number>();
    let end = windows[at]!.from;
    boundaries.add(end);
    for (const word of cuts[at]!) boundaries.add((end += word.length));
    const startsWord = boundaries.has(mention.start);
    const endsWord = boundaries.has(mention.end);
    // 宁远县城: a full name whose suffix starts the next word (县城, 县委) is still whole, when its stem is a word.
    const stemLength = mention.end - mention.start - 1;
    return startsWord && (endsWord || (mention.form !== 'short' && stemLength >= 2 && boundaries.has(mention.end - 1)));
  });
}

/**
 * Which region a report speaks for, checked against the GB/T 2260 gazetteer: a county, district, banner,
 * county-level city, prefecture-level city, league or autonomous prefecture.
 *
 * The region is the one whose government or statistics bureau speaks, so evidence is weighed, not counted:
 * - self-references weigh most (沁源县人民政府, 在沁水县第十七届人民代表大会, 和政县统计局, …两会), then the title lines;
 * - the level the text speaks at (全县, 我市, 旗委 … data/region-words.json) favours names of that level: a city's
 *   report names its counties many times and is still the city's;
 * - names count as whole words only (jieba): 示范县 is not 范县, 市委、市政府和县委 is not 和县, 超大城市 is not 大城县;
 *   short names (宁远 for 宁远县) count only with supporting evidence, and never in a street, station or farm name;
 * - OCR misreads count only through a table of characters OCR really confuses (电/屯 … data/ocr-confusions.json).
 * When two regions remain close, it says so with the candidates instead of picking one.
 */
import { readFileSync } from 'node:fs';
import { BriefingError } from '../errors.js';
import type { Region } from '../summary/schema.js';
import { segmentWords } from './findKeywords.js';
import { type Division, loadGazetteer } from './gazetteer.js';

export interface RegionFinding {
  region: Region;
  warnings: string[];
}

interface RegionWords {
  shortNamesThatAreWords: string[];
  speakerCues: string[];
  levelWords: Record<string, string[]>;
  facilitySuffixes: string[];
}

/** One occurrence of a name (or of a known misreading of it) in the text. */
interface Mention {
  division: Division;
  start: number;
  end: number;
  full: boolean;
  /** The text's spelling when it is an OCR misreading of the official name. */
  misread?: string;
}

const SELF_REFERENCE = 8;
const TITLE = 6;
const FULL_NAME = 2;
const SHORT_NAME = 1;
const PARENT_NAMED = 2;
const CHILD_NAMED = 1;
const MAX_CHILDREN_COUNTED = 6;
const LEVEL_AGREES = 1.5;
/** The title and first lines of a report name its region: this many characters. */
const HEAD = 200;
/** A runner-up this close to the best, with no self-reference to tell them apart, makes the region uncertain. */
const CLOSE = 0.8;
const MIN_MISREADS = 2;
const WINDOW = 5;
const MAX_WINDOWS = 4000;

export async function findRegion(text: string, file: string, originalOf?: (start: number, end: number) => string): Promise<RegionFinding> {
  const words = regionWords();
  const mentions = await wholeWordMentions(text, scanNames(text), words);
  const scored = score(text, mentions, words);
  const [best, second] = scored;
  const alone = best ? undefined : soleShortName(text, mentions, words);
  if (alone) {
    return {
      region: { name: alone.name, code: alone.code, parent: alone.parent, level: alone.level },
      warnings: [`region read from its short name alone (the text names no other region): ${alone.shortName} → ${alone.name} (${alone.parent}, ${alone.code}); check it`],
    };
  }
  if (!best) {
    throw new BriefingError('REGION_NOT_FOUND', 'no region of the GB/T 2260 gazetteer is named in the report', {
      file,
      field: 'region',
      hint: 'the report must name its county, district, city or banner (e.g. 沁源县); or write the summary by hand and use briefing render',
    });
  }
  if (second && second.score >= best.score * CLOSE && !(best.selfReferences > second.selfReferences)) {
    const names = scored.filter((candidate) => candidate.score >= best.score * CLOSE).slice(0, 5).map((candidate) => `${candidate.division.parent}${candidate.division.name}`);
    throw new BriefingError('REGION_AMBIGUOUS', `the report could be about any of: ${names.join(', ')}`, {
      file,
      field: 'region',
      hint: 'name the region in the report title, or write the summary by hand and use briefing render',
    });
  }
  const { division } = best;
  const misread = mentions.find((mention) => mention.division === division && mention.misread)?.misread;
  const asWritten = misread ?? writtenForm(mentions, division, originalOf);
  const warnings: string[] = [];
  if (misread) warnings.push(`region name corrected: the text writes ${misread}, the gazetteer has ${division.name} (${division.parent}, ${division.code})`);
  else if (asWritten) warnings.push(`region written as ${asWritten}; using the official name ${division.name}`);
  return {
    region: { name: division.name, code: division.code, parent: division.parent, level: division.level, ...(asWritten ? { asWritten } : {}) },
    warnings,
  };
}

/**
 * A text that names no region fully, but one region only by its short name, as a whole word, and speaks at that
 * region's level (为伊吾的改革开放 … 全县): that region, said with a warning. Two short names, or none, stay unknown.
 */
function soleShortName(text: string, mentions: Mention[], words: RegionWords): Division | undefined {
  const named = new Set(mentions.filter((mention) => !mention.misread).map((mention) => mention.division));
  if (named.size !== 1) return undefined;
  const [division] = named as unknown as [Division];
  return division.shortName && speakingLevel(text, words) === levelSuffix(division.name) ? division : undefined;
}

/** The original spelling of the region's full name (traditional characters), when it differs from the official one. */
function writtenForm(mentions: Mention[], division: Division, originalOf: ((start: number, end: number) => string) | undefined): string | undefined {
  const mention = mentions.find((candidate) => candidate.division === division && candidate.full);
  const written = mention && originalOf?.(mention.start, mention.end);
  return written && written !== division.name && /^\p{Script=Han}+$/u.test(written) ? written : undefined;
}

interface Candidate {
  division: Division;
  score: number;
  selfReferences: number;
}

function score(text: string, mentions: Mention[], words: RegionWords): Candidate[] {
  const { cities } = loadGazetteer();
  const level = speakingLevel(text, words);
  const byDivision = new Map<Division, Mention[]>();
  for (const mention of mentions) byDivision.set(mention.division, [...(byDivision.get(mention.division) ?? []), mention]);
  const named = new Set(byDivision.keys());
  const childrenNamed = new Map<string, number>();
  for (const division of named) if (division.level !== 'city') childrenNamed.set(division.parentCode, (childrenNamed.get(division.parentCode) ?? 0) + 1);
  // A city none of whose own names appear still speaks when its counties are named (德宏's report names 瑞丽, 陇川 …).
  for (const city of cities) if (!named.has(city) && (childrenNamed.get(city.code) ?? 0) >= 2) byDivision.set(city, []);
  const misreadCounts = new Map<Division, number>();
  for (const mention of mentions) if (mention.misread) misreadCounts.set(mention.division, (misreadCounts.get(mention.division) ?? 0) + 1);

  const candidates: Candidate[] = [];
  for (const [division, own] of byDivision) {
    if ((misreadCounts.get(division) ?? 0) > 0 && (misreadCounts.get(division) ?? 0) < MIN_MISREADS && own.every((mention) => mention.misread)) continue;
    const full = own.filter((mention) => mention.full);
    const selfReferences = own.filter((mention) => isSelfReference(text, mention, words)).length;
    const parentNamed = [...named].some((other) => other.code === division.parentCode || other.name === division.parent);
    const children = division.level === 'city' ? (childrenNamed.get(division.code) ?? 0) : 0;
    const supported = full.length > 0 || selfReferences > 0 || parentNamed;
    const shortCount = supported ? own.length - full.length : 0;
    if (full.length === 0 && shortCount === 0 && children < 2) continue;
    let value =
      Math.min(selfReferences, 3) * SELF_REFERENCE +
      (own.some((mention) => mention.start < HEAD && (mention.full || supported)) ? TITLE : 0) +
      full.length * FULL_NAME +
      shortCount * SHORT_NAME +
      (parentNamed ? PARENT_NAMED : 0) +
      Math.min(children, MAX_CHILDREN_COUNTED) * CHILD_NAMED;
    if (level && levelSuffix(division.name) === level) value *= LEVEL_AGREES;
    candidates.push({ division, score: value, selfReferences });
  }
  return candidates.sort((a, b) => b.score - a.score || a.division.code.localeCompare(b.division.code));
}

/** The level the text speaks at, from 全县/我县/县委 … counts: 县, 区, 市, 旗, 州 or 盟. */
function speakingLevel(text: string, words: RegionWords): string | undefined {
  let best: { suffix: string; count: number } | undefined;
  for (const [suffix, cues] of Object.entries(words.levelWords)) {
    const count = cues.reduce((sum, cue) => sum + countOf(text, cue), 0);
    if (count > 0 && (!best || count > best.count)) best = { suffix, count };
  }
  return best?.suffix;
}

function levelSuffix(name: string): string {
  return name.endsWith('自治州') ? '州' : name.at(-1)!;
}

function isSelfReference(text: string, mention: Mention, words: RegionWords): boolean {
  const after = text.slice(mention.end, mention.end + 16);
  return words.speakerCues.some((cue) => after.startsWith(cue)) || /^第[一二三四五六七八九十]+届人民代表大会/.test(after) || /^[一二三四五六七八九十]+届人大/.test(after);
}

/** Keeps mentions that are whole words (jieba), short ones only outside street, station and farm names. */
async function wholeWordMentions(text: string, mentions: Mention[], words: RegionWords): Promise<Mention[]> {
  const considered = mentions.slice(0, MAX_WINDOWS).filter((mention) => mention.full || !words.facilitySuffixes.some((suffix) => text.startsWith(suffix, mention.end)));
  const windows = considered.map((mention) => {
    const from = Math.max(0, mention.start - WINDOW);
    return { from, text: text.slice(from, mention.end + WINDOW) };
  });
  const cuts = await segmentWords(windows.map((window) => window.text));
  return considered.filter((mention, index) => {
    const boundaries = new Set<number>();
    let at = windows[index]!.from;
    boundaries.add(at);
    for (const word of cuts[index]!) boundaries.add((at += word.length));
    const startsWord = boundaries.has(mention.start);
    const endsWord = boundaries.has(mention.end);
    // 宁远县城: a full name whose suffix starts the next word (县城, 县委) is still whole, when its stem is a word.
    const stemLength = mention.end - mention.start - 1;
    return startsWord && (endsWord || (mention.full && stemLength >= 2 && boundaries.has(mention.end - 1)));
  });
}

interface NameEntry {
  name: string;
  division: Division;
  full: boolean;
  misread?: string;
}

interface NameIndex {
  /** Entries by their first two characters (every name has at least two). */
  byPrefix: Map<string, NameEntry[]>;
}
let index: NameIndex | undefined;

/** Every gazetteer name, short name and known OCR misreading of a full name, by first character. */
function nameIndex(): NameIndex {
  if (index) return index;
  const { counties, cities } = loadGazetteer();
  const official = new Set<string>();
  for (const division of [...counties, ...cities]) {
    official.add(division.name);
    if (division.shortName) official.add(division.shortName);
  }
  const confusable = ocrConfusions();
  const commonWords = new Set(regionWords().shortNamesThatAreWords);
  const entries: NameEntry[] = [];
  for (const division of [...counties, ...cities]) {
    entries.push({ name: division.name, division, full: true });
    if (division.shortName && !commonWords.has(division.shortName)) entries.push({ name: division.shortName, division, full: false });
    // 黔东南州, 张家川县: an autonomous region's short name with its level is its full name in running text.
    if (division.shortName && division.name.includes('自治')) entries.push({ name: `${division.shortName}${levelSuffix(division.name)}`, division, full: true });
    // A misreading changes one character of the name (not its suffix) into one OCR confuses it with.
    const stem = division.name.length - 1;
    for (let at = 0; at < stem; at += 1) {
      for (const other of confusable.get(division.name[at]!) ?? []) {
        const variant = `${division.name.slice(0, at)}${other}${division.name.slice(at + 1)}`;
        if (!official.has(variant)) entries.push({ name: variant, division, full: true, misread: variant });
      }
    }
  }
  const byPrefix = new Map<string, NameEntry[]>();
  for (const entry of entries) {
    if (entry.name.length < 2) continue;
    const prefix = entry.name.slice(0, 2);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), entry]);
  }
  index = { byPrefix };
  return index;
}

/** All occurrences of names in one pass; at a position the longest name wins (沁源县 over 沁源). */
function scanNames(text: string): Mention[] {
  const { byPrefix } = nameIndex();
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
      found.push({ division: entry.division, start: at, end: at + entry.name.length, full: entry.full, ...(entry.misread ? { misread: entry.misread } : {}) });
    }
    mentions.push(...found);
  }
  return mentions;
}

let confusions: Map<string, string[]> | undefined;

function ocrConfusions(): Map<string, string[]> {
  if (confusions) return confusions;
  const { pairs } = JSON.parse(readFileSync(dataFile('ocr-confusions.json'), 'utf8')) as { pairs: Array<[string, string]> };
  confusions = new Map();
  for (const [a, b] of pairs) {
    confusions.set(a, [...(confusions.get(a) ?? []), b]);
    confusions.set(b, [...(confusions.get(b) ?? []), a]);
  }
  return confusions;
}

let wordsData: RegionWords | undefined;

function regionWords(): RegionWords {
  wordsData ??= JSON.parse(readFileSync(dataFile('region-words.json'), 'utf8')) as RegionWords;
  return wordsData;
}

function dataFile(name: string): string {
  return decodeURIComponent(new URL(`../../data/${name}`, import.meta.url).pathname);
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

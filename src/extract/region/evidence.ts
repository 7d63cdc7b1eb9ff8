/**
 * Refiner: the typed evidence each candidate division collects. Weights are relative; what they rest on:
 * - the speaker's own words weigh most (沁源县人民政府, 在沁水县第十七届人民代表大会, 和政县统计局), then the title lines;
 * - every mention counts only above what reports about other regions use that word anyway (data/region-name-background.json:
 *   城区, 资源, 北京 appear in every report; 深圳 130 times is 深圳's own);
 * - a division whose parts are named (a city's counties, a county-level city's neighbours do not count) speaks for them;
 * - the level the text speaks at (我代表市人民政府, 全县) multiplies: a city's report names its districts often and is still
 *   the city's, and 东营市 and 东营区 share the short name 东营.
 */
import { type Division, loadGazetteer } from '../gazetteer.js';
import { levelSuffix, type Mention } from './mentions.js';
import { nameBackground, regionWords } from './regionData.js';
import type { Speaker } from './speaker.js';

export type EvidenceKind = 'self' | 'title' | 'full' | 'short' | 'misread' | 'parts' | 'parent' | 'file-name';

export interface Evidence {
  kind: EvidenceKind;
  weight: number;
  /** How many mentions it rests on, for mention evidence. */
  count?: number;
  /** What was seen, for the warning or the error that lists candidates. */
  detail: string;
}

export interface Candidate {
  division: Division;
  evidence: Evidence[];
  /** Product of the evidence's weights and the level factor. */
  score: number;
  selfReferences: number;
}

const SELF_REFERENCE = 8;
const MAX_SELF_REFERENCES = 3;
const TITLE = 6;
const FULL_NAME = 2;
const SHORT_NAME = 1;
const PART_NAMED = 2;
const MAX_PARTS = 6;
const PARENT_NAMED = 1;
const FILE_NAME = 10;
/** Factors for a division at (or not at) the level the text speaks at, by how surely the level is known. */
const LEVEL_FACTORS: Record<Speaker['strength'], { agrees: number; differs: number }> = {
  stated: { agrees: 1.5, differs: 0.5 },
  counted: { agrees: 1.3, differs: 0.75 },
  weak: { agrees: 1.2, differs: 0.9 },
};
/** A misreading counts only when made at least twice: one odd character is noise, not a name. */
const MIN_MISREADS = 2;
/** A report's title and header lines name its region: short lines within this many characters of the start. */
const HEAD = 200;
const TITLE_LINE = 60;
/**
 * A mention weighs log(own / background) against an unseen name's log(own / floor): a name used about ten times per
 * 10,000 characters by its own region's reports and seen that often elsewhere (资源, 合作) weighs next to nothing;
 * 北京 or 大关, seen now and then elsewhere, weigh about half; a name never seen elsewhere weighs fully.
 */
const OWN_RATE = 10;
const BACKGROUND_FLOOR = 0.01;
/** Names at least this informative make their division a named part of its parent, or its title. */
const HALF = 0.5;

export interface EvidenceInput {
  text: string;
  mentions: Mention[];
  speaker: Speaker;
  /** Divisions named by the input's file or folder name (沁源县.txt, 长治/2026.txt, 140431-沁源县.txt). */
  fileNamed: Mention[];
}

export function weighEvidence({ text, mentions, speaker, fileNamed }: EvidenceInput): Candidate[] {
  const informativeness = informativenessOf(nameBackground());
  const { byDivision, informative, parts } = divisionsNamed(mentions, fileNamed, informativeness);
  const context: WeighingContext = { text, fileNamed, informativeness, informative, parts };
  const candidates: Candidate[] = [];
  for (const [division, own] of byDivision) {
    const { evidence, selfReferences } = evidenceFor(division, own, context);
    if (evidence.length === 0) continue;
    const sum = evidence.reduce((total, item) => total + item.weight, 0);
    candidates.push({ division, evidence, score: sum * levelFactor(division, speaker), selfReferences });
  }
  return candidates.sort((a, b) => b.score - a.score || a.division.code.localeCompare(b.division.code));
}

interface WeighingContext {
  text: string;
  fileNamed: Mention[];
  informativeness: (name: string) => number;
  /** Divisions named by a name that is no ordinary word. */
  informative: Set<Division>;
  /** For a parent's code, the names of its divisions named informatively. */
  parts: Map<string, Set<string>>;
}

/** How unlikely a name is as an ordinary word, 0–1: measured by how often reports about other regions write it. */
function informativenessOf(background: Record<string, number>): (name: string) => number {
  return (name) =>
    Math.max(
      0,
      Math.log(OWN_RATE / ((background[name] ?? 0) + BACKGROUND_FLOOR)) / Math.log(OWN_RATE / BACKGROUND_FLOOR),
    );
}

/** The divisions the text or the file name names, with their mentions, and the parents several of whose parts are named. */
function divisionsNamed(
  mentions: Mention[],
  fileNamed: Mention[],
  informativeness: (name: string) => number,
): { byDivision: Map<Division, Mention[]>; informative: Set<Division>; parts: Map<string, Set<string>> } {
  const { byCode } = loadGazetteer();
  const byDivision = new Map<Division, Mention[]>();
  for (const mention of mentions)
    byDivision.set(mention.division, [...(byDivision.get(mention.division) ?? []), mention]);
  const informative = new Set<Division>();
  for (const [division, own] of byDivision)
    if (own.some((mention) => informativeness(mention.name) >= HALF)) informative.add(division);
  const parts = new Map<string, Set<string>>();
  for (const division of informative)
    parts.set(division.parentCode, new Set([...(parts.get(division.parentCode) ?? []), division.name]));
  // A city none of whose own names appear still speaks when its counties are named (德宏's report names 瑞丽, 陇川 …).
  for (const [code, named] of parts) {
    const parent = byCode.get(code);
    if (parent && named.size >= 2 && !byDivision.has(parent)) byDivision.set(parent, []);
  }
  for (const mention of fileNamed) if (!byDivision.has(mention.division)) byDivision.set(mention.division, []);
  return { byDivision, informative, parts };
}

/** The typed evidence for one division: speaking as it, a title, its names, its parts, its parent, the file name. */
function evidenceFor(
  division: Division,
  own: Mention[],
  { text, fileNamed, informativeness, informative, parts }: WeighingContext,
): { evidence: Evidence[]; selfReferences: number } {
  const evidence: Evidence[] = [];
  const selfReferences = own.filter((mention) => isSelfReference(text, mention)).length;
  if (selfReferences > 0)
    evidence.push({
      kind: 'self',
      weight: Math.min(selfReferences, MAX_SELF_REFERENCES) * SELF_REFERENCE,
      detail: `${selfReferences}× speaks as ${division.name}`,
    });
  const misreads = own.filter((mention) => mention.form === 'misread');
  const countable = misreads.length >= MIN_MISREADS ? own : own.filter((mention) => mention.form !== 'misread');
  const head = countable.find(
    (mention) => isInTitle(text, mention) && mention.form !== 'short' && informativeness(mention.name) >= HALF,
  );
  if (head) evidence.push({ kind: 'title', weight: TITLE, detail: `${head.name} in the first lines` });
  for (const form of ['full', 'misread', 'short'] as const) {
    const named = countable.filter((mention) => mention.form === form);
    const weight = named.reduce(
      (sum, mention) => sum + informativeness(mention.name) * (isShort(mention) ? SHORT_NAME : FULL_NAME),
      0,
    );
    if (weight > 0) evidence.push({ kind: form, weight, count: named.length, detail: `${form} name ${named.length}×` });
  }
  // One part named is the usual mention of a county in its city's report or the reverse; several speak for the whole.
  const partsNamed = parts.get(division.code)?.size ?? 0;
  if (partsNamed > 1)
    evidence.push({
      kind: 'parts',
      weight: Math.min(partsNamed - 1, MAX_PARTS) * PART_NAMED,
      detail: `${partsNamed} of its divisions named`,
    });
  const ancestor = ancestorsOf(division).find((candidate) => informative.has(candidate));
  if (ancestor)
    evidence.push({ kind: 'parent', weight: PARENT_NAMED, detail: `${ancestor.name}, which holds it, named` });
  const fromFile = fileNamed.find((mention) => mention.division === division);
  if (fromFile)
    evidence.push({ kind: 'file-name', weight: FILE_NAME, detail: `the file or folder name says ${fromFile.name}` });
  return { evidence, selfReferences };
}

function ancestorsOf(division: Division): Division[] {
  const { byCode } = loadGazetteer();
  const ancestors: Division[] = [];
  for (let at = byCode.get(division.parentCode); at; at = byCode.get(at.parentCode)) ancestors.push(at);
  return ancestors;
}

function levelFactor(division: Division, speaker: Speaker): number {
  if (!speaker.level) return 1;
  const factors = LEVEL_FACTORS[speaker.strength];
  return levelSuffix(division) === speaker.level ? factors.agrees : factors.differs;
}

/** A short name, or a misreading of one (电留 for 屯留): weaker evidence than a full name. */
function isShort(mention: Mention): boolean {
  return (
    mention.form === 'short' ||
    (mention.form === 'misread' && mention.name.length === mention.division.shortName?.length)
  );
}

function isInTitle(text: string, mention: Mention): boolean {
  if (mention.start >= HEAD) return false;
  const lineStart = text.lastIndexOf('\n', mention.start) + 1;
  const lineEnd = text.indexOf('\n', mention.end);
  return (lineEnd < 0 ? text.length : lineEnd) - lineStart <= TITLE_LINE;
}

const SESSION_AFTER_NAME = /^(第[一二三四五六七八九十]+届人民代表大会|[一二三四五六七八九十]+届人大)/;

function isSelfReference(text: string, mention: Mention): boolean {
  const after = text.slice(mention.end, mention.end + 16);
  return regionWords().speakerCues.some((cue) => after.startsWith(cue)) || SESSION_AFTER_NAME.test(after);
}

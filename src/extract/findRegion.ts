/**
 * Finds which county-level region a report is about and checks it against the gazetteer.
 *
 * Scoring counts full official names (沁源县) and short names (沁源) in the text, favouring regions whose
 * city the text also names. OCR misreads one character of a name (电留区 for 屯留区): a name in the text
 * that is one character off an official name inside the named city counts for that region, with a warning.
 * Traditional characters (壺關縣) are converted to simplified before a second search.
 */
import { BriefingError } from '../errors.js';
import type { Region } from '../summary/schema.js';
import { type Division, loadGazetteer } from './gazetteer.js';

export interface RegionFinding {
  region: Region;
  warnings: string[];
}

interface Candidate {
  division: Division;
  score: number;
  /** Form found in the text when it is not the official name. */
  asWritten?: string;
}

const FULL_NAME_WEIGHT = 3;
const CITY_BONUS = 2;
/** A name must be seen this often before a one-character-off reading is trusted as a misread. */
const MIN_MISREAD_OCCURRENCES = 2;

export async function findRegion(text: string, file: string): Promise<RegionFinding> {
  const direct = findIn(text);
  if (direct) return direct;
  const simplified = await toSimplified(text);
  if (simplified !== text) {
    const converted = findIn(simplified);
    if (converted) {
      const asWritten = originalSpelling(text, simplified, converted.region.name);
      if (asWritten && asWritten !== converted.region.name) {
        converted.region.asWritten = asWritten;
        converted.warnings.push(`region written in traditional characters as ${asWritten}; using the official name ${converted.region.name}`);
      }
      return converted;
    }
  }
  throw new BriefingError('REGION_NOT_FOUND', 'no county-level region of the GB/T 2260 gazetteer is named in the report', {
    file,
    field: 'region',
    hint: 'the report must name its county, district or county-level city (e.g. 沁源县); or write the summary by hand and use briefing render',
  });
}

function findIn(text: string): RegionFinding | undefined {
  const { counties, cities } = loadGazetteer();
  const counts = countNames(text);
  const mentions = (name: string | undefined): number => (name ? (counts.get(name) ?? 0) : 0);
  const cityMentions = new Map<string, number>();
  for (const city of cities) {
    const count = mentions(city.name) + mentions(city.shortName);
    if (count > 0) cityMentions.set(city.code, count);
  }

  const candidates: Candidate[] = [];
  for (const division of counties) {
    const full = mentions(division.name);
    const short = mentions(division.shortName);
    const score = full * FULL_NAME_WEIGHT + (short - full);
    if (score > 0) candidates.push({ division, score: score + (cityMentions.has(division.parentCode) ? CITY_BONUS : 0) });
  }
  for (const division of counties) {
    if (!cityMentions.has(division.parentCode)) continue;
    const misread = findMisread(text, division);
    if (misread) candidates.push(misread);
  }
  if (candidates.length === 0) return undefined;

  candidates.sort((a, b) => b.score - a.score);
  const [best, second] = candidates as [Candidate, Candidate | undefined];
  if (second && second.score === best.score && second.division.code !== best.division.code) {
    const names = candidates.filter((candidate) => candidate.score === best.score).map((candidate) => `${candidate.division.parent}${candidate.division.name}`);
    throw new BriefingError('REGION_AMBIGUOUS', `the report names several regions equally often: ${names.join(', ')}`, {
      field: 'region',
      hint: 'name the region in the report title, or write the summary by hand and use briefing render',
    });
  }

  const { division, asWritten } = best;
  const warnings = asWritten
    ? [`region name corrected: the text writes ${asWritten}, the gazetteer has ${division.name} (${division.parent}, ${division.code})`]
    : [];
  return {
    region: { name: division.name, code: division.code, parent: division.parent, level: division.level, ...(asWritten ? { asWritten } : {}) },
    warnings,
  };
}

/** A spelling one character off the official full name (same length and suffix), seen often enough. */
function findMisread(text: string, division: Division): Candidate | undefined {
  const name = division.name;
  if (name.length < 3) return undefined;
  const suffix = name.slice(-1);
  const variants = new Map<string, number>();
  for (let end = text.indexOf(suffix); end >= 0; end = text.indexOf(suffix, end + 1)) {
    const start = end + 1 - name.length;
    if (start < 0) continue;
    const written = text.slice(start, end + 1);
    if (written !== name && differsByOneCharacter(written, name) && /^\p{Script=Han}+$/u.test(written)) {
      variants.set(written, (variants.get(written) ?? 0) + 1);
    }
  }
  const [written, count] = [...variants].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!written || !count || count < MIN_MISREAD_OCCURRENCES) return undefined;
  // The misread short form (电留) counts too, once the full form has shown it is a misread.
  const shortWritten = division.shortName ? written.slice(0, division.shortName.length) : undefined;
  const shortCount = shortWritten ? countOccurrences(text, shortWritten) - count : 0;
  return { division, score: count * FULL_NAME_WEIGHT + shortCount + CITY_BONUS, asWritten: written };
}

function differsByOneCharacter(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) differences += 1;
  return differences === 1;
}

/** Occurrences of every gazetteer name and short name in one pass over the text. */
function countNames(text: string): Map<string, number> {
  const { byFirstCharacter, maxLength } = nameIndex();
  const counts = new Map<string, number>();
  for (let at = 0; at < text.length; at += 1) {
    const names = byFirstCharacter.get(text[at]!);
    if (!names) continue;
    const window = text.slice(at, at + maxLength);
    for (const name of names) if (window.startsWith(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

let index: { byFirstCharacter: Map<string, string[]>; maxLength: number } | undefined;

function nameIndex(): { byFirstCharacter: Map<string, string[]>; maxLength: number } {
  if (index) return index;
  const { counties, cities } = loadGazetteer();
  const names = new Set<string>();
  for (const division of [...counties, ...cities]) {
    names.add(division.name);
    if (division.shortName) names.add(division.shortName);
  }
  const byFirstCharacter = new Map<string, string[]>();
  let maxLength = 0;
  for (const name of names) {
    const list = byFirstCharacter.get(name[0]!) ?? [];
    list.push(name);
    byFirstCharacter.set(name[0]!, list);
    maxLength = Math.max(maxLength, name.length);
  }
  index = { byFirstCharacter, maxLength };
  return index;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

let converter: ((text: string) => string) | undefined;

/** Traditional → simplified, loaded only for texts that need it (the dictionaries take time to load). */
async function toSimplified(text: string): Promise<string> {
  if (!converter) {
    const OpenCC = await import('opencc-js/t2cn');
    converter = OpenCC.Converter({ from: 'hk', to: 'cn' });
  }
  return converter!(text);
}

/** The traditional spelling of `name` in the original text (conversion keeps positions: one character each). */
function originalSpelling(original: string, simplified: string, name: string): string | undefined {
  const at = simplified.indexOf(name);
  return at >= 0 && original.length === simplified.length ? original.slice(at, at + name.length) : undefined;
}

/**
 * Which region a report speaks for, checked against the GB/T 2260 gazetteer: a county, district, banner, county-level
 * city, prefecture-level city, league, autonomous prefecture, province or municipality.
 *
 * Built as proposers and refiners (src/extract/region/): names are proposed where the text writes them (mentions),
 * the speaker's level is read (speaker), each candidate collects typed evidence (evidence), and the decision takes a
 * margin or refuses with the candidates (decide). Evidence from outside the text — the file's and folder's names, the
 * session scope — is weighed with the rest and named when it decided; a region a person gives always wins.
 * Examples of every rule: tests/extract/specs/region.json.
 */
import { basename, dirname, extname } from 'node:path';
import { BriefingError } from '../errors.js';
import type { Region } from '../summary/schema.js';
import { type Division, divisionsWithin, loadGazetteer, lookUpDivision } from './gazetteer.js';
import { type Decision, decide, refusalError } from './region/decide.js';
import { type Candidate, weighEvidence } from './region/evidence.js';
import { type Mention, scanNames, wholeWordMentions } from './region/mentions.js';
import { findSpeaker } from './region/speaker.js';

export interface RegionFinding {
  region: Region;
  warnings: string[];
}

export interface RegionOptions {
  /** The original spelling of a normalised span (traditional characters), for `asWritten`. */
  originalOf?: (start: number, end: number) => string;
  /** The region a person named (--region, regions: in the project file): a name, short name or six-digit code. */
  region?: string;
  /** The session's division (--scope, scope: in the project file): candidates are it and the divisions inside it. */
  scope?: string;
}

export async function findRegion(text: string, file: string, options: RegionOptions = {}): Promise<RegionFinding> {
  if (options.region !== undefined) return givenRegion(text, file, options);
  const speaker = findSpeaker(text);
  if (speaker.level === '国') throw nationalReport(file);
  const mentions = await wholeWordMentions(text);
  const fileNamed = namedByFile(file);
  const scope = options.scope === undefined ? undefined : resolveDivision(options.scope, file, 'scope');
  const within = scope ? divisionsWithin(scope.code) : undefined;
  const inScope = (candidates: Candidate[]): Candidate[] =>
    within ? candidates.filter((candidate) => within.has(candidate.division.code)) : candidates;

  const fromTextAlone = weighEvidence({ text, mentions, speaker, fileNamed: [] });
  const decision = decide(
    inScope(fileNamed.length > 0 ? weighEvidence({ text, mentions, speaker, fileNamed }) : fromTextAlone),
  );
  if ('refusal' in decision) throw refusalError(decision, file);
  const { candidate } = decision;
  const { division } = candidate;
  const decided = whatDecided(division, fromTextAlone, inScope, { file, scope });
  const spelling = spellingOf(mentions, division, options.originalOf);
  const warnings = [...decided.warnings, ...spelling.warnings];
  if (decided.source === 'text' && candidate.evidence.every((item) => item.kind === 'short')) {
    const shortName = mentions.find((mention) => mention.division === division)?.name ?? division.name;
    warnings.push(
      `region read from its short name alone: ${shortName} → ${division.name} (${division.parent}, ${division.code}); check it`,
    );
  }
  const asWritten = spelling.asWritten ? { asWritten: spelling.asWritten } : {};
  return { region: { ...regionOf(division), ...asWritten, source: decided.source }, warnings };
}

function nationalReport(file: string): BriefingError {
  return new BriefingError(
    'REGION_NOT_FOUND',
    'this is a report of the national government (国务院), which is about no region of the gazetteer',
    {
      file,
      field: 'region',
      hint: 'briefings are made for provinces, cities, counties and districts; if it is one, name it with --region',
    },
  );
}

/** What the text alone says tells whether the file name or the scope decided (and is then named in a warning). */
function whatDecided(
  division: Division,
  fromTextAlone: Candidate[],
  inScope: (candidates: Candidate[]) => Candidate[],
  { file, scope }: { file: string; scope: Division | undefined },
): { source: Region['source']; warnings: string[] } {
  const fromText = decide(fromTextAlone);
  if (sameDivision(fromText, division)) return { source: 'text', warnings: [] };
  const source = sameDivision(decide(inScope(fromTextAlone)), division) ? 'scope' : 'file-name';
  const by = source === 'scope' ? `the session scope ${scope!.name}` : `the file name ${basename(file)}`;
  const said = `${division.name} (${division.parent}, ${division.code}); the text alone ${textAlone(fromText)}`;
  return { source, warnings: [`region decided by ${by}: ${said}`] };
}

/** How the text writes the region: misread by OCR in a known way (电留区), or shortened; both are said. */
function spellingOf(
  mentions: Mention[],
  division: Division,
  originalOf: RegionOptions['originalOf'],
): { asWritten?: string; warnings: string[] } {
  const misreads = mentions.filter((mention) => mention.division === division && mention.form === 'misread');
  const misread = (misreads.find((mention) => mention.name.length === division.name.length) ?? misreads[0])?.name;
  const where = `${division.name} (${division.parent}, ${division.code})`;
  if (misread) {
    return {
      asWritten: misread,
      warnings: [`region name corrected: the text writes ${misread}, the gazetteer has ${where}`],
    };
  }
  const asWritten = writtenForm(mentions, division, originalOf);
  return asWritten
    ? { asWritten, warnings: [`region written as ${asWritten}; using the official name ${division.name}`] }
    : { warnings: [] };
}

/** The user's word: the region is theirs; the text is still read, and a disagreement is said, never acted on. */
async function givenRegion(text: string, file: string, options: RegionOptions): Promise<RegionFinding> {
  const division = resolveDivision(options.region!, file, 'region');
  const warnings: string[] = [];
  const { region: _given, ...rest } = options;
  const read = await findRegion(text, file, rest).catch(() => undefined);
  if (read && read.region.code !== division.code) {
    warnings.push(
      `the text reads as ${read.region.name} (${read.region.parent}, ${read.region.code}); using ${division.name} (${division.code}) as given`,
    );
  }
  return { region: { ...regionOf(division), source: 'user' }, warnings };
}

/** A name, short name or code a person gave, as one division, or an error listing what it could mean. */
export function resolveDivision(query: string, file: string, field: 'region' | 'scope'): Division {
  const matches = lookUpDivision(query);
  if (matches.length === 1) return matches[0]!;
  const option = field === 'region' ? '--region' : '--scope';
  if (matches.length === 0) {
    throw new BriefingError('REGION_NOT_FOUND', `no division of the GB/T 2260 gazetteer is called ${query}`, {
      file,
      field,
      hint: `give ${option} an official name (沁源县), a short name (沁源) or a six-digit code (140431)`,
    });
  }
  throw new BriefingError(
    'REGION_AMBIGUOUS',
    `${query} could be any of: ${matches
      .slice(0, 5)
      .map((division) => `${division.name} (${division.parent}, ${division.code})`)
      .join(', ')}`,
    {
      file,
      field,
      hint: `give ${option} the six-digit code, e.g. ${option} ${matches[0]!.code}`,
      candidates: matches.slice(0, 5).map((division) => ({ ...regionOf(division), score: 0 })),
    },
  );
}

export function regionOf(division: Division): Pick<Region, 'name' | 'code' | 'parent' | 'level'> {
  return { name: division.name, code: division.code, parent: division.parent, level: division.level };
}

/** Divisions a file's own name or its folder's name spells out (沁源县.txt, 140431-沁源县.txt, 长治/2026.txt); never pinyin. */
function namedByFile(file: string): Mention[] {
  const { byCode } = loadGazetteer();
  const names = [basename(file, extname(file)), basename(dirname(file))];
  const found: Mention[] = [];
  for (const name of names) {
    for (const code of name.match(/(?<!\d)\d{6}(?!\d)/g) ?? []) {
      const division = byCode.get(code);
      if (division) found.push({ division, start: 0, end: 0, form: 'full', name: code });
    }
    found.push(...scanNames(name).filter((mention) => mention.form !== 'misread'));
  }
  return found;
}

function sameDivision(decision: Decision, division: Division): boolean {
  return 'candidate' in decision && decision.candidate.division.code === division.code;
}

function textAlone(decision: Decision): string {
  return 'candidate' in decision ? `reads as ${decision.candidate.division.name}` : 'does not settle it';
}

/** The original spelling of the region's full name (traditional characters), when it differs from the official one. */
function writtenForm(
  mentions: Mention[],
  division: Division,
  originalOf: RegionOptions['originalOf'],
): string | undefined {
  const mention = mentions.find((candidate) => candidate.division === division && candidate.form === 'full');
  const written = mention && originalOf?.(mention.start, mention.end);
  return written && written !== mention.name && /^\p{Script=Han}+$/u.test(written) ? written : undefined;
}

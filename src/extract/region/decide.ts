/**
 * Refiner: the decision, with a reject option. The best candidate wins only by a margin over the runner-up (or by
 * speaking as itself where the other does not); otherwise the report is refused with its candidates and the exact way
 * to settle it, because a wrong region on a handout is worse than none.
 */
import { basename } from 'node:path';
import { BriefingError, type RegionCandidate } from '../../errors.js';
import type { Candidate } from './evidence.js';

/** The least evidence a region is taken on: one informative short name in a text that speaks at its level. */
const MIN_SCORE = 1.2;
/** The winner's score over the runner-up's. */
const MARGIN = 1.5;
/** Short names alone decide only when written this often: once or twice may be a mine, a lake or a slogan. */
const MIN_SHORT_ONLY = 3;
const LISTED = 5;
/** Candidates listed in a refusal: those within this factor of the best (合作 in 合作协议 is no candidate worth reading). */
const LISTED_WITHIN = 4;

export type Decision = { candidate: Candidate } | { refusal: 'none' | 'close'; candidates: Candidate[] };

export function decide(candidates: Candidate[]): Decision {
  const [best] = candidates;
  if (!best || best.score < MIN_SCORE || shortNamesOnly(best) < MIN_SHORT_ONLY) return { refusal: 'none', candidates };
  // Homonyms (宝山区 of 上海 and of 双鸭山) are told apart only by a named parent or province, never by chance.
  const homonyms = candidates.filter(
    (candidate) => candidate !== best && candidate.division.name === best.division.name,
  );
  if (
    homonyms.some((homonym) => hasAncestorNamed(homonym) || !hasAncestorNamed(best)) &&
    !homonyms.every((homonym) => best.selfReferences > homonym.selfReferences)
  ) {
    return { refusal: 'close', candidates };
  }
  const second = candidates.find((candidate) => candidate !== best && candidate.division.name !== best.division.name);
  if (second && best.score < second.score * MARGIN && !(best.selfReferences > second.selfReferences))
    return { refusal: 'close', candidates };
  return { candidate: best };
}

/** How often a candidate's short names are written when nothing else speaks for it; Infinity when something does. */
function shortNamesOnly(candidate: Candidate): number {
  if (!candidate.evidence.every((item) => item.kind === 'short' || item.kind === 'misread')) return Infinity;
  return candidate.evidence.reduce((sum, item) => sum + (item.count ?? 0), 0);
}

function hasAncestorNamed(candidate: Candidate): boolean {
  return candidate.evidence.some((item) => item.kind === 'parent');
}

export function refusalError(decision: Extract<Decision, { refusal: unknown }>, file: string): BriefingError {
  const best = decision.candidates[0]?.score ?? 0;
  const listed: RegionCandidate[] = decision.candidates
    .filter((candidate) => candidate.score * LISTED_WITHIN >= best)
    .slice(0, LISTED)
    .map(({ division, score }) => ({
      name: division.name,
      code: division.code,
      parent: division.parent,
      level: division.level,
      score: Math.round(score * 10) / 10,
    }));
  const settle = (code: string, name?: string): string =>
    `settle it: briefing build ${quoted(file)} --region ${code}${name ? ` (${name})` : ''} (likewise extract and archive), or regions: { ${basename(file)}: ${code} } in briefing.config.yaml, or pick it in briefing serve`;
  if (decision.refusal === 'close') {
    return new BriefingError(
      'REGION_AMBIGUOUS',
      `the report could be about any of: ${listed.map(describe).join(', ')}`,
      { file, field: 'region', hint: settle(listed[0]!.code, listed[0]!.name), candidates: listed },
    );
  }
  const weak = listed.length > 0 ? `; the little evidence there is points to ${listed.map(describe).join(', ')}` : '';
  return new BriefingError(
    'REGION_NOT_FOUND',
    `the report does not say clearly which region of the GB/T 2260 gazetteer it is about${weak}`,
    {
      file,
      field: 'region',
      hint: listed.length > 0 ? settle(listed[0]!.code, listed[0]!.name) : settle('<name or six-digit code>'),
      candidates: listed,
    },
  );
}

function describe(candidate: RegionCandidate): string {
  return `${candidate.name} (${candidate.parent}, ${candidate.code})`;
}

/** A path as a shell takes it: quoted when it has spaces or quotes. */
function quoted(path: string): string {
  return /^[\p{L}\p{N}_./-]+$/u.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

/**
 * `briefing archive`: one folder per session, DIR/<date>-<session>/, holding one PDF and one summary per region,
 * manifest.json and book.pdf. The same inputs always give the same bytes (fixed creation date, deterministic
 * PDFs), the folder is built beside the target and renamed into place (never half an archive), and re-running an
 * unchanged session rewrites nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { withLastYearTargets } from '../compare/loadPreviousYear.js';
import { BriefingError, summaryConflict, toBriefingError } from '../errors.js';
import { extractSummary } from '../extract/extractSummary.js';
import type { ExtractOptionsFor } from '../pipeline/regionSettings.js';
import { readReport } from '../ingest/readReport.js';
import { isSummaryFile } from '../pipeline/collectInputs.js';
import { renderBriefing } from '../pipeline/renderBriefing.js';
import { readSummaryFile } from '../pipeline/readSummaryFile.js';
import type { BriefingSummary } from '../summary/schema.js';
import { canonicalJson } from '../summary/fingerprint.js';
import { makeDirectory, temporaryPathFor, trackTemporaryFolder } from '../util/atomicWrite.js';
import { toolVersion } from '../version.js';
import { makeBook } from './makeBook.js';
import {
  BOOK_FILE,
  describeFile,
  isManifest,
  MANIFEST_FILE,
  type Manifest,
  type ManifestRegion,
  manifestChanges,
  sha256,
} from './manifest.js';
import { sessionMisfits } from './sessionFit.js';
import { lockSession } from '../util/sessionLock.js';
import { recoverInterruptedSwapLocked, swapInto } from './sessionSwap.js';
import { verifyArchive } from './verifyArchive.js';

export interface ArchiveOptions {
  /** Report files and reviewed summary files (*.summary.json); a summary wins over a report of the same region. */
  files: string[];
  session: string;
  /** YYYY-MM-DD; by default the latest session date found in the summaries. */
  date?: string;
  template?: string;
  pdfa?: boolean;
  /** Who issues the briefings (the official template's masthead). */
  issuer?: string;
  /** book.pdf for printing on both sides: a blank page after each briefing. */
  duplex?: boolean;
  outDir: string;
  /** Each report's extraction options: the region or scope a person gave (src/pipeline/regionSettings.ts). */
  extractOptions?: ExtractOptionsFor;
  /**
   * Rebuild from the inputs alone even where the session folder cannot be checked (unreadable manifest, an edited
   * summary that is no longer valid), keeping the old folder beside it as `<folder>.replaced-N`.
   */
  force?: boolean;
  /** Last year's summaries by region code (loadPreviousYear): their targets are paired with this year's results. */
  previousYear?: Map<string, BriefingSummary>;
  onProgress?: (message: string) => void;
}

export interface ArchiveFailure {
  /** The input that failed, or null when the run as a whole was refused (usage, the session folder, the lock). */
  input: string | null;
  error: BriefingError;
}

export interface ArchiveResult {
  folder: string | null;
  status: 'created' | 'updated' | 'unchanged' | 'failed';
  /** For a person: what differs from the archive that was there before. */
  changes: string[];
  manifest: Manifest | null;
  failures: ArchiveFailure[];
  /** What needs a person: corrections made in extraction, reports that do not fit the session. */
  warnings: string[];
  /** What fitting the pages left out (the summaries keep it all). */
  trimmed: string[];
  /** With --force, where the folder that was replaced is kept. */
  keptCopy?: string;
}

interface Member {
  input: string;
  reviewed: boolean;
  summary: BriefingSummary;
}

/**
 * Builds or updates a session folder. Every failure is in the result (status `failed`), never thrown: those of
 * inputs with their input, a refusal of the whole run (usage, a session folder that cannot be checked, the lock)
 * with input null.
 */
export async function buildArchive(options: ArchiveOptions): Promise<ArchiveResult> {
  try {
    return await archiveSession(options);
  } catch (error) {
    return failedRun(toBriefingError(error, { code: 'OUTPUT_UNWRITABLE', file: options.outDir }));
  }
}

function failedRun(error: BriefingError): ArchiveResult {
  return {
    folder: null,
    status: 'failed',
    changes: [],
    manifest: null,
    failures: [{ input: null, error }],
    warnings: [],
    trimmed: [],
  };
}

async function archiveSession(options: ArchiveOptions): Promise<ArchiveResult> {
  const { session, outDir, onProgress } = options;
  const { members, failures } = await collectMembers(options.files, options.extractOptions, onProgress);
  if (failures.length > 0)
    return { folder: null, status: 'failed', changes: [], manifest: null, failures, warnings: [], trimmed: [] };
  if (members.length === 0)
    throw new BriefingError('USAGE', 'nothing to archive: no reports or summaries given', {
      hint: 'give report files, summary files or folders',
    });

  const date = options.date ?? latestSessionDate(members);
  const folder = join(outDir, `${date}-${slugOf(session)}`);
  await makeDirectory(outDir);
  // A mail run may be appending to this session's ledger: the folder is not replaced under it.
  const release = await lockSession(folder, 'this archive run');
  try {
    const recovered = await recoverInterruptedSwapLocked(folder);
    // What a person changed in the folder since the last run: edited summaries are kept, anything else is rewritten.
    // With --force the folder is not looked into: it is rebuilt from the inputs and kept beside as a copy.
    const repair = options.force ? { editedSummaries: [], altered: [], warnings: [] } : await inspectFolder(folder);
    for (const edited of repair.editedSummaries) {
      const index = members.findIndex((member) => member.summary.region.code === edited.summary.region.code);
      if (index >= 0 && !members[index]!.reviewed) members[index] = edited;
    }
    const warnings = [...repair.warnings];
    if (options.previousYear) {
      for (const member of members) {
        const paired = withLastYearTargets(member.summary, options.previousYear);
        member.summary = paired.summary;
        if (paired.warning) warnings.push(paired.warning);
      }
    }
    const settings = {
      session,
      date,
      template: options.template ?? 'handout',
      pdfa: options.pdfa ?? false,
      issuer: options.issuer,
      duplex: options.duplex ?? false,
    };
    return await writeSessionFolder(folder, members, settings, {
      altered: repair.altered,
      warnings: [...recovered, ...warnings],
      onProgress,
      force: options.force === true,
    });
  } finally {
    await release();
  }
}

/** A summary a person corrected, to replace its region's summary in a session folder. */
export interface ArchiveRevision {
  summary: BriefingSummary;
  /** sha256 of the summary file as the person loaded it: the revision is refused if the file changed since. */
  loadedSha256: string;
}

/**
 * Rebuilds a session folder in place with one region's summary replaced by a person's (what `briefing serve` saves):
 * its PDF, book.pdf and the manifest follow, with the session's own settings, under the session lock, atomically.
 * A summary changed on disk since it was loaded is not overwritten (SUMMARY_CONFLICT).
 */
export async function reviseArchive(folder: string, revision: ArchiveRevision): Promise<ArchiveResult> {
  try {
    return await reviseSession(folder, revision);
  } catch (error) {
    return failedRun(toBriefingError(error, { code: 'OUTPUT_UNWRITABLE', file: folder }));
  }
}

async function reviseSession(folder: string, revision: ArchiveRevision): Promise<ArchiveResult> {
  const release = await lockSession(folder, 'saving this summary');
  try {
    const recovered = await recoverInterruptedSwapLocked(folder);
    const manifest = readManifestIfAny(folder);
    if (!manifest)
      throw new BriefingError('INPUT_NOT_FOUND', `no readable ${MANIFEST_FILE}`, {
        file: folder,
        hint: 'give a session folder made by briefing archive',
      });
    const { code } = revision.summary.region;
    const entry = manifest.regions.find((region) => region.code === code);
    if (!entry)
      throw new BriefingError('USAGE', `the session has no briefing for ${revision.summary.region.name} (${code})`, {
        file: folder,
      });
    const summaryFile = join(folder, entry.summary.path);
    const current = existsSync(summaryFile) ? sha256(readFileSync(summaryFile)) : 'missing';
    if (current !== revision.loadedSha256) {
      throw summaryConflict(summaryFile);
    }
    const members: Member[] = [];
    for (const region of manifest.regions) {
      const input = join(folder, region.summary.path);
      members.push(
        region.code === code
          ? { input, reviewed: true, summary: revision.summary }
          : { input, reviewed: region.reviewed === true, summary: await readSummaryFile(input) },
      );
    }
    const settings = {
      session: manifest.session.name,
      date: manifest.session.date,
      template: manifest.template,
      pdfa: manifest.pdfa,
      issuer: manifest.issuer,
      duplex: manifest.duplex ?? false,
    };
    return await writeSessionFolder(folder, members, settings, { altered: [], warnings: recovered, force: false });
  } finally {
    await release();
  }
}

interface SessionSettings {
  session: string;
  date: string;
  template: string;
  pdfa: boolean;
  issuer?: string;
  duplex: boolean;
}

/**
 * Renders `members` into a staging folder beside `folder` and swaps it into place, unless the result is the archive
 * already there. The caller holds the session lock.
 */
async function writeSessionFolder(
  folder: string,
  members: Member[],
  settings: SessionSettings,
  context: { altered: string[]; warnings: string[]; onProgress?: (message: string) => void; force: boolean },
): Promise<ArchiveResult> {
  const { session, date, template, pdfa, issuer, duplex } = settings;
  const { onProgress } = context;
  const creationDate = creationDateOf(date);
  const staging = temporaryPathFor(folder);
  const untrack = trackTemporaryFolder(staging);
  try {
    await makeDirectory(staging);
    const regions: ManifestRegion[] = [];
    const entries = [];
    const warnings: string[] = [...context.warnings];
    const trimmed: string[] = [];
    for (const member of members) {
      const { region } = member.summary;
      onProgress?.(`rendering ${region.name}`);
      const rendered = await renderBriefing(member.summary, { template, creationDate, pdfa, issuer });
      warnings.push(
        ...[...member.summary.warnings, ...rendered.warnings].map((warning) => `${region.name}: ${warning}`),
        ...sessionMisfits(session, date, member.summary),
      );
      trimmed.push(...rendered.trimmed.map((item) => `${region.name}: ${item}`));
      const base = `${region.code}-${region.name}`;
      const summaryText = `${JSON.stringify(member.summary, null, 2)}\n`;
      await writeFile(join(staging, `${base}.pdf`), rendered.pdf);
      await writeFile(join(staging, `${base}.summary.json`), summaryText);
      regions.push({
        name: region.name,
        code: region.code,
        parent: region.parent,
        pdf: { ...describeFile(`${base}.pdf`, rendered.pdf), pages: rendered.pages },
        summary: describeFile(`${base}.summary.json`, summaryText),
        source: { file: member.summary.source.file, sha256: member.summary.source.sha256 },
        ...(member.reviewed ? { reviewed: true as const } : {}),
      });
      entries.push({
        summary: member.summary,
        render: async (pageNumber: number) =>
          (await renderBriefing(member.summary, { template, creationDate, pdfa, issuer, pageNumber })).pdf,
      });
    }
    onProgress?.('binding book.pdf');
    const book = await makeBook({ session, date, entries, creationDate, pdfa, duplex });
    await writeFile(join(staging, BOOK_FILE), book.pdf);
    const manifest: Manifest = {
      manifestVersion: 1,
      session: { name: session, date },
      tool: { name: 'briefing', version: toolVersion() },
      template,
      pdfa,
      // What a rebuild in place (reviseArchive) needs to print the same pages and book again.
      ...(issuer ? { issuer } : {}),
      ...(duplex ? { duplex } : {}),
      regions,
      book: { ...describeFile(BOOK_FILE, book.pdf), pages: book.pages },
    };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    const previous = readManifestIfAny(folder);
    if (
      !context.force &&
      previous &&
      canonicalJson(previous) === canonicalJson(manifest) &&
      context.altered.length === 0
    ) {
      await rm(staging, { recursive: true, force: true });
      return { folder, status: 'unchanged', changes: [], manifest, failures: [], warnings, trimmed };
    }
    const keptCopy = await swapInto(staging, folder, { keepCopy: context.force });
    const changes = [
      ...(previous ? manifestChanges(previous, manifest) : []),
      ...(context.altered.length > 0 ? [`repaired what was changed by hand: ${context.altered.join(', ')}`] : []),
      ...(keptCopy ? [`rebuilt from the inputs (--force); the folder it replaced is kept as ${keptCopy}`] : []),
    ];
    return {
      folder,
      status: previous || keptCopy ? 'updated' : 'created',
      changes,
      manifest,
      failures: [],
      warnings,
      trimmed,
      ...(keptCopy ? { keptCopy } : {}),
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    untrack();
  }
}

/**
 * A session folder as a person may have left it: summaries edited in place (kept, as reviewed summaries are), and the
 * files that no longer match the manifest (rewritten by this run). A folder that cannot be checked (no manifest
 * but files in it, a manifest that cannot be read) or an edited summary that cannot be kept is refused: rebuilding
 * it from the reports would silently replace a person's corrections.
 */
async function inspectFolder(
  folder: string,
): Promise<{ editedSummaries: Member[]; altered: string[]; warnings: string[] }> {
  if (!existsSync(folder)) return { editedSummaries: [], altered: [], warnings: [] };
  if (!existsSync(join(folder, MANIFEST_FILE))) {
    const contents = readdirSync(folder);
    if (contents.length === 0) return { editedSummaries: [], altered: [], warnings: [] };
    throw unverifiedFolder(folder, `it holds ${contents.length} file(s) but no ${MANIFEST_FILE}`);
  }
  let result: ReturnType<typeof verifyArchive>;
  try {
    result = verifyArchive(folder);
  } catch (error) {
    throw unverifiedFolder(folder, (error as Error).message);
  }
  const editedSummaries: Member[] = [];
  const warnings: string[] = [];
  // Summaries a person reviewed before stay reviewed: a re-run does not put the extraction back over them.
  const manifest = readManifestIfAny(folder);
  for (const region of manifest?.regions ?? []) {
    if (
      !region.reviewed ||
      result.altered.includes(region.summary.path) ||
      result.missing.includes(region.summary.path)
    )
      continue;
    const input = join(folder, region.summary.path);
    editedSummaries.push({ input, reviewed: true, summary: await readSummaryFile(input) });
  }
  const kept = new Set<string>();
  for (const path of result.altered.filter((name) => name.endsWith('.summary.json'))) {
    const input = join(folder, path);
    try {
      const summary = await readSummaryFile(input);
      editedSummaries.push({ input, reviewed: true, summary });
      kept.add(path);
      warnings.push(
        `${summary.region.name}: kept the summary edited in the session folder (${path}); its PDF and the book follow it`,
      );
    } catch (error) {
      throw unverifiedFolder(
        input,
        `it was edited in the session folder but is not a valid summary (${(error as Error).message}), so it cannot be kept`,
      );
    }
  }
  return {
    editedSummaries,
    altered: [...result.altered.filter((path) => !kept.has(path)), ...result.missing],
    warnings,
  };
}

function unverifiedFolder(file: string, problem: string): BriefingError {
  return new BriefingError('ARCHIVE_UNVERIFIED', `${problem}; the session folder was left as it is`, {
    file,
    hint: 'fix it (briefing verify lists what differs), or run archive again with --force to rebuild from the inputs, keeping the old folder as <folder>.replaced-N',
  });
}

/** Reads every input; a reviewed summary replaces the extraction of a report for the same region. */
async function collectMembers(
  files: string[],
  extractOptions: ExtractOptionsFor | undefined,
  onProgress?: (message: string) => void,
): Promise<{ members: Member[]; failures: ArchiveFailure[] }> {
  const failures: ArchiveFailure[] = [];
  const byRegion = new Map<string, Member>();
  for (const input of files) {
    try {
      const reviewed = isSummaryFile(input);
      onProgress?.(`${reviewed ? 'reading' : 'extracting'} ${input}`);
      const summary = reviewed
        ? await readSummaryFile(input)
        : await extractSummary(await readReport(input), extractOptions?.(input));
      const member = { input, reviewed, summary };
      const other = byRegion.get(summary.region.code);
      if (!other || (reviewed && !other.reviewed)) {
        byRegion.set(summary.region.code, member);
      } else if (other.reviewed === reviewed) {
        throw new BriefingError(
          'USAGE',
          `a second ${reviewed ? 'summary' : 'report'} for ${summary.region.name}; the first was ${other.input}`,
          {
            file: input,
            hint: 'give one report (or one reviewed summary) per region',
          },
        );
      }
    } catch (error) {
      failures.push({ input, error: toBriefingError(error, { code: 'INPUT_UNREADABLE', file: input }) });
    }
  }
  const members = [...byRegion.values()].sort((a, b) => a.summary.region.code.localeCompare(b.summary.region.code));
  return { members, failures };
}

function latestSessionDate(members: Member[]): string {
  const dates = members
    .map((member) => member.summary.session.date)
    .filter((date): date is string => Boolean(date))
    .sort();
  const date = dates.at(-1);
  if (!date)
    throw new BriefingError('USAGE', 'no session date found in the reports', {
      field: '--date',
      hint: 'give the session date with --date YYYY-MM-DD',
    });
  return date;
}

/** The session date at midnight UTC, or SOURCE_DATE_EPOCH when set: the only clock an archive reads. */
function creationDateOf(date: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${date}T00:00:00Z`);
}

/** A folder name from a session name: letters (any script), digits, - and _; never a path or a hidden name. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 60);
  return slug || 'session';
}

/** The folder's manifest, or undefined when there is none that can be read (inspectFolder refuses such a folder first). */
function readManifestIfAny(folder: string): Manifest | undefined {
  const file = join(folder, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isManifest(manifest) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What `briefing serve` reviews: the summaries of its inputs, each with the file a save writes, the report it came
 * from (for the source pane) and the report's candidate theme sentences. Inputs are what `build` takes, or a session
 * folder written by `archive`, reviewed in place:
 * - a session folder (it holds manifest.json): each region's summary; saving rebuilds the folder (PDF, book,
 *   manifest) under the session lock, so `briefing verify` stays green;
 * - summary files (or folders of them): saving writes the summary and its PDF beside it;
 * - report files: the summary `build` would write in the output folder (the one already there if a person edited
 *   it), saved there with its PDF, as `build` names them.
 * A report given beside summaries, or found beside a summary by its name, is their source when its sha256 matches:
 * a summary cannot make the page show any other file.
 * A report whose region the extractor refused (not found, or ambiguous) is listed as unsettled, with the candidates
 * the extractor weighed, until a person picks its region (settleRegion); then it is extracted again with that region
 * and reviewed like any other.
 */
import { existsSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { BriefingError, summaryConflict, toBriefingError } from '../errors.js';
import { reviseArchive } from '../archive/buildArchive.js';
import { recoverInterruptedSwap } from '../archive/sessionSwap.js';
import { MANIFEST_FILE, type Manifest, sha256 } from '../archive/manifest.js';
import { type ExtractOptions, extractSummary } from '../extract/extractSummary.js';
import { lookUpDivision } from '../extract/gazetteer.js';
import { readReport } from '../ingest/readReport.js';
import type { ReportText } from '../ingest/types.js';
import { type ChosenRegion, summariesWithChosenRegion } from '../pipeline/chosenRegions.js';
import { collectInputs, isReportFile, isSummaryFile, SUMMARY_SUFFIX } from '../pipeline/collectInputs.js';
import { parseSummaryText } from '../pipeline/readSummaryFile.js';
import { renderBriefing } from '../pipeline/renderBriefing.js';
import { isEditedByHand, withFingerprint } from '../summary/fingerprint.js';
import { withLastYearTargets } from '../compare/loadPreviousYear.js';
import type { BriefingSummary, Highlight, Region } from '../summary/schema.js';
import { type SummaryIssue, summaryIssues, validateSummary } from '../summary/validateSummary.js';
import { makeDirectory, writeFileAtomic } from '../util/atomicWrite.js';
import { lockSession } from '../util/sessionLock.js';
import { recordReview, type ReviewEdit } from './recordReview.js';
import { type SourceView, sourceView } from './sourceView.js';

/** sha256 of a summary file's bytes as loaded, or this when it is not on disk yet (a fresh extraction). */
export const NOT_ON_DISK = 'not-on-disk';

export interface ReviewDocument {
  /** The region code, or code-2 … when two inputs are about one region. */
  id: string;
  summary: BriefingSummary;
  /** sha256 of the summary file when it was loaded (NOT_ON_DISK if it is not written yet). */
  version: string;
  summaryFile: string;
  /** The session folder the summary belongs to, when reviewing an archive in place. */
  sessionFolder?: string;
  /** The template the session was archived with (a session's pages all use it). */
  sessionTemplate?: string;
  report?: { file: string; original: string; candidates: { highlights: Highlight[]; targets: Highlight[] } };
}

export interface ReviewSetOptions {
  inputs: string[];
  /** Where summaries of report inputs are saved (as `build -o` names them). */
  outDir: string;
  /** Folders to look in for the reports of summaries (matched by name and sha256). */
  reportFolders?: string[];
  /** What a person said about each report's region (--region, --scope, the project file), as `build` is told it. */
  extractOptions?: (input: string) => ExtractOptions;
  onProgress?: (message: string) => void;
}

/** A report the extractor could not give a region: listed so that a person picks one. */
export interface UnsettledReport {
  /** `unsettled-` and the start of the report's sha256: stable across runs, never a path. */
  id: string;
  input: string;
  /** REGION_NOT_FOUND or REGION_AMBIGUOUS, with the candidates the extractor weighed (best first, perhaps none). */
  error: BriefingError;
  /** The report as read, extracted again once its region is picked. */
  report: ReportText;
  source: NonNullable<ReviewDocument['report']>;
  /** Where its summary will be saved (as for any report). */
  outDir: string;
}

export interface ReviewSet {
  documents: ReviewDocument[];
  /** Reports waiting for a person to pick their region. */
  unsettled: UnsettledReport[];
  /** Inputs that could not be loaded, each with its error (the others are served). */
  failures: { input: string; error: BriefingError }[];
}

export async function loadReviewSet(options: ReviewSetOptions): Promise<ReviewSet> {
  const documents: ReviewDocument[] = [];
  const unsettled: UnsettledReport[] = [];
  const failures: ReviewSet['failures'] = [];
  const reports: string[] = [];
  const summaryFiles: string[] = [];
  for (const input of options.inputs) {
    try {
      // A session folder an archive run was killed while replacing is put back (or the swap finished) first; while
      // it is put back, the folder does not exist.
      if (!existsSync(input) || isFolder(input))
        for (const note of await recoverInterruptedSwap(input)) options.onProgress?.(note);
      if (isFolder(input) && existsSync(join(input, MANIFEST_FILE))) documents.push(...(await sessionDocuments(input)));
      else
        for (const file of collectInputs([input], (name) => isReportFile(name) || isSummaryFile(name)))
          (isSummaryFile(file) ? summaryFiles : reports).push(file);
    } catch (error) {
      failures.push({ input, error: toBriefingError(error, { code: 'INPUT_UNREADABLE', file: input }) });
    }
  }
  for (const file of summaryFiles) {
    try {
      documents.push({ id: '', ...loadSummary(file), summaryFile: file });
    } catch (error) {
      failures.push({ input: file, error: toBriefingError(error, { code: 'SUMMARY_INVALID', file }) });
    }
  }
  // Reports: the source of a summary given, else a region of their own. Each is read and extracted once.
  const sources = new Map<string, NonNullable<ReviewDocument['report']>>();
  const withChosenRegion =
    reports.length > 0 ? summariesWithChosenRegion(options.outDir) : new Map<string, ChosenRegion>();
  for (const file of reports) {
    try {
      options.onProgress?.(`reading ${file}`);
      const read = await readSource(file, options.extractOptions?.(file));
      if (sources.has(read.sha256)) continue;
      sources.set(read.sha256, read.source);
      // A report that is only the source of a summary given need not be one the extractor can read.
      if (documents.some((document) => document.summary.source.sha256 === read.sha256)) continue;
      // The person's word wins over the extractor's: a summary whose region they chose is found under that region.
      const chosen = withChosenRegion.get(read.sha256);
      if (chosen) documents.push({ id: '', ...loadSummary(chosen.summaryFile), summaryFile: chosen.summaryFile });
      else if (read.extracted) documents.push(reportDocument(read.extracted, read.sha256, options.outDir));
      else if (isRegionRefusal(read.failure))
        unsettled.push({
          id: `unsettled-${read.sha256.slice(0, 12)}`,
          input: file,
          error: read.failure,
          report: read.report,
          source: read.source,
          outDir: options.outDir,
        });
      else throw read.failure;
    } catch (error) {
      failures.push({ input: file, error: toBriefingError(error, { code: 'INPUT_UNREADABLE', file }) });
    }
  }
  const used = new Set<string>();
  for (const document of documents) {
    document.id = uniqueId(document.summary.region.code, used);
    const found = sources.get(document.summary.source.sha256);
    const reportFile = found ? undefined : findReport(document, options.reportFolders ?? []);
    document.report =
      found ?? (reportFile ? (await readSource(reportFile, options.extractOptions?.(reportFile))).source : undefined);
  }
  return { documents, unsettled, failures };
}

/** The document of a report's fresh extraction: the summary a build already wrote for it, if any, else the extraction. */
function reportDocument(extracted: BriefingSummary, reportSha: string, outDir: string): ReviewDocument {
  const summaryFile = join(outDir, `${regionStem(extracted.region)}${SUMMARY_SUFFIX}`);
  const onDisk = summaryOnDisk(summaryFile, reportSha);
  return onDisk
    ? { id: '', ...onDisk, summaryFile }
    : { id: '', summary: withFingerprint(extracted), version: NOT_ON_DISK, summaryFile };
}

/** Files are named as `build` names them: `<code>-<region>`. */
function regionStem(region: Pick<Region, 'code' | 'name'>): string {
  return `${region.code}-${region.name}`;
}

function isRegionRefusal(error: unknown): error is BriefingError {
  return error instanceof BriefingError && (error.code === 'REGION_NOT_FOUND' || error.code === 'REGION_AMBIGUOUS');
}

/**
 * A person picked the region of an unsettled report: it is extracted again with that region (recorded as chosen on
 * the review page, with no extracted reading, as the extractor had none) and becomes a document like the others,
 * saved when the person saves it. If this extraction fails too, the report stays unsettled.
 */
export async function settleRegion(
  set: ReviewSet,
  id: string,
  code: string,
  by?: string,
  at = new Date(),
): Promise<ReviewDocument> {
  const unsettled = set.unsettled.find((report) => report.id === id);
  if (!unsettled) throw new BriefingError('INPUT_NOT_FOUND', `no unsettled report ${id}`);
  const division = /^\d{6}$/.test(code) ? lookUpDivision(code)[0] : undefined;
  if (!division)
    throw new BriefingError('USAGE', `no division of the GB/T 2260 gazetteer has the code ${code}`, {
      field: 'region',
      hint: 'choose the region from the list',
      reason: { code: 'unknown_region_code', args: { code } },
    });
  const extracted = await extractSummary(unsettled.report, { region: division.code });
  const document = reportDocument(extracted, unsettled.report.sha256, unsettled.outDir);
  if (document.version === NOT_ON_DISK) {
    document.summary = {
      ...document.summary,
      region: { ...document.summary.region, reviewed: { at: at.toISOString(), ...(by ? { by } : {}) } },
    };
  }
  document.id = uniqueId(division.code, new Set(set.documents.map((other) => other.id)));
  document.report = {
    ...unsettled.source,
    candidates: { highlights: extracted.highlights, targets: extracted.targets },
  };
  set.documents.push(document);
  set.unsettled.splice(set.unsettled.indexOf(unsettled), 1);
  return document;
}

async function sessionDocuments(folder: string): Promise<ReviewDocument[]> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch (error) {
    throw new BriefingError('INPUT_UNREADABLE', `${MANIFEST_FILE} is not readable JSON: ${(error as Error).message}`, {
      file: folder,
    });
  }
  const documents: ReviewDocument[] = [];
  for (const region of manifest.regions) {
    const summaryFile = containedFile(folder, region.summary.path);
    documents.push({
      id: '',
      ...loadSummary(summaryFile),
      summaryFile,
      sessionFolder: folder,
      sessionTemplate: manifest.template,
    });
  }
  return documents;
}

/** A file the manifest names, refused when it (or a symlink) leads out of the session folder. */
function containedFile(folder: string, name: string): string {
  const file = join(folder, name);
  const inside = relative(realpathSync(folder), realpathSync(file));
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new BriefingError('INPUT_UNREADABLE', `${name} leads out of the session folder`, { file });
  return file;
}

/** The summary a build already wrote for this report, if it is valid and of the same report. */
function summaryOnDisk(file: string, reportSha: string): { summary: BriefingSummary; version: string } | undefined {
  if (!existsSync(file)) return undefined;
  const loaded = loadSummary(file);
  return loaded.summary.source.sha256 === reportSha ? loaded : undefined;
}

/** A summary file and its version (the sha256 of the very bytes it was read from). */
function loadSummary(file: string): { summary: BriefingSummary; version: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new BriefingError('INPUT_NOT_FOUND', 'summary file not found', { file, cause: error });
  }
  return { summary: parseSummaryText(bytes.toString('utf8'), file), version: sha256(bytes) };
}

/** The report of a summary, by its file name, beside the summary or in the given folders, if its sha256 matches. */
function findReport(document: ReviewDocument, folders: string[]): string | undefined {
  const name = basename(document.summary.source.file);
  for (const folder of [dirname(document.summaryFile), ...folders]) {
    const file = join(folder, name);
    if (existsSync(file) && sha256(readFileSync(file)) === document.summary.source.sha256) return file;
  }
  return undefined;
}

/**
 * A report read once: its text for the source pane, and its extraction (a region's summary, and the candidate theme
 * sentences offered beside it), or why the extractor could not read it.
 */
async function readSource(
  file: string,
  extractOptions?: ExtractOptions,
): Promise<{
  sha256: string;
  report: ReportText;
  source: NonNullable<ReviewDocument['report']>;
  extracted?: BriefingSummary;
  failure?: unknown;
}> {
  const report = await readReport(file);
  let extracted: BriefingSummary | undefined;
  let failure: unknown;
  try {
    extracted = await extractSummary(report, extractOptions);
  } catch (error) {
    failure = error;
  }
  const candidates = { highlights: extracted?.highlights ?? [], targets: extracted?.targets ?? [] };
  return { sha256: report.sha256, report, source: { file, original: report.original, candidates }, extracted, failure };
}

function uniqueId(code: string, used: Set<string>): string {
  let id = code;
  for (let suffix = 2; used.has(id); suffix += 1) id = `${code}-${suffix}`;
  used.add(id);
  return id;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The source pane of a document: the report's text with its figures' quotes placed; without the report, the quotes
 * themselves, one paragraph each, marked the same way (`fromQuotes`).
 */
export function sourceViewOf(document: ReviewDocument): SourceView & { fromQuotes: boolean } {
  if (document.report) return { ...sourceView(document.report.original, document.summary), fromQuotes: false };
  const quotes = [...new Set(document.summary.figures.map((figure) => figure.quote))].join('\n\n');
  return {
    ...sourceView(quotes, { figures: document.summary.figures.map(({ offset: _offset, ...figure }) => figure) }),
    fromQuotes: true,
  };
}

/** A person's edit, recorded (recordReview) and checked: the summary, or what is wrong with it field by field. */
export function reviewedSummary(
  document: ReviewDocument,
  edit: ReviewEdit,
  by?: string,
  at = new Date(),
): { summary: BriefingSummary; issues: [] } | { summary: null; issues: SummaryIssue[] } {
  const recorded = recordReview(document.summary, edit, at.toISOString(), by);
  if (document.sessionFolder && recorded.region.code !== document.summary.region.code) {
    // The archive names each region's files and orders the book by region, and reviseArchive revises a region in
    // place: it cannot move a briefing to another region.
    throw new BriefingError(
      'USAGE',
      'the region of a briefing in a session folder cannot be changed on the review page',
      {
        field: '$.region',
        hint: 'archive the session again with the region given for this report (--region, or regions: in the project file)',
        reason: { code: 'region_locked' },
      },
    );
  }
  const issues = summaryIssues(recorded);
  return issues.length > 0 ? { summary: null, issues } : { summary: validateSummary(recorded), issues: [] };
}

export interface SaveResult {
  summary: BriefingSummary;
  version: string;
  /** Files written (the summary, its PDF; in a session folder, also book.pdf and manifest.json). */
  written: string[];
  warnings: string[];
}

/**
 * Saves a reviewed summary where it belongs, atomically: in a session folder by rebuilding it (reviseArchive), else
 * the summary file and its PDF. A summary file changed on disk since it was loaded is not overwritten
 * (SUMMARY_CONFLICT).
 */
export async function saveReview(
  document: ReviewDocument,
  summary: BriefingSummary,
  options: { template?: string; loadedVersion: string },
): Promise<SaveResult> {
  if (document.sessionFolder) {
    const result = await reviseArchive(document.sessionFolder, { summary, loadedSha256: options.loadedVersion });
    // The archive layer returns its failures; this layer throws them, as it does its own.
    if (result.status === 'failed') throw result.failures[0]!.error;
    const region = result.manifest!.regions.find((entry) => entry.code === summary.region.code)!;
    const version = region.summary.sha256;
    Object.assign(document, { summary, version });
    return {
      summary,
      version,
      written: [region.summary.path, region.pdf.path, 'book.pdf', MANIFEST_FILE].map((name) =>
        join(document.sessionFolder!, name),
      ),
      warnings: result.warnings,
    };
  }
  await makeDirectory(dirname(document.summaryFile));
  const summaryFile = fileFollowingRegion(document.summaryFile, document.summary.region, summary.region);
  const moves = summaryFile !== document.summaryFile;
  const release = await lockSession(document.summaryFile, 'saving this summary');
  let releaseTarget: (() => Promise<void>) | undefined;
  try {
    if (moves) releaseTarget = await lockSession(summaryFile, 'saving this summary');
    const current = existsSync(document.summaryFile) ? sha256(readFileSync(document.summaryFile)) : NOT_ON_DISK;
    if (current !== options.loadedVersion) {
      throw summaryConflict(document.summaryFile);
    }
    if (moves && existsSync(summaryFile)) {
      throw new BriefingError(
        'OUTPUT_UNWRITABLE',
        `${basename(summaryFile)} already exists: another summary is about ${summary.region.name}`,
        {
          file: summaryFile,
          hint: 'review that summary instead, or move it out of the folder first',
          reason: { code: 'summary_exists', args: { file: basename(summaryFile), region: summary.region.name } },
        },
      );
    }
    const rendered = await renderBriefing(summary, { template: options.template });
    const text = `${JSON.stringify(summary, null, 2)}\n`;
    // The PDF first: a summary on disk always has a PDF at least as new.
    await writeFileAtomic(pdfFileOf(summaryFile), rendered.pdf);
    await writeFileAtomic(summaryFile, text);
    if (moves) {
      // The briefing moved to its new region's name: the old files are this report's, superseded (their version was
      // checked above), and left behind they would be printed, mailed and archived as a second briefing.
      rmSync(document.summaryFile, { force: true });
      rmSync(pdfFileOf(document.summaryFile), { force: true });
    }
    const version = sha256(text);
    Object.assign(document, { summary, version, summaryFile });
    return { summary, version, written: [summaryFile, pdfFileOf(summaryFile)], warnings: rendered.warnings };
  } finally {
    await releaseTarget?.();
    await release();
  }
}

/**
 * Where a summary is saved when its region changes: a file named as `build` names it (`<code>-<region>`) follows its
 * region, so that its name says which region it is about; a file a person named keeps its name.
 */
function fileFollowingRegion(file: string, before: Region, after: Region): string {
  if (after.code === before.code || basename(file) !== `${regionStem(before)}${SUMMARY_SUFFIX}`) return file;
  return join(dirname(file), `${regionStem(after)}${SUMMARY_SUFFIX}`);
}

function pdfFileOf(summaryFile: string): string {
  return `${summaryFile.slice(0, -SUMMARY_SUFFIX.length)}.pdf`;
}

/** Whether a summary differs from what the extractor wrote: a figure corrected or hidden, or the file edited. */
export function isEdited(summary: BriefingSummary): boolean {
  return (
    Boolean(summary.reviewed || summary.region.reviewed) ||
    summary.figures.some((figure) => figure.reviewed || figure.hidden) ||
    Boolean(summary.lastYearTargets?.pairs.some((pair) => pair.reviewed)) ||
    (summary.fingerprint !== undefined && isEditedByHand(summary))
  );
}

/**
 * Last year's targets paired into every document's summary (serve --previous), as build pairs them; a summary as the
 * extractor wrote it still counts as unedited. Returns the warnings of regions last year has no report of.
 */
export function pairLastYearTargets(set: ReviewSet, previousYear: Map<string, BriefingSummary>): string[] {
  const warnings: string[] = [];
  for (const document of set.documents) {
    const untouched = document.summary.fingerprint !== undefined && !isEditedByHand(document.summary);
    const { summary, warning } = withLastYearTargets(document.summary, previousYear);
    document.summary = untouched ? withFingerprint(summary) : summary;
    if (warning) warnings.push(warning);
  }
  return warnings;
}

/** Reloads a document's summary from disk (after a conflict). */
export function reloadDocument(document: ReviewDocument): void {
  if (existsSync(document.summaryFile)) Object.assign(document, loadSummary(document.summaryFile));
}

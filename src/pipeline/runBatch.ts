/**
 * Batches: `build` (report → summary → PDF), `extract` (report → summary), `render` (summary → PDF) and `check`
 * (validate summaries). One bad input never stops a batch: each input gets a result with its outputs or its error.
 * Heavy steps run on a worker pool for larger batches; ids, summary files and results are handled here, in input
 * order, so the outputs are the same whatever the number of workers. Every file is written atomically.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withLastYearTargets } from '../compare/loadPreviousYear.js';
import { BriefingError } from '../errors.js';
import type { ExtractOptions } from '../extract/extractSummary.js';
import { isEditedByHand } from '../summary/fingerprint.js';
import type { BriefingSummary } from '../summary/schema.js';
import { parseJsonText } from '../summary/parseJson.js';
import { validateSummary } from '../summary/validateSummary.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { type Outcome, type PreparedSummary, prepared, type RenderedFile, toError, withId } from './batchSteps.js';
import { reportSha256, summariesWithChosenRegion } from './chosenRegions.js';
import { SUMMARY_SUFFIX } from './collectInputs.js';
import { createExecutor } from './executor.js';

export interface BatchResult {
  input: string;
  id: string | null;
  region: string | null;
  summary: string | null;
  pdf: string | null;
  pages: number | null;
  /** What needs a person: corrections made, things not found. */
  warnings: string[];
  /** What fitting the page left out (the summary keeps it all). */
  trimmed: string[];
  /** Why this input produced nothing (its other outputs, if any, are whole). */
  error: BriefingError | null;
}

/** build: report → summary + PDF; extract: report → summary; render: summary → PDF; check: validate summaries. */
export type BatchMode = 'build' | 'extract' | 'render' | 'check';

export interface BatchOptions {
  mode: BatchMode;
  files: string[];
  outDir: string;
  template?: string;
  /** Who issues the briefings (the official template's masthead). */
  issuer?: string;
  /** Overwrite summaries a person has edited since they were extracted. */
  force?: boolean;
  /** Each report's extraction options: the region or scope a person gave (regionSettings.ts). */
  extractOptions?: (input: string) => ExtractOptions;
  /** Last year's summaries by region code (loadPreviousYear): their targets are paired with this year's results. */
  previousYear?: Map<string, BriefingSummary>;
  /** Worker threads (default: one per core; 1 runs everything on the main thread). */
  workers?: number;
  /** Called when an input is done (in completion order), for progress display. */
  onResult?: (result: BatchResult, done: number, total: number) => void;
}

export async function runBatch(options: BatchOptions): Promise<BatchResult[]> {
  const { files, mode, onResult } = options;
  const readsSummary = mode === 'render' || mode === 'check';
  const renders = mode === 'build' || mode === 'render';
  const executor = await createExecutor(files.length, options.workers, largestSize(files));
  const extractOptions = readsSummary ? undefined : withChosenRegions(options);
  if (executor.onMainThread && renders && !readsSummary) {
    // On one thread, the two slow loads overlap: jieba's dictionaries on their own thread, the renderer on this one.
    (await import('../extract/findKeywords.js')).startSegmenter();
    // A template that does not load is reported by every render, naming it; here it only means nothing to prepare.
    await (await import('./renderBriefing.js')).prepareRenderer(options.template).catch(() => undefined);
  }
  const results: BatchResult[] = files.map((input) => ({
    input,
    id: null,
    region: null,
    summary: null,
    pdf: null,
    pages: null,
    warnings: [],
    trimmed: [],
    error: null,
  }));
  let done = 0;
  const finish = (result: BatchResult): void => onResult?.(result, (done += 1), files.length);
  // Work is submitted a little ahead of the in-order loop below, enough to keep every worker busy.
  const window = executor.concurrency * 2;
  const preparing = new Map<number, Promise<PreparedSummary | BriefingError>>();
  let submitted = 0;
  const prepareUpTo = (last: number): void => {
    for (; submitted <= Math.min(last, files.length - 1); submitted += 1) {
      const input = files[submitted]!;
      const inputOptions = extractOptions?.(input);
      preparing.set(
        submitted,
        executor
          .run<PreparedSummary>({
            step: 'prepare',
            input,
            readsSummary,
            ...(inputOptions ? { extractOptions: inputOptions } : {}),
          })
          .then(prepareOutcome),
      );
    }
  };
  const inFlight = new Set<Promise<void>>();
  const usedIds = new Set<string>();
  const usedStems = new Set<string>();
  try {
    for (let index = 0; index < files.length; index += 1) {
      prepareUpTo(index + window);
      const result = results[index]!;
      const outcome = await preparing.get(index)!;
      preparing.delete(index);
      if (outcome instanceof BriefingError) {
        result.error = outcome;
        finish(result);
        continue;
      }
      try {
        const { summary, stem } = await settleSummary(
          outcome,
          result,
          options,
          { ids: usedIds, stems: usedStems },
          readsSummary,
        );
        if (!renders) {
          finish(result);
          continue;
        }
        const pdfPath = join(options.outDir, `${stem}.pdf`);
        const render = executor
          .run<RenderedFile>({
            step: 'render',
            input: result.input,
            summaryJson: summary.json,
            pdfPath,
            template: options.template,
            issuer: options.issuer,
          })
          .then((rendered) => {
            if (rendered.ok) {
              Object.assign(result, { pdf: pdfPath, pages: rendered.value.pages });
              result.warnings.push(...rendered.value.warnings);
              result.trimmed.push(...rendered.value.trimmed);
            } else {
              result.error = toError(rendered.error);
            }
            finish(result);
          });
        inFlight.add(render);
        void render.finally(() => inFlight.delete(render));
        if (inFlight.size >= window) await Promise.race(inFlight);
      } catch (error) {
        result.error =
          error instanceof BriefingError
            ? error
            : new BriefingError('OUTPUT_UNWRITABLE', (error as Error).message, { file: result.input, cause: error });
        finish(result);
      }
    }
    await Promise.all(inFlight);
  } finally {
    await executor.close();
  }
  return results;
}

/**
 * Each report's extraction options: a region a person chose on the review page (found in the output folder by the
 * report's sha256, so the person's summary is found under its region and kept), then --region, regions: and scope.
 */
function withChosenRegions(options: BatchOptions): (input: string) => ExtractOptions {
  const chosen = summariesWithChosenRegion(options.outDir);
  return (input) => {
    const sha256 = chosen.size > 0 ? reportSha256(input) : undefined;
    const region = sha256 ? chosen.get(sha256)?.code : undefined;
    return { ...(region ? { region } : {}), ...options.extractOptions?.(input) };
  };
}

function prepareOutcome(outcome: Outcome<PreparedSummary>): PreparedSummary | BriefingError {
  return outcome.ok ? outcome.value : toError(outcome.error);
}

/**
 * Gives the summary its unique id and its files their names, writes (or keeps a hand-edited) summary file, and fills
 * the result. Files are named for people, by region: `<code>-<region>.pdf` and `.summary.json`, as in archives; when a
 * batch has two inputs about one region, the later one in input order gets `-2` (then `-3` …) and a warning says so.
 */
async function settleSummary(
  extracted: PreparedSummary,
  result: BatchResult,
  { outDir, force = false, previousYear }: BatchOptions,
  used: { ids: Set<string>; stems: Set<string> },
  readsSummary: boolean,
): Promise<{ summary: PreparedSummary; stem: string }> {
  const id = uniqueId(extracted.id, used.ids);
  let summary = id === extracted.id ? extracted : withId(extracted, id, !readsSummary);
  const regionStem = `${summary.regionCode}-${summary.regionName}`;
  const stem = uniqueId(regionStem, used.stems);
  if (stem !== regionStem)
    result.warnings.push(
      `another input of this batch is also about ${summary.regionName}: this one is written as ${stem}`,
    );
  if (!readsSummary) {
    result.summary = join(outDir, `${stem}${SUMMARY_SUFFIX}`);
    const edited = force ? undefined : await readEditedSummary(result.summary);
    if (edited) {
      // Review work is never lost: the person's version is kept, and it is what gets rendered.
      result.warnings.push(
        `kept ${result.summary}: edited by hand since it was extracted (use --force to overwrite it)`,
      );
      summary = prepared(previousYear ? pairedWithLastYear(edited, previousYear, result) : edited, false);
    } else {
      if (previousYear) summary = prepared(pairedWithLastYear(parsedSummary(summary), previousYear, result), true);
      await writeFileAtomic(result.summary, summary.json);
    }
  }
  result.id = summary.id;
  result.region = summary.regionName;
  result.warnings.unshift(...summary.warnings);
  return { summary, stem };
}

/** withLastYearTargets, its warning added to the input's result. */
function pairedWithLastYear(
  summary: BriefingSummary,
  previousYear: Map<string, BriefingSummary>,
  result: BatchResult,
): BriefingSummary {
  const paired = withLastYearTargets(summary, previousYear);
  if (paired.warning) result.warnings.push(paired.warning);
  return paired.summary;
}

/** A prepared summary as an object again, without its fingerprint (it is recomputed when the summary changes). */
function parsedSummary(summary: PreparedSummary): BriefingSummary {
  const { fingerprint: _stale, ...content } = JSON.parse(summary.json) as BriefingSummary & { fingerprint?: string };
  return content;
}

/** The summary already at `path` if a person has edited it since extraction; undefined if absent or untouched. */
async function readEditedSummary(path: string): Promise<BriefingSummary | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new BriefingError(
      'SUMMARY_INVALID',
      `an edited summary is in the way and is not valid JSON: ${parsed.message}`,
      {
        file: path,
        hint: 'fix the file, or re-run with --force to replace it with a fresh extraction',
      },
    );
  }
  const data = parsed.value;
  if (!data || typeof data !== 'object' || !isEditedByHand(data)) return undefined;
  return validateSummary(data, path);
}

/** The size of the largest input file (missing ones count 0: their read reports them). */
function largestSize(files: string[]): number {
  return files.reduce((largest, file) => {
    try {
      return Math.max(largest, statSync(file).size);
    } catch {
      return largest;
    }
  }, 0);
}

/** Two inputs with the same file name, or about the same region, must not overwrite each other's outputs. */
function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let suffix = 2; used.has(candidate); suffix += 1) candidate = `${id}-${suffix}`;
  used.add(candidate);
  return candidate;
}

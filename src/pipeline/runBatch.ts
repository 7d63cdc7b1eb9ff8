/**
 * Batches: `build` (report → summary → PDF), `extract` (report → summary) and `render` (summary → PDF).
 * One bad input never stops a batch: each input gets a result with either its outputs or its error.
 * Outputs are written atomically (temporary file, then rename), so no partial file is ever left.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BriefingError, toBriefingError } from '../errors.js';
import { extractSummary } from '../extract/extractSummary.js';
import { readReport } from '../ingest/readReport.js';
import type { BriefingSummary } from '../summary/schema.js';
import { isEditedByHand, withFingerprint } from '../summary/fingerprint.js';
import { validateSummary } from '../summary/validateSummary.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { SUMMARY_SUFFIX } from './collectInputs.js';
import { renderBriefing } from './renderBriefing.js';

export interface BatchResult {
  input: string;
  id: string | null;
  region: string | null;
  summary: string | null;
  pdf: string | null;
  pages: number | null;
  warnings: string[];
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
  /** Overwrite summaries a person has edited since they were extracted. */
  force?: boolean;
  /** Called after each input, for progress display. */
  onResult?: (result: BatchResult, done: number, total: number) => void;
}

export async function runBatch(options: BatchOptions): Promise<BatchResult[]> {
  const { files, onResult } = options;
  const results: BatchResult[] = [];
  const usedIds = new Set<string>();
  for (const file of files) {
    const result = await runOne(file, options, usedIds);
    results.push(result);
    onResult?.(result, results.length, files.length);
  }
  return results;
}

async function runOne(input: string, { mode, outDir, template, force = false }: BatchOptions, usedIds: Set<string>): Promise<BatchResult> {
  const result: BatchResult = { input, id: null, region: null, summary: null, pdf: null, pages: null, warnings: [], error: null };
  try {
    const readsSummaries = mode === 'render' || mode === 'check';
    let summary = readsSummaries ? await readSummaryFile(input) : await extractSummary(await readReport(input));
    summary = { ...summary, id: uniqueId(summary.id, usedIds) };
    if (!readsSummaries) {
      result.summary = join(outDir, `${summary.id}${SUMMARY_SUFFIX}`);
      const edited = force ? undefined : await readEditedSummary(result.summary);
      if (edited) {
        // Review work is never lost: the person's version is kept, and it is what gets rendered.
        result.warnings.push(`kept ${result.summary}: edited by hand since it was extracted (use --force to overwrite it)`);
        summary = edited;
      } else {
        summary = withFingerprint(summary);
        await writeFileAtomic(result.summary, `${JSON.stringify(summary, null, 2)}\n`);
      }
    }
    result.id = summary.id;
    result.region = summary.region.name;
    result.warnings.unshift(...summary.warnings);
    if (mode === 'build' || mode === 'render') {
      const rendered = await renderBriefing(summary, { template });
      result.pdf = join(outDir, `${summary.id}.pdf`);
      await writeFileAtomic(result.pdf, rendered.pdf);
      result.pages = rendered.pages;
      result.warnings.push(...rendered.warnings);
    }
  } catch (error) {
    result.error = toBriefingError(error, { code: 'RENDER_FAILED', file: input });
  }
  return result;
}

/** The summary already at `path` if a person has edited it since extraction; undefined if absent or untouched. */
async function readEditedSummary(path: string): Promise<BriefingSummary | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BriefingError('SUMMARY_INVALID', `an edited summary is in the way and is not valid JSON: ${(error as Error).message}`, {
      file: path,
      hint: 'fix the file, or re-run with --force to replace it with a fresh extraction',
    });
  }
  if (!data || typeof data !== 'object' || !isEditedByHand(data)) return undefined;
  return validateSummary(data, path);
}

/** Reads and validates a summary file (errors name the file and the JSON path). */
export async function readSummaryFile(file: string): Promise<BriefingSummary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BriefingError('INPUT_NOT_FOUND', 'summary file not found', { file, cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BriefingError('SUMMARY_INVALID', `not valid JSON: ${(error as Error).message}`, { file, hint: 'fix the JSON syntax, or re-run briefing extract' });
  }
  return validateSummary(data, file);
}

/** Two inputs with the same file name in different folders must not overwrite each other's outputs. */
function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let suffix = 2; used.has(candidate); suffix += 1) candidate = `${id}-${suffix}`;
  used.add(candidate);
  return candidate;
}

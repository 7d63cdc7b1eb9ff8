/**
 * The two heavy steps of a batch, run on the main thread or in a pool worker alike: getting an input's summary
 * (extract a report, or read a reviewed summary) and rendering a summary to its PDF file. They return outcomes
 * instead of throwing, so errors cross the worker boundary whole (code, file, field, hint, stack).
 *
 * A summary crosses the main thread as JSON text with the few fields the main thread reads (PreparedSummary). Passed
 * as objects, a thousand summaries made the main thread's young generation double (75 → 97 MB at N=1,000) for
 * nothing: it only names files and passes them on.
 */
import { BriefingError, type ErrorCode, type RegionCandidate, toBriefingError } from '../errors.js';
import type { ExtractOptions } from '../extract/extractSummary.js';
import { withFingerprint } from '../summary/fingerprint.js';
import type { BriefingSummary } from '../summary/schema.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { readSummaryFile } from './readSummaryFile.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export interface SerializedError {
  code: ErrorCode;
  message: string;
  file?: string;
  field?: string;
  hint?: string;
  candidates?: RegionCandidate[];
  stack?: string;
}

export interface RenderedFile {
  pages: number;
  bytes: number;
  trimmed: string[];
  warnings: string[];
}

/** A summary as the main thread of a batch handles it. */
export interface PreparedSummary {
  id: string;
  regionName: string;
  regionCode: string;
  warnings: string[];
  /** The whole summary: the summary file's text (fingerprinted) when freshly extracted. */
  json: string;
}

export type BatchTask =
  | { step: 'prepare'; input: string; readsSummary: boolean; extractOptions?: ExtractOptions }
  | { step: 'render'; input: string; summaryJson: string; pdfPath: string; template?: string; issuer?: string };

/**
 * `summary` as the main thread handles it. A fresh extraction carries its fingerprint (so a later hand edit is
 * recognised) and is the text of its summary file; a summary read from a file is only passed on.
 */
export function prepared(summary: BriefingSummary, extracted: boolean): PreparedSummary {
  const json = extracted ? `${JSON.stringify(withFingerprint(summary), null, 2)}\n` : JSON.stringify(summary);
  return {
    id: summary.id,
    regionName: summary.region.name,
    regionCode: summary.region.code,
    warnings: summary.warnings,
    json,
  };
}

/** The same summary under another id (two inputs had the same one). Rare: the only place the main thread parses one. */
export function withId(summary: PreparedSummary, id: string, extracted: boolean): PreparedSummary {
  const { fingerprint: _stale, ...content } = JSON.parse(summary.json) as BriefingSummary & { fingerprint?: string };
  return prepared({ ...content, id }, extracted);
}

export async function runStep(task: BatchTask): Promise<Outcome<PreparedSummary | RenderedFile>> {
  try {
    if (task.step === 'prepare') {
      // Each stage is loaded where it is first needed: the main thread of a pooled batch loads neither, and a worker
      // that only renders never loads the extraction dictionaries (memory is counted for all workers together).
      const value = task.readsSummary
        ? await readSummaryFile(task.input)
        : await extract(task.input, task.extractOptions);
      return { ok: true, value: prepared(value, !task.readsSummary) };
    }
    const { renderBriefing } = await import('./renderBriefing.js');
    const rendered = await renderBriefing(JSON.parse(task.summaryJson) as BriefingSummary, {
      template: task.template,
      issuer: task.issuer,
    });
    await writeFileAtomic(task.pdfPath, rendered.pdf);
    return {
      ok: true,
      value: {
        pages: rendered.pages,
        bytes: rendered.pdf.length,
        trimmed: rendered.trimmed,
        warnings: rendered.warnings,
      },
    };
  } catch (error) {
    return failedOutcome(task, error);
  }
}

/** The outcome of a task that threw (or whose worker died), naming the task's file. */
export function failedOutcome(task: BatchTask, error: unknown): { ok: false; error: SerializedError } {
  // An error names the input the user gave (the summary file of `render`, the report of `build`), whatever the step.
  const failure = toBriefingError(error, { code: 'RENDER_FAILED', file: task.input });
  return {
    ok: false,
    error: {
      code: failure.code,
      message: failure.message,
      file: failure.file,
      field: failure.field,
      hint: failure.hint,
      ...(failure.candidates ? { candidates: failure.candidates } : {}),
      stack: stackOf(failure),
    },
  };
}

async function extract(input: string, options: ExtractOptions = {}): Promise<BriefingSummary> {
  const [{ extractSummary }, { readReport }] = await Promise.all([
    import('../extract/extractSummary.js'),
    import('../ingest/readReport.js'),
  ]);
  return extractSummary(await readReport(input), options);
}

export function toError(serialized: SerializedError): BriefingError {
  const error = new BriefingError(serialized.code, serialized.message, {
    file: serialized.file,
    field: serialized.field,
    hint: serialized.hint,
    ...(serialized.candidates ? { candidates: serialized.candidates } : {}),
  });
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}

function stackOf(error: Error): string {
  const cause = error.cause instanceof Error ? `\nCaused by: ${stackOf(error.cause)}` : '';
  return `${error.stack ?? error.message}${cause}`;
}

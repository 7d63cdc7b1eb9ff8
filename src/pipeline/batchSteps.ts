/**
 * The two heavy steps of a batch, run on the main thread or in a pool worker alike: getting an input's summary
 * (extract a report, or read a reviewed summary) and rendering a summary to its PDF file. They return outcomes
 * instead of throwing, so errors cross the worker boundary whole (code, file, field, hint, stack).
 */
import { BriefingError, type ErrorCode, toBriefingError } from '../errors.js';
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
  stack?: string;
}

export interface RenderedFile {
  pages: number;
  bytes: number;
  warnings: string[];
}

export type BatchTask =
  | { step: 'prepare'; input: string; readsSummary: boolean }
  | { step: 'render'; summary: BriefingSummary; pdfPath: string; template?: string };

export async function runStep(task: BatchTask): Promise<Outcome<BriefingSummary | RenderedFile>> {
  try {
    if (task.step === 'prepare') {
      // Each stage is loaded where it is first needed: the main thread of a pooled batch loads neither, and a worker
      // that only renders never loads the extraction dictionaries (memory is counted for all workers together).
      const value = task.readsSummary ? await readSummaryFile(task.input) : await extract(task.input);
      return { ok: true, value };
    }
    const { renderBriefing } = await import('./renderBriefing.js');
    const rendered = await renderBriefing(task.summary, { template: task.template });
    await writeFileAtomic(task.pdfPath, rendered.pdf);
    return { ok: true, value: { pages: rendered.pages, bytes: rendered.pdf.length, warnings: rendered.warnings } };
  } catch (error) {
    return failedOutcome(task, error);
  }
}

/** The outcome of a task that threw (or whose worker died), naming the task's file. */
export function failedOutcome(task: BatchTask, error: unknown): { ok: false; error: SerializedError } {
  const failure = toBriefingError(error, { code: 'RENDER_FAILED', file: task.step === 'prepare' ? task.input : task.pdfPath });
  return { ok: false, error: { code: failure.code, message: failure.message, file: failure.file, field: failure.field, hint: failure.hint, stack: stackOf(failure) } };
}

async function extract(input: string): Promise<BriefingSummary> {
  const [{ extractSummary }, { readReport }] = await Promise.all([import('../extract/extractSummary.js'), import('../ingest/readReport.js')]);
  return extractSummary(await readReport(input));
}

export function toError(serialized: SerializedError): BriefingError {
  const error = new BriefingError(serialized.code, serialized.message, { file: serialized.file, field: serialized.field, hint: serialized.hint });
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}

function stackOf(error: Error): string {
  const cause = error.cause instanceof Error ? `\nCaused by: ${stackOf(error.cause)}` : '';
  return `${error.stack ?? error.message}${cause}`;
}

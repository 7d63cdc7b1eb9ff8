/**
 * The two heavy steps of a batch, run on the main thread or in a pool worker alike: getting an input's summary
 * (extract a report, or read a reviewed summary) and rendering a summary to its PDF file. They return outcomes
 * instead of throwing, so errors cross the worker boundary whole (code, file, field, hint, stack).
 */
import { BriefingError, type ErrorCode, toBriefingError } from '../errors.js';
import { extractSummary } from '../extract/extractSummary.js';
import { readReport } from '../ingest/readReport.js';
import type { BriefingSummary } from '../summary/schema.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { readSummaryFile } from './readSummaryFile.js';
import { renderBriefing } from './renderBriefing.js';

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
      const value = task.readsSummary ? await readSummaryFile(task.input) : await extractSummary(await readReport(task.input));
      return { ok: true, value };
    }
    const rendered = await renderBriefing(task.summary, { template: task.template });
    await writeFileAtomic(task.pdfPath, rendered.pdf);
    return { ok: true, value: { pages: rendered.pages, bytes: rendered.pdf.length, warnings: rendered.warnings } };
  } catch (error) {
    const failure = toBriefingError(error, { code: 'RENDER_FAILED', file: task.step === 'prepare' ? task.input : task.pdfPath });
    return { ok: false, error: { code: failure.code, message: failure.message, file: failure.file, field: failure.field, hint: failure.hint, stack: stackOf(failure) } };
  }
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

/**
 * One error type for everything a user can fix: what went wrong, in which file and field, and how to fix it.
 * The CLI prints it as one line for people and as an object in --json; only --debug shows stacks.
 */
import type { Reason } from './summary/messages.js';
export type ErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'INPUT_ENCODING'
  | 'INPUT_BINARY'
  | 'INPUT_NO_TEXT'
  | 'INPUT_NOT_A_REPORT'
  /** A scan or photo, and no Tesseract to read it (or the language data it needs). */
  | 'OCR_UNAVAILABLE'
  /** Tesseract could not read a page of a scan, or took longer than the budget of an OCR input. */
  | 'OCR_FAILED'
  | 'REGION_NOT_FOUND'
  | 'REGION_AMBIGUOUS'
  | 'SUMMARY_INVALID'
  | 'SUMMARY_CONFLICT'
  | 'TEMPLATE_NOT_FOUND'
  | 'TEMPLATE_INVALID'
  | 'LAYOUT_OVERFLOW'
  | 'RENDER_FAILED'
  | 'OUTPUT_UNWRITABLE'
  | 'CONFIG_INVALID'
  /** A session folder whose manifest cannot be read or checked, or whose edits cannot be kept: not rebuilt without --force. */
  | 'ARCHIVE_UNVERIFIED'
  /** What a killed archive run left beside a session folder cannot be put right without a person. */
  | 'ARCHIVE_INTERRUPTED'
  /** A request the review server does not take from this client (token, host, origin). */
  | 'FORBIDDEN'
  /** The review server has as many previews waiting as it takes; ask again shortly. */
  | 'BUSY'
  | 'USAGE';

/** A division a report could be about, offered when the region is not certain so a person can pick one. */
export interface RegionCandidate {
  name: string;
  code: string;
  parent: string;
  level: string;
  /** Weight of the evidence for it, comparable between the candidates of one report only. */
  score: number;
}

export interface BriefingErrorDetails {
  file?: string;
  field?: string;
  hint?: string;
  cause?: unknown;
  candidates?: RegionCandidate[];
  /** The message as a code with arguments, for a page that words it in its own language. */
  reason?: Reason;
}

export class BriefingError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly field?: string;
  readonly hint?: string;
  readonly candidates?: RegionCandidate[];
  readonly reason?: Reason;

  constructor(code: ErrorCode, message: string, details: BriefingErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'BriefingError';
    this.code = code;
    this.file = details.file;
    this.field = details.field;
    this.hint = details.hint;
    if (details.candidates) this.candidates = details.candidates;
    if (details.reason) this.reason = details.reason;
  }

  /** One line for a person: "file: field: message (hint)". */
  toLine(): string {
    const where = [this.file, this.field].filter(Boolean).join(': ');
    return `${where ? `${where}: ` : ''}${this.message}${this.hint ? ` (${this.hint})` : ''}`;
  }

  toJSON(): {
    code: ErrorCode;
    message: string;
    file: string | null;
    field: string | null;
    hint: string | null;
    candidates?: RegionCandidate[];
    reason?: Reason;
  } {
    return {
      code: this.code,
      message: this.message,
      file: this.file ?? null,
      field: this.field ?? null,
      hint: this.hint ?? null,
      ...(this.candidates ? { candidates: this.candidates } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }
}

/** Wraps anything thrown into a BriefingError so callers handle one type. */
export function toBriefingError(error: unknown, fallback: { code: ErrorCode; file?: string }): BriefingError {
  if (error instanceof BriefingError) {
    if (error.file || !fallback.file) return error;
    return new BriefingError(error.code, error.message, {
      file: fallback.file,
      field: error.field,
      hint: error.hint,
      cause: error,
      ...(error.candidates ? { candidates: error.candidates } : {}),
      ...(error.reason ? { reason: error.reason } : {}),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new BriefingError(fallback.code, message, { file: fallback.file, cause: error });
}

/** A summary file changed on disk after a person loaded it to correct it: their save must not overwrite it. */
export function summaryConflict(file: string): BriefingError {
  return new BriefingError('SUMMARY_CONFLICT', 'the summary was changed on disk after it was loaded', {
    file,
    hint: 'reload it, then make the correction again',
  });
}

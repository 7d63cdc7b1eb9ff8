/**
 * What a person is told about a field or a refused request, as a code with its arguments, not as an English sentence:
 * the review page words each code in Chinese (src/review/page/app.ts), the CLI keeps the English message beside it.
 * Types only, so the page (compiled on its own) can import them.
 */
export type MessageCode =
  | 'date_format'
  | 'too_small'
  | 'too_big'
  | 'empty'
  | 'not_integer'
  | 'quote_lacks_value'
  | 'control_character'
  | 'too_long'
  | 'region_locked'
  | 'unknown_region_code'
  | 'summary_exists';

export interface Reason {
  code: MessageCode;
  args?: Record<string, string | number>;
}

/** A field of a summary that is wrong, as the server sends it to the page. */
export interface FieldIssue {
  /** JSON path of the field, as $.figures[3].quote */
  path: string;
  /** In English, for a terminal or a log. */
  message: string;
  reason?: Reason;
}

/** The intermediate representation between ingest and extract. */

/** A cleaned paragraph and how to find its characters in the original text. */
export interface Paragraph {
  /** Cleaned text: markup removed, lines cut by print re-joined. */
  text: string;
  kind: ParagraphKind;
  /** For each run of `text`, where it came from in `ReportText.original` (runs are contiguous slices). */
  runs: SourceRun[];
}

/** body: running text; heading: a short theme line; furniture: masthead, dates, page labels; caption: photo caption. */
export type ParagraphKind = 'body' | 'heading' | 'furniture' | 'caption';

/** `length` characters of the cleaned paragraph starting at `at` are `original.slice(from, from + length)`. */
export interface SourceRun {
  at: number;
  from: number;
  length: number;
}

export interface ReportText {
  /** The path the report was read from, as given. */
  file: string;
  sha256: string;
  /** Encoding the bytes were decoded from (utf-8, gb18030 …). */
  encoding: string;
  /** The decoded text, untouched: every quote in a summary is a substring of it. */
  original: string;
  paragraphs: Paragraph[];
}

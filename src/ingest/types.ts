/** The intermediate representation between ingest and extract. */
import type { OcrReading } from './ocr/types.js';

/** A cleaned paragraph and how to find its characters in the original text. */
export interface Paragraph {
  /** Normalised text (see normalizeText): markup removed, simplified, lines cut by print re-joined. */
  text: string;
  kind: ParagraphKind;
  /** For character i of `text`, the range [from[i], to[i]) of `ReportText.original` it stands for. */
  from: Int32Array;
  to: Int32Array;
}

/** body: running text; heading: a short theme line; furniture: masthead, dates, page labels; caption: photo caption. */
export type ParagraphKind = 'body' | 'heading' | 'furniture' | 'caption';

export interface ReportText {
  /** The path the report was read from, as given. */
  file: string;
  sha256: string;
  /** Encoding the bytes were decoded from (utf-8, gb18030 …). */
  encoding: string;
  /** The decoded text, untouched: every quote in a summary is a substring of it. */
  original: string;
  /** The whole normalised text (simplified, folded, without markup), as the extractor reads it. */
  normalized: string;
  /** For character i of `normalized`, the range [from[i], to[i]) of `original` it stands for. */
  normalizedFrom: Int32Array;
  normalizedTo: Int32Array;
  paragraphs: Paragraph[];
  /** What a person should know about reading the file (bytes replaced in decoding). */
  warnings: string[];
  /** For a scan or photo: what OCR read, page by page, and how sure it was of each character of `original`. */
  ocr?: OcrReading;
}

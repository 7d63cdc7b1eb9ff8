/** What OCR read from a scan or photo, kept beside the text so what it is unsure of stays visible. */

/** One page as Tesseract read it. */
export interface OcrPage {
  /** 1-based page number in the input. */
  number: number;
  /** The page's text in reading order: lines joined by line breaks, Tesseract's paragraphs by a blank line. */
  text: string;
  /** Mean word confidence of the page, 0–100, as Tesseract reports it. */
  meanConfidence: number;
  /** The Tesseract language the page was read with (chi_sim, chi_tra). */
  language: string;
  /** For character i of `text`, the confidence (0–100) of the word it belongs to; 100 for the separators added. */
  characterConfidence: Uint8Array;
}

/** A whole OCR input: its pages and, for every character of the joined text, the confidence OCR had in it. */
export interface OcrReading {
  pages: Array<Omit<OcrPage, 'text' | 'characterConfidence'> & { start: number; end: number }>;
  /** For character i of the report's original text, the confidence (0–100) OCR had in it. */
  characterConfidence: Uint8Array;
  /** Seconds the recognition took, wall clock. */
  seconds: number;
}

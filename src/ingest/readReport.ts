/**
 * Reads a report file and turns it into cleaned paragraphs: .txt and .md in any encoding a Chinese report comes in,
 * .docx, .pdf with a text layer, .doc, .wps, .rtf, .odt through LibreOffice, and scans and photos (a PDF without a text
 * layer, .png/.jpg/.tif) through OCR. This module does the I/O; decoding and cleaning are pure.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { BriefingError } from '../errors.js';
import { paragraphsOf } from './cleanText.js';
import { normalizeText } from './normalizeText.js';
import { decodeText } from './decodeText.js';
import { docxText, pdfText } from './extractDocumentText.js';
import { officeText } from './officeText.js';
import { IMAGE_EXTENSIONS } from './ocr/pageImages.js';
import { type OcrText, readByOcr } from './ocr/readByOcr.js';
import type { ReportText } from './types.js';

/**
 * Largest text file accepted (.txt, .md, .html): far above any real report (a 40,000-character report is about
 * 120 KB), and within what a pooled worker's heap extracts (about 2.5 million characters).
 */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024;
/**
 * Largest document accepted (.pdf, .docx, office files, images): a 20-page scan at 300 dpi runs to tens of MB of
 * images that never reach the heap as text; MAX_REPORT_CHARACTERS bounds the text read from it.
 */
export const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;
/** Largest text a document (a .docx, a PDF) may hold once read. */
export const MAX_REPORT_CHARACTERS = 3_000_000;

const DOCUMENT_EXTENSIONS = ['.pdf', '.docx', '.doc', '.wps', '.rtf', '.odt', ...IMAGE_EXTENSIONS];

export async function readReport(file: string): Promise<ReportText> {
  const bytes = await readWithinLimit(file);
  switch (extname(file).toLowerCase()) {
    case '.docx':
      return reportFrom(file, bytes, await docxText(file, bytes), 'docx');
    case '.pdf':
      return reportFrom(file, bytes, await pdfText(file, bytes).catch(readScanInstead(file)), 'pdf');
    case '.doc':
    case '.wps':
    case '.rtf':
    case '.odt':
      return reportFrom(file, bytes, await officeText(file), extname(file).slice(1).toLowerCase());
    default:
      if (IMAGE_EXTENSIONS.includes(extname(file).toLowerCase()))
        return reportFrom(file, bytes, await readByOcr(file, 'image'), 'image');
      return decodeReport(file, bytes);
  }
}

/** The file's bytes, once its size is known to be within the limit of its kind (checked before reading it). */
async function readWithinLimit(file: string): Promise<Buffer> {
  try {
    const limit = DOCUMENT_EXTENSIONS.includes(extname(file).toLowerCase()) ? MAX_DOCUMENT_BYTES : MAX_REPORT_BYTES;
    const { size } = await stat(file);
    if (size > limit) {
      throw new BriefingError(
        'INPUT_UNREADABLE',
        `the file is ${Math.round(size / 1048576)} MB; ${limit === MAX_REPORT_BYTES ? 'text files' : 'documents'} above ${limit / 1048576} MB are refused`,
        { file, hint: 'split the report' },
      );
    }
    return await readFile(file);
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new BriefingError('INPUT_NOT_FOUND', 'file not found', {
        file,
        hint: 'check the path, or run without arguments to use data/reports',
        cause: error,
      });
    if (code === 'EISDIR')
      throw new BriefingError('INPUT_UNREADABLE', 'this is a folder, not a report', {
        file,
        hint: 'give the folder as an input of its own',
        cause: error,
      });
    throw new BriefingError('INPUT_UNREADABLE', `cannot read file: ${(error as Error).message}`, {
      file,
      cause: error,
    });
  }
}

/** The pure part for text files: bytes → decoded, cleaned report. */
export function decodeReport(file: string, bytes: Uint8Array): ReportText {
  const { text, encoding, warnings } = decodeText(file, bytes);
  return reportFrom(file, bytes, text, encoding, warnings);
}

/** A PDF without a text layer is a scan: it is read by OCR. */
function readScanInstead(file: string): (error: unknown) => Promise<OcrText> {
  return (error) =>
    error instanceof BriefingError && error.code === 'INPUT_NO_TEXT' ? readByOcr(file, 'pdf') : Promise.reject(error);
}

function reportFrom(
  file: string,
  bytes: Uint8Array,
  content: string | OcrText,
  encoding: string,
  warnings: string[] = [],
): ReportText {
  const text = typeof content === 'string' ? content : content.text;
  if (text.length > MAX_REPORT_CHARACTERS) {
    throw new BriefingError(
      'INPUT_UNREADABLE',
      `the report holds ${text.length.toLocaleString('en')} characters; more than ${MAX_REPORT_CHARACTERS.toLocaleString('en')} are refused`,
      { file, hint: 'split the report' },
    );
  }
  if (text.trim().length === 0) {
    throw new BriefingError('INPUT_EMPTY', 'the report is empty', { file, hint: 'give a report file with text in it' });
  }
  const normalized = normalizeText(text);
  return {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    original: text,
    normalized: normalized.text,
    normalizedFrom: normalized.from,
    normalizedTo: normalized.to,
    // A text layer's lines are cut at column width up to each blank line; OCR's page text already joins its lines.
    paragraphs: paragraphsOf(normalized, { linesWrapped: encoding === 'pdf' && typeof content === 'string' }),
    warnings,
    ...(typeof content === 'string' ? {} : { ocr: content.reading }),
  };
}

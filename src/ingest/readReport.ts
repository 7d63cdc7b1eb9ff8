/**
 * Reads a report file from disk and decodes it: UTF-8 (with or without BOM) or GB18030.
 * This is the only ingest function that does I/O; cleaning is pure (cleanText.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BriefingError } from '../errors.js';
import { cleanText } from './cleanText.js';
import type { ReportText } from './types.js';

export async function readReport(file: string): Promise<ReportText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BriefingError(code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE', code === 'ENOENT' ? 'file not found' : `cannot read file: ${(error as Error).message}`, {
      file,
      hint: code === 'ENOENT' ? 'check the path, or run without arguments to use data/reports' : undefined,
      cause: error,
    });
  }
  return decodeReport(file, bytes);
}

/** Pure part of readReport: bytes to cleaned paragraphs. */
export function decodeReport(file: string, bytes: Uint8Array): ReportText {
  const { text, encoding } = decodeBytes(file, bytes);
  if (text.trim().length === 0) {
    throw new BriefingError('INPUT_EMPTY', 'the report is empty', { file, hint: 'give a report file with text in it' });
  }
  return {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    original: text,
    paragraphs: cleanText(text),
  };
}

function decodeBytes(file: string, bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: old Chinese systems write GB18030 (a superset of GBK and GB2312).
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  if (text.includes('\uFFFD')) {
    throw new BriefingError('INPUT_ENCODING', 'the file is neither UTF-8 nor GB18030 text', {
      file,
      hint: 'save the report as UTF-8 text',
    });
  }
  return { text, encoding: 'gb18030' };
}

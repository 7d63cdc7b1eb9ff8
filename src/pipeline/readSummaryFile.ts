/** Reads a summary file a person may have edited: valid JSON and a valid summary, or an error naming file and path. */
import { readFile } from 'node:fs/promises';
import { BriefingError } from '../errors.js';
import type { BriefingSummary } from '../summary/schema.js';
import { parseJsonText } from '../summary/parseJson.js';
import { validateSummary } from '../summary/validateSummary.js';

export async function readSummaryFile(file: string): Promise<BriefingSummary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BriefingError('INPUT_NOT_FOUND', 'summary file not found', { file, cause: error });
  }
  return parseSummaryText(text, file);
}

/** A summary file's text, already read, as a valid summary (or an error naming the file and the path). */
export function parseSummaryText(text: string, file: string): BriefingSummary {
  const parsed = parseJsonText(text);
  if (!parsed.ok)
    throw new BriefingError('SUMMARY_INVALID', `not valid JSON: ${parsed.message}`, {
      file,
      hint: 'fix the JSON syntax, or re-run briefing extract',
    });
  return validateSummary(parsed.value, file);
}

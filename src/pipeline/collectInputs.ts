/** Expands the inputs of a batch: files as given, folders to the report or summary files directly inside them. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BriefingError } from '../errors.js';
import { OFFICE_EXTENSIONS } from '../ingest/officeText.js';
import { IMAGE_EXTENSIONS } from '../ingest/ocr/pageImages.js';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf', ...OFFICE_EXTENSIONS, ...IMAGE_EXTENSIONS];
export const SUMMARY_SUFFIX = '.summary.json';

export function collectInputs(inputs: string[], accepts: (name: string) => boolean): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isFolder: boolean;
    try {
      isFolder = statSync(input).isDirectory();
    } catch {
      // Missing files are reported per input by the stage that reads them, so the rest of the batch goes on.
      files.push(input);
      continue;
    }
    if (!isFolder) {
      files.push(input);
      continue;
    }
    const found = readdirSync(input)
      .filter((name) => accepts(name) && !/^readme\./i.test(name) && !name.startsWith('.'))
      .sort()
      .map((name) => join(input, name));
    if (found.length === 0) {
      throw new BriefingError('INPUT_NOT_FOUND', 'the folder holds no input files', {
        file: input,
        hint: `give report files (${REPORT_EXTENSIONS.join(', ')}) or a folder that holds them`,
      });
    }
    files.push(...found);
  }
  return files;
}

export function isReportFile(name: string): boolean {
  return REPORT_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension));
}

export function isSummaryFile(name: string): boolean {
  return name.endsWith(SUMMARY_SUFFIX);
}

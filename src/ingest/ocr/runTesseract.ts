/**
 * One Tesseract run on one page image, TSV on stdout. Page segmentation mode 3 (automatic, no orientation
 * detection) finds the columns of a newspaper page; modes 4 and 6 read a two-column page across both columns
 * (measured: BENCHMARKS.md "OCR"). One thread per run: pages run side by side instead, which is faster on the same cores.
 */
import { spawn } from 'node:child_process';
import { BriefingError } from '../../errors.js';
import { TESSERACT_INSTALL_HINT } from './findTesseract.js';

export const PAGE_SEGMENTATION_MODE = '3';

export interface TesseractRun {
  tesseract: string;
  image: string;
  language: string;
  /** The input the page belongs to, for errors. */
  file: string;
  page: number;
  signal?: AbortSignal;
}

export function runTesseract({ tesseract, image, language, file, page, signal }: TesseractRun): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tesseract, [image, 'stdout', '-l', language, '--psm', PAGE_SEGMENTATION_MODE, 'tsv'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    child.on('error', (error) =>
      reject(error.name === 'AbortError' ? error : pageError(file, page, error.message, error)),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'));
      if (/Failed loading language/.test(stderr)) {
        return reject(
          new BriefingError('OCR_UNAVAILABLE', `Tesseract has no ${language} language data`, {
            file,
            hint: TESSERACT_INSTALL_HINT,
          }),
        );
      }
      reject(pageError(file, page, lastLine(stderr) || `tesseract exited with ${code}`));
    });
  });
}

function pageError(file: string, page: number, reason: string, cause?: unknown): BriefingError {
  return new BriefingError('OCR_FAILED', `OCR could not read page ${page}: ${reason}`, {
    file,
    hint: 'check that the page is a readable image (PNG, JPEG, TIFF), or give the report as text',
    cause,
  });
}

const lastLine = (text: string): string =>
  text
    .trim()
    .split('\n')
    .filter((line) => !/^(Warning|Estimating resolution)/.test(line))
    .pop() ?? '';

/**
 * Reads a scan or photo with Tesseract: each page image through `tesseract … tsv`, pages side by side (one process
 * per core, or per a batch worker's share of the cores; each single-threaded), a progress line per page on a terminal, and a time budget for the whole input.
 * The first page settles the script: Simplified Chinese, or Traditional when chi_sim is unsure of it and chi_tra reads
 * it better. Any page that fails fails this input only, naming the page.
 */
import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { safeForTerminal } from '../../cli/terminal.js';
import { BriefingError } from '../../errors.js';
import { findTesseract } from './findTesseract.js';
import { renderPdfPages } from './pageImages.js';
import { pageTextOf } from './pageText.js';
import { runTesseract } from './runTesseract.js';
import type { OcrPage, OcrReading } from './types.js';

/** The time one OCR input may take: a 20-page scan at 15 s a page on two cores takes about 150 s. */
export const OCR_BUDGET_MS = Number(process.env.BRIEFING_OCR_BUDGET_MS) || 600_000;

/**
 * Below this mean confidence with chi_sim, the first page is read again with chi_tra and the better reading wins.
 * Measured on sample 000 at 150 dpi: simplified page 90.8 (chi_tra 86.9), the same page in traditional characters
 * 81.3 (chi_tra 89.2). Running chi_sim+chi_tra together instead took 2.4 times as long and read simplified pages worse.
 */
export const TRADITIONAL_CHECK_BELOW = 88;

/** Set for a batch's workers: how many pages one worker reads at once, so the workers together use the cores once. */
export const OCR_LANES_ENV = 'BRIEFING_OCR_LANES';

function ocrLanes(): number {
  const lanes = Number(process.env[OCR_LANES_ENV]);
  return Number.isInteger(lanes) && lanes > 0 ? lanes : availableParallelism();
}

export interface OcrText {
  text: string;
  reading: OcrReading;
}

export async function readByOcr(file: string, kind: 'pdf' | 'image'): Promise<OcrText> {
  const tesseract = findTesseract(file);
  const started = performance.now();
  const budget = AbortSignal.timeout(OCR_BUDGET_MS);
  // A page that fails fails the input: the pages still being read are stopped.
  const failed = new AbortController();
  const signal = AbortSignal.any([budget, failed.signal]);
  const { folder, images } =
    kind === 'pdf' ? await renderPdfPages(file, signal) : { folder: undefined, images: [file] };
  const progress = progressLine(file, images.length, started);
  try {
    const read = (image: string, index: number, language: string): Promise<OcrPage> =>
      runTesseract({ tesseract, image, language, file, page: index + 1, signal }).then((tsv) =>
        pageTextOf(tsv, index + 1, language),
      );
    const first = await readFirstPage((language) => read(images[0]!, 0, language));
    progress(1);
    const rest = await mapBounded(images.slice(1), ocrLanes(), async (image, index) => {
      const page = await read(image, index + 1, first.language);
      progress(index + 2);
      return page;
    });
    const ocrText = joinPages([first, ...rest], (performance.now() - started) / 1000);
    if (ocrText.text.trim() === '')
      throw new BriefingError(
        'INPUT_NO_TEXT',
        `OCR found no text on the ${images.length === 1 ? 'page' : `${images.length} pages`}`,
        { file, hint: "check that the scan shows the report's text the right way up, or give the report as text" },
      );
    return ocrText;
  } catch (error) {
    failed.abort();
    if (budget.aborted) throw overBudget(file, images.length);
    throw error;
  } finally {
    progress(-1);
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

async function readFirstPage(read: (language: string) => Promise<OcrPage>): Promise<OcrPage> {
  const simplified = await read('chi_sim');
  if (simplified.meanConfidence >= TRADITIONAL_CHECK_BELOW) return simplified;
  const traditional = await read('chi_tra');
  return traditional.meanConfidence > simplified.meanConfidence ? traditional : simplified;
}

/** The pages' texts joined by a blank line, with the confidence of every character of the result. */
function joinPages(pages: OcrPage[], seconds: number): OcrText {
  let text = '';
  const confidence: Uint8Array[] = [];
  const summaries: OcrReading['pages'] = [];
  for (const page of pages) {
    if (text !== '') {
      text += '\n\n';
      confidence.push(Uint8Array.of(100, 100));
    }
    summaries.push({
      number: page.number,
      meanConfidence: page.meanConfidence,
      language: page.language,
      start: text.length,
      end: text.length + page.text.length,
    });
    text += page.text;
    confidence.push(page.characterConfidence);
  }
  const characterConfidence = new Uint8Array(text.length);
  let at = 0;
  for (const part of confidence) {
    characterConfidence.set(part, at);
    at += part.length;
  }
  return { text, reading: { pages: summaries, characterConfidence, seconds: Math.round(seconds * 10) / 10 } };
}

/** Runs `work` on every item, at most `limit` at a time, keeping the items' order; the first failure fails all. */
async function mapBounded<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** One line on a terminal, rewritten as pages finish ("OCR scan.pdf: 3/20 pages, 41 s"); -1 clears it. */
function progressLine(file: string, pages: number, started: number): (done: number) => void {
  if (!process.stderr.isTTY || pages < 2) return () => undefined;
  let count = 0;
  return (done) => {
    if (done < 0) return void process.stderr.write('\r\x1b[K');
    count += 1;
    process.stderr.write(
      `\r\x1b[KOCR ${safeForTerminal(basename(file))}: ${count}/${pages} pages, ${Math.round((performance.now() - started) / 1000)} s`,
    );
  };
}

function overBudget(file: string, pages: number): BriefingError {
  return new BriefingError(
    'OCR_FAILED',
    `OCR of ${pages} page(s) took longer than ${OCR_BUDGET_MS / 1000} s, the budget of an OCR input, and was stopped`,
    {
      file,
      hint: 'split the scan, or raise the budget with BRIEFING_OCR_BUDGET_MS (milliseconds)',
    },
  );
}

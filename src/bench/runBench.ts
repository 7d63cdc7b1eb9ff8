/**
 * `briefing bench`: how long each stage takes on this machine, measured in one process so that numbers compare
 * (the machine is shared and noisy; absolute figures drift between runs).
 *   - extraction time per bundled sample report, warm (median of repeated runs);
 *   - extraction of a 40,000-character report built from the samples;
 *   - render time per one-page briefing, warm (median over the samples);
 *   - cold start: a new process running `briefing build` on one report.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractSummary } from '../extract/extractSummary.js';
import { decodeReport } from '../ingest/readReport.js';
import { renderBriefing } from '../pipeline/renderBriefing.js';
import type { BriefingSummary } from '../summary/schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES_DIR = join(ROOT, 'data/reports');
const LONG_REPORT_CHARACTERS = 40_000;

export interface BenchResult {
  machine: { cpus: number; node: string; date: string };
  extractMsPerReport: { file: string; characters: number; ms: number }[];
  extractLongReport: { characters: number; ms: number };
  renderMsPerBriefing: number;
  meanPdfBytes: number;
  coldBuildMs: number;
}

export interface BenchOptions {
  repetitions?: number;
  onProgress?: (message: string) => void;
}

export async function runBench({ repetitions = 15, onProgress }: BenchOptions = {}): Promise<BenchResult> {
  const samples = readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(SAMPLES_DIR, file)) }));

  onProgress?.('extraction per report');
  const extractMsPerReport = [];
  const summaries: BriefingSummary[] = [];
  for (const { file, bytes } of samples) {
    const { ms, value } = await medianMs(repetitions, () => extractSummary(decodeReport(file, bytes)));
    summaries.push(value);
    extractMsPerReport.push({ file, characters: [...bytes.toString('utf8')].length, ms });
  }

  onProgress?.('extraction of a 40,000-character report');
  const long = longReport(samples.map((sample) => sample.bytes.toString('utf8')));
  const longBytes = Buffer.from(long);
  const extractLong = await medianMs(Math.max(5, repetitions >> 1), () => extractSummary(decodeReport('long.txt', longBytes)));

  onProgress?.('rendering');
  const renderTimes: number[] = [];
  let pdfBytes = 0;
  for (const summary of summaries) {
    const { ms, value } = await medianMs(Math.max(3, repetitions >> 2), () => renderBriefing(summary));
    renderTimes.push(ms);
    pdfBytes += value.pdf.length;
  }

  onProgress?.('cold start');
  const coldBuildMs = coldBuild(join(SAMPLES_DIR, samples[0]!.file));

  return {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version, date: new Date().toISOString().slice(0, 10) },
    extractMsPerReport,
    extractLongReport: { characters: [...long].length, ms: extractLong.ms },
    renderMsPerBriefing: median(renderTimes),
    meanPdfBytes: Math.round(pdfBytes / summaries.length),
    coldBuildMs,
  };
}

/** The samples joined, then repeated with every digit shifted (so the copies are not dropped as duplicates). */
function longReport(texts: string[]): string {
  let text = texts.join('\n\n');
  for (let shift = 1; [...text].length < LONG_REPORT_CHARACTERS; shift += 1) {
    text += `\n\n${texts.join('\n\n').replace(/\d/g, (digit) => String((Number(digit) + shift) % 10))}`;
  }
  return [...text].slice(0, LONG_REPORT_CHARACTERS).join('');
}

async function medianMs<T>(repetitions: number, run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await run(); // warm-up: first runs load dictionaries and fonts
  const times: number[] = [];
  for (let index = 0; index < repetitions; index += 1) {
    const started = performance.now();
    value = await run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const result = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(result * 10) / 10;
}

/** Wall time of a whole new process building one briefing, as a user would run it. */
function coldBuild(report: string): number {
  const out = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  try {
    const started = performance.now();
    execFileSync(process.execPath, [join(ROOT, 'bin/briefing.js'), 'build', report, '-o', out, '--json'], { stdio: 'ignore' });
    return Math.round(performance.now() - started);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * `briefing bench`: how fast the real pipeline is on this machine, against the naive pdfmake pipeline measured in
 * the same run (the machine is shared and noisy; only numbers from one run compare).
 *   - msPerDoc: marginal time of one briefing on one worker (warm, in process, 100 regions in 5 rounds);
 *   - docsPerSec: throughput of `briefing render` over N synthetic regions (a new process, its worker pool sized to
 *     the cores), whole wall time from process start to exit;
 *   - peakRssMb: peak resident memory of that command's process tree (the command and its workers);
 *   - meanPdfBytes; coldMs: a new process building one briefing from a report;
 *   - baselineMsPerDoc and speedup: the naive pipeline drawing the same pages (pdfmake's public API, fonts and
 *     chart renderer fresh per document, PNG chart) in a process of its own, in rounds alternating with ours;
 *   - extraction time per bundled sample and for a 40,000-character report.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractSummary } from '../extract/extractSummary.js';
import { decodeReport } from '../ingest/readReport.js';
import { renderBriefing } from '../pipeline/renderBriefing.js';
import { type NaiveJob, startNaiveBaseline } from './naiveBaseline.js';
import { syntheticSummaries } from './syntheticRegions.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES_DIR = join(ROOT, 'data/reports');
const LONG_REPORT_CHARACTERS = 40_000;
/**
 * The time per briefing on one worker is taken after WARM_UP_DOCS (fonts, templates and the JIT settled: it falls for
 * about the first hundred, then stays flat), in ROUNDS rounds of OUR_DOCS_PER_ROUND regions, each followed by the
 * naive pipeline drawing the first NAIVE_DOCS_PER_ROUND of the same pages (after NAIVE_WARM_UP_DOCS of its own).
 */
const WARM_UP_DOCS = 100;
const ROUNDS = 5;
const OUR_DOCS_PER_ROUND = 20;
const NAIVE_DOCS_PER_ROUND = 4;
const NAIVE_WARM_UP_DOCS = 10;
const WARM_UP_SEED = 1;
const TIMED_SEED = 100;

export interface BenchResult {
  msPerDoc: number;
  docsPerSec: number;
  coldMs: number;
  peakRssMb: number;
  meanPdfBytes: number;
  baselineMsPerDoc: number;
  speedup: number;
  count: number;
  workers: number;
  batchSeconds: number;
  extraction: { file: string; characters: number; ms: number }[];
  machine: { cpus: number; model: string; node: string; date: string };
}

export interface BenchOptions {
  count?: number;
  workers?: number;
  onProgress?: (message: string) => void;
}

export async function runBench({
  count = 200,
  workers = availableParallelism(),
  onProgress,
}: BenchOptions = {}): Promise<BenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  try {
    const summaries = syntheticSummaries(count);

    // The batch is the command a user runs, `briefing render <folder>`, in its own process: its wall time and the
    // peak memory of its process tree (the command and its workers) are the batch's own, not this harness's.
    onProgress?.(`render ${count} synthetic regions on ${workers} worker(s): briefing render`);
    const inputs = join(work, 'summaries');
    const out = join(work, 'out');
    mkdirSync(inputs);
    for (const summary of summaries) writeFileSync(join(inputs, `${summary.id}.summary.json`), JSON.stringify(summary));
    const batch = await runCommand(['render', inputs, '-o', out, '--json'], { BRIEFING_WORKERS: String(workers) });
    const batchSeconds = batch.ms / 1000;
    const peakRssMb = batch.peakRssMb;
    const results = (
      JSON.parse(batch.stdout) as { results: { pdf: string | null; error: { message: string } | null }[] }
    ).results;
    const failed = results.find((result) => result.error || !result.pdf);
    if (failed || results.length !== count)
      throw new Error(
        `the benchmark batch failed: ${failed?.error?.message ?? `${results.length} results for ${count} inputs`}`,
      );
    const pdfBytes = results.reduce((total, result) => total + statSync(result.pdf!).size, 0);

    onProgress?.(`time per briefing, one worker, against the naive pipeline: ${ROUNDS} alternating rounds`);
    // Warmed up on other regions than the timed ones, so no timed briefing finds its own texts already shaped.
    const warmUp: NaiveJob[] = [];
    for (const summary of syntheticSummaries(WARM_UP_DOCS, WARM_UP_SEED))
      warmUp.push({ summary, shown: (await renderBriefing(summary)).shown });
    const baseline = startNaiveBaseline();
    let ourMs = 0;
    let ourDocs = 0;
    let baselineMs = 0;
    let baselineDocs = 0;
    try {
      await baseline.time([], { warmUp: warmUp.slice(0, NAIVE_WARM_UP_DOCS) });
      // Rounds of ours and the naive pipeline's alternate, so a slow minute on this shared machine slows both.
      for (let round = 0; round < ROUNDS; round += 1) {
        const timed = syntheticSummaries(OUR_DOCS_PER_ROUND, TIMED_SEED + round);
        const jobs: NaiveJob[] = [];
        const started = performance.now();
        for (const summary of timed) jobs.push({ summary, shown: (await renderBriefing(summary)).shown });
        ourMs += performance.now() - started;
        ourDocs += timed.length;
        const naive = await baseline.time(jobs.slice(0, NAIVE_DOCS_PER_ROUND));
        baselineMs += naive.msPerDoc * NAIVE_DOCS_PER_ROUND;
        baselineDocs += NAIVE_DOCS_PER_ROUND;
      }
    } finally {
      baseline.close();
    }
    const msPerDoc = ourMs / ourDocs;
    const baselineMsPerDoc = baselineMs / baselineDocs;

    onProgress?.('cold start: a new process building one briefing');
    const firstSample = join(
      SAMPLES_DIR,
      readdirSync(SAMPLES_DIR)
        .filter((name) => name.endsWith('.txt'))
        .sort()[0]!,
    );
    const coldMs = (await runCommand(['build', firstSample, '-o', join(work, 'cold'), '--json'])).ms;

    onProgress?.('extraction');
    const extraction = await extractionTimes();

    return {
      msPerDoc: round(msPerDoc),
      docsPerSec: round(count / batchSeconds),
      coldMs: Math.round(coldMs),
      peakRssMb: Math.round(peakRssMb),
      meanPdfBytes: Math.round(pdfBytes / count),
      baselineMsPerDoc: round(baselineMsPerDoc),
      speedup: round(baselineMsPerDoc / msPerDoc),
      count,
      workers,
      batchSeconds: round(batchSeconds),
      extraction,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        date: new Date().toISOString().slice(0, 10),
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs `briefing <args>` as a user would, in a new process: its wall time, its output, and the peak resident memory
 * of its process tree (sampled every 50 ms from /proc).
 */
function runCommand(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ ms: number; stdout: string; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/briefing.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    const sample = (): void => {
      if (child.pid) peak = Math.max(peak, treeRssBytes(child.pid) / 1048576);
    };
    const timer = setInterval(sample, 50);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0)
        reject(new Error(`briefing ${args[0]} exited with ${code}: ${Buffer.concat(stderr).toString().trim()}`));
      else resolve({ ms, stdout: Buffer.concat(stdout).toString(), peakRssMb: peak });
    });
  });
}

function treeRssBytes(pid: number): number {
  let total = 0;
  try {
    total = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (parent === pid) total += treeRssBytes(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

async function extractionTimes(): Promise<BenchResult['extraction']> {
  const samples = readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const texts = samples.map((file) => readFileSync(join(SAMPLES_DIR, file), 'utf8'));
  const reports = [
    ...samples.map((file, index) => ({ file, text: texts[index]! })),
    { file: '40,000-character report', text: longReport(texts) },
  ];
  const times = [];
  for (const { file, text } of reports) {
    const bytes = Buffer.from(text);
    await extractSummary(decodeReport(file, bytes));
    const runs: number[] = [];
    for (let run = 0; run < 9; run += 1) {
      const started = performance.now();
      await extractSummary(decodeReport(file, bytes));
      runs.push(performance.now() - started);
    }
    times.push({ file, characters: [...text].length, ms: round(runs.sort((a, b) => a - b)[4]!) });
  }
  return times;
}

/**
 * The longest sample repeated with every digit shifted (so the copies are not dropped as duplicates), up to the length:
 * one region's report, as a real long report is (joining several regions' reports would make the region ambiguous).
 */
function longReport(texts: string[]): string {
  const longest = texts.reduce((a, b) => (b.length > a.length ? b : a));
  let text = longest;
  for (let shift = 1; [...text].length < LONG_REPORT_CHARACTERS; shift += 1) {
    text += `\n\n${longest.replace(/\d/g, (digit) => String((Number(digit) + shift) % 10))}`;
  }
  return [...text].slice(0, LONG_REPORT_CHARACTERS).join('');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

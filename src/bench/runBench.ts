/**
 * `briefing bench`: how fast the real pipeline is on this machine, against the naive pdfmake pipeline measured in
 * the same run (the machine is shared and noisy; only numbers from one run compare).
 *   - msPerDoc: marginal time of one briefing on one worker (warm, in process);
 *   - docsPerSec: throughput of `render` over N synthetic regions on the worker pool, whole wall time;
 *   - peakRssMb: peak resident memory of the process and its workers during that batch;
 *   - meanPdfBytes; coldMs: a new process building one briefing from a report;
 *   - baselineMsPerDoc and speedup: the naive pipeline (fresh pdfmake, fonts and chart renderer per document,
 *     PNG chart) on a smaller count, in its own process;
 *   - extraction time per bundled sample and for a 40,000-character report.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractSummary } from '../extract/extractSummary.js';
import { decodeReport } from '../ingest/readReport.js';
import { renderBriefing } from '../pipeline/renderBriefing.js';
import { runBatch } from '../pipeline/runBatch.js';
import { runNaiveBaseline } from './naiveBaseline.js';
import { syntheticSummaries } from './syntheticRegions.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES_DIR = join(ROOT, 'data/reports');
const LONG_REPORT_CHARACTERS = 40_000;
const MARGINAL_DOCS = 40;
const BASELINE_DOCS = 15;

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

export async function runBench({ count = 200, workers = availableParallelism(), onProgress }: BenchOptions = {}): Promise<BenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  try {
    const summaries = syntheticSummaries(count);

    // The batch runs first, while this process has loaded no fonts: its peak memory is the batch's own.
    onProgress?.(`render ${count} synthetic regions on ${workers} worker(s)`);
    const inputs = join(work, 'summaries');
    const out = join(work, 'out');
    mkdirSync(inputs);
    for (const summary of summaries) writeFileSync(join(inputs, `${summary.id}.summary.json`), JSON.stringify(summary));
    const memory = sampleMemory();
    const batchStart = performance.now();
    const results = await runBatch({ mode: 'render', files: readdirSync(inputs).sort().map((name) => join(inputs, name)), outDir: out, workers });
    const batchSeconds = (performance.now() - batchStart) / 1000;
    const peakRssMb = memory.stop();
    const failed = results.filter((result) => result.error);
    if (failed.length > 0) throw failed[0]!.error!;
    const pdfBytes = results.reduce((total, result) => total + statSync(result.pdf!).size, 0);

    onProgress?.(`marginal time per briefing, one worker (${Math.min(MARGINAL_DOCS, count)} documents)`);
    const marginal = summaries.slice(0, Math.min(MARGINAL_DOCS, count));
    for (const summary of marginal.slice(0, 3)) await renderBriefing(summary); // warm-up: fonts, templates, JIT
    const marginalStart = performance.now();
    for (const summary of marginal) await renderBriefing(summary);
    const msPerDoc = (performance.now() - marginalStart) / marginal.length;

    onProgress?.(`naive baseline (${Math.min(BASELINE_DOCS, count)} documents, own process)`);
    const baselineMsPerDoc = await runNaiveBaseline(summaries.slice(0, Math.min(BASELINE_DOCS, count)));

    onProgress?.('cold start: a new process building one briefing');
    const coldMs = coldBuild(join(SAMPLES_DIR, readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.txt')).sort()[0]!), join(work, 'cold'));

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
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, date: new Date().toISOString().slice(0, 10) },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Peak resident memory of this process and every process it started (the pool's workers), sampled every 50 ms. */
function sampleMemory(): { stop(): number } {
  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, treeRssBytes(process.pid) / 1048576);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
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
  const samples = readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.txt')).sort();
  const texts = samples.map((file) => readFileSync(join(SAMPLES_DIR, file), 'utf8'));
  const reports = [...samples.map((file, index) => ({ file, text: texts[index]! })), { file: '40,000-character report', text: longReport(texts) }];
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

/** The samples joined, then repeated with every digit shifted (so the copies are not dropped as duplicates). */
function longReport(texts: string[]): string {
  let text = texts.join('\n\n');
  for (let shift = 1; [...text].length < LONG_REPORT_CHARACTERS; shift += 1) {
    text += `\n\n${texts.join('\n\n').replace(/\d/g, (digit) => String((Number(digit) + shift) % 10))}`;
  }
  return [...text].slice(0, LONG_REPORT_CHARACTERS).join('');
}

/** Wall time of a whole new process building one briefing, as a user runs it. */
function coldBuild(report: string, out: string): number {
  const started = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'bin/briefing.js'), 'build', report, '-o', out, '--json'], { stdio: 'ignore' });
  return performance.now() - started;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Where a batch's steps run: on the main thread for small batches, or on a pool of worker processes (tinypool)
 * sized to the cores for larger ones. Fonts, templates and chart renderers are set up once per worker.
 * Processes, not threads: node-canvas (under chartjs-node-canvas) crashes the process when a worker thread that
 * loaded it ends.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInterrupted, onInterrupt, untilExit } from '../util/atomicWrite.js';
import { type BatchTask, failedOutcome, type Outcome, runStep } from './batchSteps.js';
import { fastPathsUsable, VERSIONS_CHECKED_ENV } from '../pdf/pdfmakeVersions.js';
import { OCR_BUDGET_MS, OCR_LANES_ENV } from '../ingest/ocr/readByOcr.js';
import { IMAGE_EXTENSIONS } from '../ingest/ocr/pageImages.js';

export interface Executor {
  /** How many tasks it usefully runs at once. */
  readonly concurrency: number;
  /** Steps run on the calling thread (no pool). */
  readonly onMainThread: boolean;
  run<T>(task: BatchTask): Promise<Outcome<T>>;
  close(): Promise<void>;
}

/**
 * A worker allocates a lot and keeps little (about 30 MB live), and V8 lets its heap grow to four times that
 * between full collections. Growing it by at most 3× keeps a worker near 230 MB instead of 250 MB at the same speed
 * (`briefing render` of 1,000 regions here: 17.1–17.7 s against 17.0–17.9 s). Smaller settings saved more memory but
 * cost 10–15 % (a 2.5× growth, or a smaller young generation); see BENCHMARKS.md.
 * An old generation of at most 144 MB also stops V8 from enlarging the heap over a long batch (the workers of a
 * 1,000-region batch: 406–412 MB against 435–443 MB, at 18.2–18.5 s against 17.8–18.7 s). It leaves four times the
 * live memory of the largest input tried: a 2,000,000-character report extracts and renders in 45 MB; the largest
 * text accepted (8 MB, about 2.9 million characters, see readReport) extracts in under 70 MB.
 */
const WORKER_HEAP_FLAGS = ['--heap-growing-percent=200', '--max-old-space-size=144'];

/**
 * The time one input may take on a worker: far above any real report (the largest accepted one takes about 2 s), so
 * only an input that makes some stage crawl reaches it; its worker is stopped and the batch goes on.
 */
const TASK_BUDGET_MS = Number(process.env.BRIEFING_TASK_BUDGET_MS) || 120_000;

/** A report that may be a scan (a PDF, an image) also has the OCR budget, which its OCR enforces with its own error. */
function budgetOf(task: BatchTask): number {
  const mayNeedOcr =
    task.step === 'prepare' && ['.pdf', ...IMAGE_EXTENSIONS].includes(extname(task.input).toLowerCase());
  return mayNeedOcr ? TASK_BUDGET_MS + OCR_BUDGET_MS : TASK_BUDGET_MS;
}

/** Below this many inputs, starting workers (each loads fonts and libraries) costs more than it saves. */
const MIN_INPUTS_FOR_POOL = 8;
/**
 * The compiled worker. Both src/pipeline and dist/pipeline resolve this to dist/, so tests running the TypeScript
 * sources use the build made by `npm ci` (or by the test setup) for their workers.
 */
const WORKER = fileURLToPath(new URL('../../dist/pipeline/batchWorker.js', import.meta.url));

/**
 * An input this large (about 0.4 s of extraction) runs on a worker even in a small batch: a signal stops a worker at
 * once, while the main thread would only see it after the synchronous extraction returns (1.5 s for the largest
 * accepted input).
 */
export const LARGE_INPUT_BYTES = 2 * 1024 * 1024;

export async function createExecutor(
  inputs: number,
  workers = defaultWorkers(),
  largestInputBytes = 0,
): Promise<Executor> {
  const pooled = workers > 1 && (inputs >= MIN_INPUTS_FOR_POOL || largestInputBytes >= LARGE_INPUT_BYTES);
  workers = Math.min(workers, Math.max(inputs, 1));
  if (!pooled) {
    return {
      concurrency: 1,
      onMainThread: true,
      run: <T>(task: BatchTask) => runStep(task) as Promise<Outcome<T>>,
      close: async () => undefined,
    };
  }
  // Checked here, before the workers start, which are told so: a warning about untested pdfkit/fontkit versions is
  // shown once per batch, not once per worker.
  fastPathsUsable();
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: WORKER,
    runtime: 'child_process',
    minThreads: workers,
    maxThreads: workers,
    serialization: 'advanced',
    execArgv: WORKER_HEAP_FLAGS,
    // Tinypool gives a worker process only the variables named here: without the user's own (PATH, HOME,
    // SOURCE_DATE_EPOCH, BRIEFING_*), a worker finds no Tesseract or LibreOffice and dates PDFs differently.
    env: { ...process.env, ...VERSIONS_CHECKED_ENV, [OCR_LANES_ENV]: String(ocrLanesPerWorker(workers)) },
  });
  // A worker that dies while idle is replaced by the pool and took no task with it: nothing to report. (Unhandled,
  // the pool's 'error' event would end the whole batch.)
  pool.on('error', () => undefined);
  // An interrupted command stops its workers (each removes its temporary files) and waits for them before it exits.
  const stopOnInterrupt = onInterrupt(() => pool.destroy());
  return {
    concurrency: workers,
    onMainThread: false,
    // A worker that dies fails its task, not the batch. Tasks cut short by an interrupt never settle: the command is
    // exiting, and they are not failures to report.
    run: <T>(task: BatchTask) =>
      (pool.run(task, { signal: AbortSignal.timeout(budgetOf(task)) }) as Promise<Outcome<T>>).catch(
        (error: unknown) => {
          if (isInterrupted()) return untilExit();
          const overBudget = (error as { name?: string }).name === 'AbortError';
          return failedOutcome(
            task,
            overBudget
              ? new Error(`took longer than ${budgetOf(task) / 1000} s, the budget of one input, and was stopped`)
              : error,
          );
        },
      ),
    close: () => {
      stopOnInterrupt();
      return pool.destroy();
    },
  };
}

/** Workers reading scans side by side share the cores: each runs at most its share of Tesseract processes. */
export function ocrLanesPerWorker(workers: number, cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / workers));
}

/** One worker per core, unless BRIEFING_WORKERS says otherwise (1 = no pool). */
export function defaultWorkers(): number {
  const configured = Number(process.env.BRIEFING_WORKERS);
  return Number.isInteger(configured) && configured > 0 ? configured : availableParallelism();
}

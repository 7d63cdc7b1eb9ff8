// The worker pool of a batch: a worker that dies fails its own task, naming the file, and the batch goes on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createExecutor, LARGE_INPUT_BYTES, ocrLanesPerWorker } from '../../src/pipeline/executor.js';
import type { PreparedSummary } from '../../src/pipeline/batchSteps.js';
import { SAMPLES } from '../helpers/samples.js';
import { skipWithoutTesseract } from '../helpers/tesseract.js';

const SCAN = join(import.meta.dirname, '../ingest/ocr/fixtures/qinyuan-page1-150dpi-mono.png');

/** The pool's worker processes: children of this process running tinypool's process entry. */
function poolWorkerPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('tinypool');
      } catch {
        return false; // it ended while we looked
      }
    })
    .map(Number);
}

describe('createExecutor', () => {
  it('runs a small batch on the main thread, but one holding a very large input on a worker (a signal stops a worker at once)', async () => {
    const small = await createExecutor(2, 2, 200_000);
    const large = await createExecutor(2, 2, LARGE_INPUT_BYTES);
    const asked = await createExecutor(2, 1, LARGE_INPUT_BYTES);
    try {
      expect(small.onMainThread).toBe(true);
      expect(large).toMatchObject({ onMainThread: false, concurrency: 2 });
      expect(asked.onMainThread).toBe(true);
    } finally {
      await Promise.all([small.close(), large.close(), asked.close()]);
    }
  });

  it('fails the task of a worker that dies, naming its file, and runs the next tasks on new workers', async () => {
    const executor = await createExecutor(8, 2);
    const [first, second] = SAMPLES;
    try {
      expect(executor.concurrency).toBe(2);
      // Two extractions let both workers start (a worker that dies while starting is not replaced, by design).
      const summaries = await Promise.all(
        [first, second].map((sample) =>
          executor.run<PreparedSummary>({ step: 'prepare', input: sample!.path, readsSummary: false }),
        ),
      );
      const summary = summaries[0]!.ok ? summaries[0]!.value : expect.unreachable('the extraction failed');
      const before = poolWorkerPids();
      expect(before).toHaveLength(2);

      // A worker's first render loads pdfmake, the fonts and chart.js: long enough to be killed in the middle of it.
      const pdfPath = join(mkdtempSync(join(tmpdir(), 'briefing-executor-')), 'killed.pdf');
      const task = executor.run({ step: 'render', input: first!.path, summaryJson: summary.json, pdfPath });
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const pid of before) process.kill(pid, 'SIGKILL');
      const outcome = await task;
      expect(outcome.ok).toBe(false);
      // The failure names the input the user gave, not an output path.
      if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'RENDER_FAILED', file: first!.path });

      // The pool starts new workers in place of the dead ones; the batch goes on with them.
      while (poolWorkerPids().filter((pid) => !before.includes(pid)).length < 2)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const next = await executor.run<PreparedSummary>({ step: 'prepare', input: second!.path, readsSummary: false });
      expect(next.ok).toBe(true);
      if (next.ok) expect(next.value.regionName).toBe(second!.golden.region.name);
    } finally {
      await executor.close();
    }
  });

  it("shares the cores among the workers' Tesseract processes: never more pages at once than cores", () => {
    expect([
      ocrLanesPerWorker(2, 2),
      ocrLanesPerWorker(2, 8),
      ocrLanesPerWorker(3, 8),
      ocrLanesPerWorker(16, 8),
    ]).toEqual([1, 4, 2, 1]);
  });

  it.skipIf(skipWithoutTesseract('tests/pipeline/executor.test.ts', SCAN))(
    "gives its workers the user's environment: a scan is read by the Tesseract on PATH, SOURCE_DATE_EPOCH dates the PDFs",
    async () => {
      vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
      const executor = await createExecutor(8, 2);
      try {
        const scan = await executor.run<PreparedSummary>({ step: 'prepare', input: SCAN, readsSummary: false });
        const summary = scan.ok ? scan.value : expect.unreachable(`the scan failed: ${JSON.stringify(scan.error)}`);
        expect(summary.regionName).toBe('沁源县');
        const pdfPath = join(mkdtempSync(join(tmpdir(), 'briefing-executor-')), 'scan.pdf');
        const rendered = await executor.run({ step: 'render', input: SCAN, summaryJson: summary.json, pdfPath });
        expect(rendered.ok).toBe(true);
        const info = spawnSync('pdfinfo', ['-isodates', pdfPath], { encoding: 'utf8' }).stdout;
        expect(info).toMatch(/CreationDate:\s+2023-11-14T22:13:20Z/);
      } finally {
        await executor.close();
        vi.unstubAllEnvs();
      }
    },
    120_000,
  );
});

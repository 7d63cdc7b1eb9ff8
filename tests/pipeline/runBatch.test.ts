// Batches on the worker pool: inputs that share a file name or a region get their own ids, summary files and PDFs
// (named by region: <code>-<region>, then -2, -3 … in input order), and a renamed summary still counts as untouched on
// the next run.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/pipeline/runBatch.js';
import { isEditedByHand } from '../../src/summary/fingerprint.js';
import { pageCount } from '../helpers/pdfTools.js';
import { SAMPLES } from '../helpers/samples.js';

const COPIES = 8; // enough inputs for the pool

describe('runBatch on the pool', () => {
  it('gives inputs with the same name their own ids, summaries and PDFs, fingerprinted under the new id', async () => {
    const root = mkdtempSync(join(tmpdir(), 'briefing-batch-'));
    const sample = SAMPLES[1]!;
    const files = Array.from({ length: COPIES }, (_, copy) => {
      const folder = join(root, `in${copy}`);
      mkdirSync(folder);
      copyFileSync(sample.path, join(folder, sample.file));
      return join(folder, sample.file);
    });
    const out = join(root, 'out');
    const id = basename(sample.file, '.txt');

    const results = await runBatch({ mode: 'build', files, outDir: out, workers: 2 });
    expect(results.map((result) => result.id)).toEqual([
      id,
      ...Array.from({ length: COPIES - 1 }, (_, copy) => `${id}-${copy + 2}`),
    ]);
    const stem = `${sample.golden.region.code}-${sample.golden.region.name}`;
    expect(results.map((result) => basename(result.pdf!))).toEqual([
      `${stem}.pdf`,
      ...Array.from({ length: COPIES - 1 }, (_, copy) => `${stem}-${copy + 2}.pdf`),
    ]);
    expect(results[1]!.warnings).toContain(
      `another input of this batch is also about ${sample.golden.region.name}: this one is written as ${stem}-2`,
    );
    for (const result of results) {
      expect(result.error).toBeNull();
      expect(result.region).toBe(sample.golden.region.name);
      expect(pageCount(result.pdf!)).toBe(1);
      const summary = JSON.parse(readFileSync(result.summary!, 'utf8'));
      expect(summary.id).toBe(result.id);
      expect(isEditedByHand(summary)).toBe(false);
    }

    const again = await runBatch({ mode: 'build', files, outDir: out, workers: 2 });
    expect(again.flatMap((result) => result.warnings).filter((warning) => warning.includes('edited by hand'))).toEqual(
      [],
    );
  });
});

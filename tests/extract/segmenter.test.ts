// The portable segmenter (jieba-rs as WebAssembly, TF-IDF scored here) against the native one it stands in for:
// the same words and the same keywords on the bundled reports, so a platform without the native build loses nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../src/extract/segmenter.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const native = createSegmenter('native');
const portable = createSegmenter('wasm');

describe('segmenter', () => {
  it('uses the native build where it loads, the portable one when asked, and when the native one cannot load', () => {
    expect(native.kind).toBe('native');
    expect(portable.kind).toBe('wasm');
    const missing = (): never => {
      throw new Error('Cannot find module @node-rs/jieba-darwin-arm64');
    };
    expect(createSegmenter(undefined, missing).kind).toBe('wasm');
  });

  it('extracts the same summary without the native build (BRIEFING_SEGMENTER=wasm, as on a platform without it)', () => {
    const run = (segmenter: string): unknown => {
      const out = mkdtempSync(join(tmpdir(), 'briefing-segmenter-'));
      execFileSync(process.execPath, [join(ROOT, 'bin/briefing.js'), 'extract', SAMPLES[4]!.path, '-o', out], {
        env: { ...process.env, BRIEFING_SEGMENTER: segmenter },
        stdio: 'pipe',
      });
      const [file] = readdirSync(out);
      const summary = JSON.parse(readFileSync(join(out, file!), 'utf8'));
      return { region: summary.region, figures: summary.figures, keywords: summary.keywords };
    };
    const portableRun = run('wasm');
    expect(portableRun).toEqual(run('native'));
    expect((portableRun as { keywords: string[] }).keywords.length).toBeGreaterThan(0);
  });

  it.each(SAMPLES.map((sample) => [sample.file, readFileSync(sample.path, 'utf8')] as const))(
    'cuts %s into the same words',
    (_file, text) => {
      expect(portable.cut(text)).toEqual(native.cut(text));
    },
  );

  it.each(SAMPLES.map((sample) => [sample.file, readFileSync(sample.path, 'utf8')] as const))(
    'finds the same keywords in %s',
    (_file, text) => {
      const tags = ['n', 'nz', 'nt', 'nl'];
      expect(portable.keywords(text, 24, tags)).toEqual(native.keywords(text, 24, tags));
    },
  );
});

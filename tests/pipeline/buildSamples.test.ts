// End to end on the five bundled reports: each becomes exactly one page, with embedded fonts and the
// official region name (屯留区 even though the OCR text says 电留区) and the report's date as real text.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchResult } from '../../src/pipeline/runBatch.js';
import { fonts, pageCount, rasterImageCount, text } from '../helpers/pdfTools.js';
import { SAMPLES, chineseDate } from '../helpers/samples.js';

let outDir: string;
let results: BatchResult[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'briefing-build-'));
  results = await runBatch({ mode: 'build', files: SAMPLES.map((sample) => sample.path), outDir });
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe.each(SAMPLES)('build $file', (sample) => {
  const result = (): BatchResult => results.find((candidate) => candidate.input === sample.path)!;
  const pdf = (): string => result().pdf!;

  it('succeeds and writes a non-empty PDF and its summary', () => {
    expect(result().error).toBeNull();
    expect(statSync(pdf()).size).toBeGreaterThan(10_000);
    expect(statSync(result().summary!).size).toBeGreaterThan(100);
  });

  it('has exactly one page', () => {
    expect(pageCount(pdf())).toBe(1);
    expect(result().pages).toBe(1);
  });

  it('embeds every font it uses (subset CJK fonts)', () => {
    const used = fonts(pdf());
    expect(used.length).toBeGreaterThan(0);
    for (const font of used) expect(font, font.name).toMatchObject({ embedded: true });
    expect(used.map((font) => font.name).join(' ')).toMatch(/NotoSansSC/);
  });

  it('shows the official region name and the report date as extractable text', () => {
    const content = text(pdf());
    expect(content).toContain(sample.golden.region.name);
    if (sample.golden.session.date) expect(content).toContain(chineseDate(sample.golden.session.date));
  });

  it('draws its chart as vector graphics, not a raster image', () => {
    expect(rasterImageCount(pdf())).toBe(0);
  });
});

it('never prints the OCR misreading of 屯留区 as the region name', () => {
  const tunliu = results.find((result) => result.input.includes('002_'))!;
  expect(tunliu.region).toBe('屯留区');
  expect(tunliu.warnings.join(' ')).toContain('电留区');
});

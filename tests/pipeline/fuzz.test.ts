// Fuzzing: random and mutated reports through ingest + extract + render always end in a valid one-page PDF or a
// clear BriefingError — never another exception, never a hang (the run is time-boxed).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { decodeReport } from '../../src/ingest/readReport.js';
import { renderBriefing } from '../../src/pipeline/renderBriefing.js';
import { SAMPLES } from '../helpers/samples.js';

const TEXTS = SAMPLES.map((sample) => readFileSync(sample.path, 'utf8'));

type Mutation = (text: string) => string;

const position = (text: string, at: number): number => Math.floor(at * text.length);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true })).map(
    ([at, share]): Mutation =>
      (text) =>
        text.slice(0, position(text, at)) + text.slice(position(text, at) + Math.floor(share * text.length)),
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 200 })).map(
    ([at, insert]): Mutation =>
      (text) =>
        text.slice(0, position(text, at)) + insert + text.slice(position(text, at)),
  ),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }))
    .map(([at, share]): Mutation => (text) => {
      const start = position(text, at);
      const copy = text.slice(start, start + Math.floor(share * text.length));
      return text.slice(0, start) + copy + copy + text.slice(start);
    }),
  fc.constantFrom<Mutation>(
    (text) => text.replace(/\d/g, '9'),
    (text) => text.replace(/\n+/g, ''),
    (text) => text.replace(/[，。]/g, ''),
    (text) => text.split('\n').reverse().join('\n'),
    (text) => text.replace(/[县区]/g, ''),
    (text) => text.replace(/\d+(\.\d+)?/g, '123456789012345678901234567890'),
  ),
);

const report = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...TEXTS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
      .map(([text, mutations]) => mutations.reduce((current, mutate) => mutate(current), text)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2000 }) },
);

async function briefingOf(text: string): Promise<{ pages: number; pdf: Buffer } | BriefingError> {
  try {
    const summary = await extractSummary(decodeReport('fuzz.txt', Buffer.from(text)));
    return await renderBriefing(summary);
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw error;
  }
}

describe('fuzzing the whole pipeline', () => {
  it('ends in a one-page PDF or a clear error for every random or mutated report', async () => {
    let pdfs = 0;
    await fc.assert(
      fc.asyncProperty(report, async (text) => {
        const outcome = await briefingOf(text);
        if (outcome instanceof BriefingError) {
          expect(outcome.message.length).toBeGreaterThan(5);
          expect(outcome.code).toMatch(/^[A-Z_]+$/);
          return;
        }
        pdfs += 1;
        expect(outcome.pages).toBe(1);
        expect(outcome.pdf.subarray(0, 5).toString()).toBe('%PDF-');
      }),
      { numRuns: 60, interruptAfterTimeLimit: 40_000, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
    // Most mutated reports are still reports: the fuzzer must reach the renderer, not only the error paths.
    expect(pdfs).toBeGreaterThan(10);
  }, 90_000);
});

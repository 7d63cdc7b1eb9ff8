// Recall of the hand-labelled golden figures (tests/corpus/golden/sample-*), with their attributes, for each sample.
// A golden figure is found when an extracted figure has the same signed value and unit AT ITS QUOTE (the two quotes
// overlap in the report), not anywhere; its kind (actual/target), growth rate and year must then agree too. The
// ranking is asserted: most of the page's first figures are labelled ones.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import type { Figure } from '../../src/summary/schema.js';
import { sameSignedValue } from '../corpus/scoreCorpus.js';
import { type GoldenFigure, SAMPLES } from '../helpers/samples.js';

const MIN_RECALL = 0.9;
const MIN_ATTRIBUTE_AGREEMENT = 0.9;
const TOP = 12;
/** Of the first TOP figures, at least this share must be labelled ones (measured 9–11 of 12 in session 6, less a margin). */
const MIN_TOP_IN_GOLDEN = 0.7;
const table: string[] = [];

/** The same value and unit, quoted from the same place of the report (golden quotes are verbatim and unique). */
function sameFigure(figure: Figure, golden: GoldenFigure, original: string): boolean {
  const at = original.indexOf(golden.quote);
  const overlaps =
    at >= 0 &&
    figure.offset !== undefined &&
    figure.offset < at + golden.quote.length &&
    figure.offset + figure.quote.length > at;
  return overlaps && sameSignedValue(figure, golden) && figure.unit.replace(/^(余|多)/, '') === golden.unit;
}

describe.each(SAMPLES)('golden figures of $file', (sample) => {
  it(`finds at least ${MIN_RECALL * 100}% of them, with the right kind, growth and year`, async () => {
    const { figures } = await extractSummary(await readReport(sample.path));
    const original = readFileSync(sample.path, 'utf8');
    const golden = sample.golden.figures;
    expect(golden.length).toBeGreaterThanOrEqual(10);
    for (const expected of golden)
      expect(original, `golden quote not in the report: ${expected.quote}`).toContain(expected.quote);
    const matches = golden.map((expected) => ({
      expected,
      found: figures.find((figure) => sameFigure(figure, expected, original)),
    }));
    const found = matches.filter((match) => match.found);
    const agreeing = found.filter(
      ({ expected, found: figure }) =>
        figure!.kind === expected.kind &&
        (figure!.growthPct ?? null) === expected.growthPct &&
        (figure!.year ?? null) === expected.year,
    );
    const topInGolden = figures
      .slice(0, TOP)
      .filter((figure) => golden.some((expected) => sameFigure(figure, expected, original))).length;
    const recall = found.length / golden.length;
    table.push(
      `${sample.file}  recall ${found.length}/${golden.length} = ${(recall * 100).toFixed(0)}%  attributes ${agreeing.length}/${found.length}  ` +
        `top-${TOP} in golden ${topInGolden}/${Math.min(TOP, figures.length)}  candidates ${figures.length}`,
    );
    const missed = matches
      .filter((match) => !match.found)
      .map((match) => `${match.expected.label} ${match.expected.valueText}${match.expected.unit}`);
    expect(recall, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(MIN_RECALL);
    const disagreeing = found
      .filter((match) => !agreeing.includes(match))
      .map(({ expected, found: figure }) => `${expected.label}: ${figure!.kind}/${figure!.growthPct}/${figure!.year}`);
    expect(agreeing.length / found.length, `wrong attributes: ${disagreeing.join(', ')}`).toBeGreaterThanOrEqual(
      MIN_ATTRIBUTE_AGREEMENT,
    );
    expect(
      topInGolden / Math.min(TOP, figures.length),
      `first ${TOP} figures: ${figures
        .slice(0, TOP)
        .map((figure) => figure.label)
        .join(', ')}`,
    ).toBeGreaterThanOrEqual(MIN_TOP_IN_GOLDEN);
  });
});

afterAll(() => {
  process.stdout.write(`\nGolden figures:\n${table.sort().join('\n')}\n`);
});

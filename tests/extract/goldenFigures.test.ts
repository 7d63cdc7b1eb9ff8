// Recall of the hand-labelled golden figures (tests/extract/golden), with their attributes, for each sample.
// A golden figure is found when an extracted figure has the same value and unit; its kind (actual/target),
// growth rate and year must then agree too.
import { afterAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import type { Figure } from '../../src/summary/schema.js';
import { type GoldenFigure, SAMPLES } from '../helpers/samples.js';

const MIN_RECALL = 0.9;
const MIN_ATTRIBUTE_AGREEMENT = 0.9;
const TOP = 12;
const table: string[] = [];

function sameFigure(figure: Figure, golden: GoldenFigure): boolean {
  return figure.value === golden.value && figure.unit.replace(/^(余|多)/, '') === golden.unit;
}

describe.each(SAMPLES)('golden figures of $file', (sample) => {
  it(`finds at least ${MIN_RECALL * 100}% of them, with the right kind, growth and year`, async () => {
    const { figures } = await extractSummary(await readReport(sample.path));
    const golden = sample.golden.figures;
    expect(golden.length).toBeGreaterThanOrEqual(10);
    const matches = golden.map((expected) => ({ expected, found: figures.find((figure) => sameFigure(figure, expected)) }));
    const found = matches.filter((match) => match.found);
    const agreeing = found.filter(({ expected, found: figure }) => figure!.kind === expected.kind && (figure!.growthPct ?? null) === expected.growthPct && (figure!.year ?? null) === expected.year);
    const topInGolden = figures.slice(0, TOP).filter((figure) => golden.some((expected) => sameFigure(figure, expected))).length;
    const recall = found.length / golden.length;
    table.push(
      `${sample.file}  recall ${found.length}/${golden.length} = ${(recall * 100).toFixed(0)}%  attributes ${agreeing.length}/${found.length}  ` +
        `top-${TOP} in golden ${topInGolden}/${Math.min(TOP, figures.length)}  candidates ${figures.length}`,
    );
    const missed = matches.filter((match) => !match.found).map((match) => `${match.expected.label} ${match.expected.valueText}${match.expected.unit}`);
    expect(recall, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(MIN_RECALL);
    const disagreeing = found.filter((match) => !agreeing.includes(match)).map(({ expected, found: figure }) => `${expected.label}: ${figure!.kind}/${figure!.growthPct}/${figure!.year}`);
    expect(agreeing.length / found.length, `wrong attributes: ${disagreeing.join(', ')}`).toBeGreaterThanOrEqual(MIN_ATTRIBUTE_AGREEMENT);
  });
});

afterAll(() => {
  process.stdout.write(`\nGolden figures:\n${table.sort().join('\n')}\n`);
});

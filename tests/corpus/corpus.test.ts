// The extractor on the labelled corpus of real reports (tests/corpus): the targets, as tests that fail.
// Thresholds are ratcheted to the values measured in session 6 less a noise margin of about one point (RATCHET), so a
// change that loses ground fails even while it is above the issues' targets.
// `npm run eval` runs this file and prints the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CorpusTotals,
  formatTable,
  loadCorpus,
  RATCHET,
  type ReportScore,
  scoreReport,
  totals,
} from './scoreCorpus.js';

const corpus = loadCorpus();
let scores: ReportScore[] = [];
let total: CorpusTotals;

beforeAll(async () => {
  scores = [];
  for (const { golden, path } of corpus) scores.push(await scoreReport(golden, path));
  total = totals(scores, new Set(corpus.map(({ golden }) => golden.province)).size);
}, 300_000);

afterAll(() => {
  if (scores.length > 0) process.stdout.write(`\n${formatTable(scores, total)}\n`);
});

describe('the labelled corpus', () => {
  it('holds at least 30 real reports from at least 12 provinces', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(total.provinces).toBeGreaterThanOrEqual(12);
  });

  it('never gives a report a wrong region without an error', () => {
    expect(
      scores
        .filter((score) => !score.regionRight && !score.regionRefused)
        .map((score) => `${score.id}: ${score.error ?? score.regionGot}`),
    ).toEqual([]);
  });

  it('gets the region right on at least 95% of the reports, and refuses the others with the --region that settles them', () => {
    expect(total.regionRight / total.reports).toBeGreaterThanOrEqual(RATCHET.region);
    for (const score of scores.filter((each) => each.regionRefused))
      expect(score.refusalHint, score.id).toMatch(/--region/);
  });

  it('finds at least 92% of the labelled figures at their quote (signed), with a label that names them', () => {
    expect(total.named / total.figures).toBeGreaterThanOrEqual(RATCHET.named);
  });

  it('gets the growth right for at least 96% of the found figures that have one', () => {
    expect(total.growthRight / total.withGrowth).toBeGreaterThanOrEqual(RATCHET.growth);
  });

  it('tells results from targets for at least 97% of the found figures', () => {
    expect(total.kindRight / total.found).toBeGreaterThanOrEqual(RATCHET.kind);
  });

  it('quotes every figure verbatim from the original, holding its number', () => {
    expect(scores.flatMap((score) => score.badProvenance)).toEqual([]);
  });

  it('gives at most 2% of figures a label that names nothing', () => {
    expect(total.emptyLabels / total.extracted).toBeLessThanOrEqual(0.02);
  });

  it('reads the session date of at least 92% of the reports that state one, and the review year of 93%', () => {
    expect(total.datesRight / total.datesStated).toBeGreaterThanOrEqual(RATCHET.dates);
    expect(total.yearsRight / total.yearsStated).toBeGreaterThanOrEqual(RATCHET.years);
  });

  it('leads every page with the catalogue indicators among its results, in catalogue order', () => {
    expect(scores.flatMap((score) => score.rankingBroken.map((broken) => `${score.id}: ${broken}`))).toEqual([]);
  });

  it('gives at most 0.5% of its figures as years, thresholds or counts of measures', () => {
    expect(total.junk / total.extracted).toBeLessThanOrEqual(0.005);
  });

  it('never takes a labelled threshold, year or count of meetings for a figure', () => {
    expect(scores.flatMap((score) => score.notFiguresFound)).toEqual([]);
  });
});

// The region on real reports nobody on the project wrote or labelled: ../shared/corpus (128 full-length city reports
// and the national report filed under three city names, 10 full-length reports, 4 of them hard-wrapped). The texts
// stay out of this repository; without ../shared this file skips, saying so. `npm run eval` prints the table.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { decodeReport } from '../../src/ingest/readReport.js';
import { ROOT } from '../helpers/samples.js';

const SHARED = join(ROOT, '../shared/corpus');
const present = existsSync(join(SHARED, 'cities/regions.json'));
if (!present)
  process.stderr.write(`tests/corpus/regions.test.ts: ${SHARED} is absent; the shared corpus is not scored\n`);

interface Case {
  corpus: string;
  file: string;
  /** The expected region's code; null for a report that must be refused (the national government's). */
  code: string | null;
  name: string;
}

interface Correction {
  file: string;
  labelled: { code: string };
  corrected: { name: string; code: string };
  quotes: string[];
}

const corrections = (
  JSON.parse(readFileSync(join(ROOT, 'tests/corpus/label-corrections.json'), 'utf8')) as { corrections: Correction[] }
).corrections;

function cases(): Case[] {
  const read = (path: string) => JSON.parse(readFileSync(join(SHARED, path), 'utf8')) as Array<Record<string, any>>;
  const all: Case[] = [
    ...read('cities/regions.json').map((entry) => ({
      corpus: 'cities',
      file: `cities/${entry.file}`,
      code: entry.expect === 'error' ? null : entry.code,
      name: entry.name ?? 'national (refuse)',
    })),
    ...read('full/labels.json').map((entry) => ({
      corpus: 'full',
      file: `full/${entry.file}`,
      code: entry.gb2260,
      name: entry.region_canonical,
    })),
    ...read('full/labels_wrapped.json').map((entry) => ({
      corpus: 'full, hard-wrapped',
      file: `full/${entry.file}`,
      code: entry.gb2260,
      name: entry.region_canonical,
    })),
  ];
  return all.map((entry) => {
    const correction = corrections.find((candidate) => candidate.file === entry.file);
    return correction ? { ...entry, ...correction.corrected } : entry;
  });
}

type Outcome = { case: Case; got: string; outcome: 'right' | 'refused' | 'wrong' };
const outcomes: Outcome[] = [];

describe.skipIf(!present)('regions of the shared corpus', () => {
  beforeAll(async () => {
    for (const entry of cases()) {
      const path = join(SHARED, entry.file);
      try {
        const { region } = await extractSummary(decodeReport(path, readFileSync(path)));
        outcomes.push({
          case: entry,
          got: `${region.name} ${region.code}`,
          outcome: region.code === entry.code ? 'right' : 'wrong',
        });
      } catch (error) {
        if (!(error instanceof BriefingError) || !error.code.startsWith('REGION_')) throw error;
        outcomes.push({
          case: entry,
          got: `refused: ${error.message}`,
          outcome: entry.code === null ? 'right' : 'refused',
        });
      }
    }
  }, 300_000);

  afterAll(() => {
    const lines = [
      '',
      '| corpus | reports | region right | refused (candidates, --region) | wrong without an error |',
      '|---|---|---|---|---|',
    ];
    for (const corpus of [...new Set(outcomes.map((outcome) => outcome.case.corpus))]) {
      const of = outcomes.filter((outcome) => outcome.case.corpus === corpus);
      const count = (kind: Outcome['outcome']) => of.filter((outcome) => outcome.outcome === kind).length;
      lines.push(`| ${corpus} | ${of.length} | ${count('right')} | ${count('refused')} | ${count('wrong')} |`);
    }
    for (const outcome of outcomes.filter((each) => each.outcome !== 'right'))
      lines.push(`  ${outcome.outcome}: ${outcome.case.file} ${outcome.case.name} → ${outcome.got}`);
    lines.push(`  (${corrections.length} label corrected: tests/corpus/label-corrections.json)`);
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  it('checks each corrected label against the report’s own words', () => {
    for (const correction of corrections) {
      const text = readFileSync(join(SHARED, correction.file), 'utf8');
      for (const quote of correction.quotes) expect(text, `${correction.file}: ${quote}`).toContain(quote);
    }
  });

  it('never gives a report a wrong region without an error', () => {
    expect(
      outcomes
        .filter((outcome) => outcome.outcome === 'wrong')
        .map((outcome) => `${outcome.case.file}: ${outcome.case.name} → ${outcome.got}`),
    ).toEqual([]);
  });

  it('gets the region right on at least 99% of the reports, and refuses the national government', () => {
    expect(outcomes.filter((outcome) => outcome.outcome === 'right').length / outcomes.length).toBeGreaterThanOrEqual(
      0.99,
    );
    expect(
      outcomes.filter((outcome) => outcome.case.code === null).every((outcome) => outcome.outcome === 'right'),
    ).toBe(true);
  });
});

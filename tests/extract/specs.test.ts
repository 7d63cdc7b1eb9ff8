// The spec files of extraction (tests/extract/specs/<stage>.json): real phrases and the answer each must give,
// including phrases that must give nothing. One runner for every stage's specs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { withDataReplaced } from '../../src/util/dataFile.js';
import { findRegion } from '../../src/extract/findRegion.js';
import { normalizeText } from '../../src/ingest/normalizeText.js';
import { ROOT } from '../helpers/samples.js';

interface RegionSpec {
  rule: string;
  input: string;
  file?: string;
  scope?: string;
  expect: Array<{ name: string; code: string; source?: string }>;
  warning?: string;
  /** For a refusal: names the error must offer, best first. */
  candidates?: string[];
  /** Pairs of data/ocr-confusions.json observed in real OCR output that this spec needs. */
  confusions?: [string, string][];
}

export const regionSpecs = (JSON.parse(readFileSync(join(ROOT, 'tests/extract/specs/region.json'), 'utf8')) as { specs: RegionSpec[] }).specs;

/** Whether the region stage gives a spec its expected answer (and warning, and candidates). */
async function answers(spec: RegionSpec): Promise<boolean> {
  try {
    await expectAnswer(spec);
    return true;
  } catch {
    return false;
  }
}

async function expectAnswer(spec: RegionSpec): Promise<void> {
    const found = await findRegion(normalizeText(spec.input).text, spec.file ?? 'report.txt', spec.scope ? { scope: spec.scope } : {}).catch((error: unknown) => error);
    if (spec.expect.length === 0) {
      expect(found, spec.input).toBeInstanceOf(BriefingError);
      expect((found as BriefingError).code).toMatch(/^REGION_(NOT_FOUND|AMBIGUOUS)$/);
      if (spec.candidates) expect((found as BriefingError).candidates?.map((candidate) => candidate.name).slice(0, spec.candidates.length)).toEqual(spec.candidates);
      return;
    }
    expect(found, spec.input).not.toBeInstanceOf(Error);
    const { region, warnings } = found as Awaited<ReturnType<typeof findRegion>>;
    expect(region, spec.input).toMatchObject(spec.expect[0]!);
    if (spec.warning) expect(warnings.join('\n')).toContain(spec.warning);
}

describe('tests/extract/specs/region.json', () => {
  it.each(regionSpecs.map((spec, index) => ({ ...spec, title: `${index}: ${spec.rule}` })))('$title', expectAnswer);
});

describe('every entry of the region stage\'s word lists is needed by a spec', () => {
  const words = JSON.parse(readFileSync(join(ROOT, 'data/region-words.json'), 'utf8')) as Record<string, unknown> & { levelWords: Record<string, string[]> };
  const lists = ['speakerCues', 'rankingBefore', 'rankingAfter', 'facilitySuffixes'] as const;
  const entries = [
    ...lists.flatMap((list) => (words[list] as string[]).map((entry) => ({ entry, without: { ...words, [list]: (words[list] as string[]).filter((other) => other !== entry) } }))),
    ...Object.entries(words.levelWords).flatMap(([level, list]) => list.map((entry) => ({ entry, without: { ...words, levelWords: { ...words.levelWords, [level]: list.filter((other) => other !== entry) } } }))),
  ];

  it.each(entries.map(({ entry, without }) => ({ entry, without, title: entry })))('$title', async ({ entry, without }) => {
    // Only a spec whose text holds the entry can depend on it.
    const holding = regionSpecs.filter((spec) => spec.input.includes(entry));
    expect(holding.length, `no spec holds ${entry}`).toBeGreaterThan(0);
    const changed = await withDataReplaced('region-words.json', without, async () => {
      for (const spec of holding) if (!(await answers(spec))) return true;
      return false;
    });
    expect(changed, `removing ${entry} changes the answer of no spec`).toBe(true);
  });
});

describe('every OCR confusion a spec names is in the table and needed by it', () => {
  const confusions = JSON.parse(readFileSync(join(ROOT, 'data/ocr-confusions.json'), 'utf8')) as { pairs: [string, string][] };
  const named = regionSpecs.flatMap((spec) => (spec.confusions ?? []).map((pair) => ({ spec, pair, title: `${pair.join('→')}: ${spec.rule}` })));

  it.each(named)('$title', async ({ spec, pair }) => {
    const same = (other: [string, string]): boolean => other[0] === pair[0] && other[1] === pair[1];
    expect(confusions.pairs.some(same), `${pair.join('/')} is not in data/ocr-confusions.json`).toBe(true);
    expect(await answers(spec)).toBe(true);
    const without = { ...confusions, pairs: confusions.pairs.filter((other) => !same(other)) };
    expect(await withDataReplaced('ocr-confusions.json', without, () => answers(spec)), `removing ${pair.join('/')} changes nothing`).toBe(false);
  });
});

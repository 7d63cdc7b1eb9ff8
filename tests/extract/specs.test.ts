// The spec files of extraction (tests/extract/specs/<stage>.json): real phrases and the answer each must give,
// including phrases that must give nothing. One runner for every stage's specs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
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
}

export const regionSpecs = (JSON.parse(readFileSync(join(ROOT, 'tests/extract/specs/region.json'), 'utf8')) as { specs: RegionSpec[] }).specs;

describe('tests/extract/specs/region.json', () => {
  it.each(regionSpecs.map((spec, index) => ({ ...spec, title: `${index}: ${spec.rule}` })))('$title', async (spec) => {
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
  });
});

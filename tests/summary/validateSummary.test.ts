import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { validateSummary } from '../../src/summary/validateSummary.js';
import { SAMPLES } from '../helpers/samples.js';

describe('validateSummary', () => {
  it('accepts what the extractor produces, after a JSON round trip', async () => {
    const summary = await extractSummary(await readReport(SAMPLES[0]!.path));
    expect(validateSummary(JSON.parse(JSON.stringify(summary)), 'x.summary.json')).toEqual(summary);
  });

  it('names the file and the JSON path of the first problem', async () => {
    const summary = JSON.parse(JSON.stringify(await extractSummary(await readReport(SAMPLES[0]!.path))));
    summary.figures[2].value = 'many';
    summary.id = '../etc/passwd';
    expect(() => validateSummary(summary, 'edited.summary.json')).toThrowError(
      expect.objectContaining({ code: 'SUMMARY_INVALID', file: 'edited.summary.json', field: '$.id', message: expect.stringContaining('$.figures[2].value') }),
    );
  });

  it('rejects a file that is not a summary at all', () => {
    expect(() => validateSummary(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')), 'package.json')).toThrowError(/schemaVersion/);
  });
});

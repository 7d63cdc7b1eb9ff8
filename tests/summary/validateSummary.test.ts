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

describe('summary schema file', () => {
  it('shipped JSON Schema is the one generated from src/summary/schema.ts (run npm run schema after changing it)', async () => {
    const { summaryJsonSchema } = await import('../../src/summary/jsonSchema.js');
    const shipped = JSON.parse(readFileSync(new URL('../../src/summary/briefing-summary.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(summaryJsonSchema());
  });

  it('refuses a hand edit that changes a value without its quote', async () => {
    const summary = JSON.parse(JSON.stringify(await extractSummary(await readReport(SAMPLES[4]!.path))));
    summary.figures[0].valueText = '999.9';
    expect(() => validateSummary(summary, 'x.json')).toThrowError(expect.objectContaining({ field: '$.figures[0].quote' }));
  });
});

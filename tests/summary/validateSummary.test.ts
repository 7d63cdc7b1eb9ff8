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
      expect.objectContaining({
        code: 'SUMMARY_INVALID',
        file: 'edited.summary.json',
        field: '$.id',
        message: expect.stringContaining('$.figures[2].value'),
      }),
    );
  });

  it('rejects a file that is not a summary at all', () => {
    expect(() =>
      validateSummary(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')), 'package.json'),
    ).toThrowError(/schemaVersion/);
  });
});

describe('summary schema file', () => {
  it('shipped JSON Schema is the one generated from src/summary/schema.ts (run npm run schema after changing it)', async () => {
    const { summaryJsonSchema } = await import('../../src/summary/jsonSchema.js');
    const shipped = JSON.parse(
      readFileSync(new URL('../../src/summary/briefing-summary.schema.json', import.meta.url), 'utf8'),
    );
    expect(shipped).toEqual(summaryJsonSchema());
  });

  it('refuses a hand edit that changes a value without its quote', async () => {
    const summary = JSON.parse(JSON.stringify(await extractSummary(await readReport(SAMPLES[4]!.path))));
    summary.figures[0].valueText = '999.9';
    expect(() => validateSummary(summary, 'x.json')).toThrowError(
      expect.objectContaining({ field: '$.figures[0].quote' }),
    );
  });
});

/** The 沁水县 summary as a file holds it: plain JSON a person may edit. */
async function editableSummary() {
  return JSON.parse(JSON.stringify(await extractSummary(await readReport(SAMPLES[4]!.path))));
}

describe('summaries a person typed', () => {
  it('refuses mistyped keys, control characters, lone surrogates and endless text, naming the JSON path', async () => {
    const summary = await editableSummary();
    const broken = (change: (copy: typeof summary) => void) => {
      const copy = JSON.parse(JSON.stringify(summary));
      change(copy);
      return copy;
    };
    const fieldOf = (data: unknown): string | undefined => {
      try {
        validateSummary(data, 'x.summary.json');
      } catch (error) {
        return (error as { field?: string }).field;
      }
      return undefined;
    };
    expect(fieldOf(broken((copy) => (copy.figures[0].lable = '地区生产总值')))).toBe('$.figures[0]');
    expect(fieldOf(broken((copy) => (copy.titel = 'x')))).toBe('$');
    expect(fieldOf(broken((copy) => (copy.title = '政府工作报告\u001b[31m')))).toBe('$.title');
    expect(fieldOf(broken((copy) => (copy.highlights[0].text = 'a\u0000b')))).toBe('$.highlights[0].text');
    expect(fieldOf(broken((copy) => (copy.targets[0].title = '\ud800')))).toBe('$.targets[0].title');
    expect(fieldOf(broken((copy) => (copy.highlights[0].text = '长'.repeat(100_000))))).toBe('$.highlights[0].text');
    expect(fieldOf(summary)).toBeUndefined();
  });
});

describe('the terminal', () => {
  it('shows control and escape characters from reports as codes', async () => {
    const { safeForTerminal } = await import('../../src/cli/terminal.js');
    expect(safeForTerminal('沁水县\u001b[2J\u0007 ok\n')).toBe('沁水县\\u001b[2J\\u0007 ok\n');
  });
});

describe('a figure a person corrected', () => {
  it('keeps its quote when the extracted value is kept in reviewed, and not otherwise', async () => {
    const summary = await editableSummary();
    const figure = summary.figures[0];
    const { label, valueText, value, unit, growthPct, year, kind } = figure;
    // Corrected without a record: the number is not in the quote, refused as before.
    const silent = JSON.parse(JSON.stringify(summary));
    Object.assign(silent.figures[0], { valueText: '426.9', value: 426.9 });
    expect(() => validateSummary(silent, 'x.summary.json')).toThrowError(
      expect.objectContaining({ field: '$.figures[0].quote' }),
    );
    // Corrected with the extracted figure kept beside it: valid, the quote untouched.
    const honest = JSON.parse(JSON.stringify(summary));
    Object.assign(honest.figures[0], {
      valueText: '426.9',
      value: 426.9,
      reviewed: {
        at: '2026-12-01T09:00:00Z',
        by: '办公室',
        extracted: { label, valueText, value, unit, growthPct, year, kind },
      },
    });
    expect(validateSummary(honest, 'x.summary.json').figures[0]).toMatchObject({
      value: 426.9,
      quote: figure.quote,
      reviewed: { extracted: { value } },
    });
    // The record must be the extraction's: its value must be the quote's.
    const faked = JSON.parse(JSON.stringify(honest));
    faked.figures[0].reviewed.extracted.valueText = '999';
    expect(() => validateSummary(faked, 'x.summary.json')).toThrowError(
      expect.objectContaining({ field: '$.figures[0].quote' }),
    );
  });
});

// Producer parity (issue 21): the five samples as PDFs by Chromium (a newspaper page in 2–4 columns), pdfmake and
// LibreOffice (tests/fixtures/pdf/, written by scripts/make-pdf-fixtures.mjs) give the summary of their text. The
// numbers come from scripts/pdf-parity.mjs, the script whose table the closing note quotes (on dist/, built by
// the global setup).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLES } from '../helpers/samples.js';

interface ParityRow {
  producer: string;
  sample: string;
  region: string;
  pdfRegion: string;
  same: number;
  total: number;
  missing: string[];
}

describe('PDFs of the samples by three producers', () => {
  it('give every sample’s region and at least 98% of its figures with the same label, value, unit and growth', () => {
    const output = execFileSync(process.execPath, [join(ROOT, 'scripts/pdf-parity.mjs'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const { rows } = JSON.parse(output) as { rows: ParityRow[] };
    expect(new Set(rows.map((row) => row.producer))).toEqual(new Set(['chromium', 'libreoffice', 'pdfmake']));
    expect(rows).toHaveLength(3 * SAMPLES.length);
    for (const row of rows) {
      const name = `${row.producer} ${row.sample}`;
      expect(row.pdfRegion, name).toBe(row.region);
      expect(row.total, name).toBeGreaterThan(20);
      expect(row.same / row.total, `${name}: missing ${row.missing.join(', ')}`).toBeGreaterThanOrEqual(0.98);
    }
  });
});

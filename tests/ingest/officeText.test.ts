// Old office formats (.doc, .wps, .rtf, .odt) through LibreOffice: a clear error naming the package when it is missing,
// and, where it is installed (scripts/setup.sh installs it, so always in CI), the sample's summary from each format.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { findSoffice } from '../../src/ingest/officeText.js';
import { readReport } from '../../src/ingest/readReport.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const FIXTURES = join(ROOT, 'tests/fixtures/office');

describe('findSoffice', () => {
  it('finds soffice on PATH, else in the usual place of LibreOffice on macOS and Windows, else nothing', () => {
    const executables = new Set([
      '/opt/lo/bin/soffice',
      '/Applications/LibreOffice.app/Contents/MacOS/soffice',
      'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    ]);
    const exists = (file: string): boolean => executables.has(file);
    expect(findSoffice({ PATH: '/usr/bin:/opt/lo/bin' }, 'linux', exists)).toBe('/opt/lo/bin/soffice');
    expect(findSoffice({ PATH: '/usr/bin' }, 'linux', exists)).toBeUndefined();
    expect(findSoffice({ PATH: '/usr/bin' }, 'darwin', exists)).toBe(
      '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    );
    expect(findSoffice({ Path: 'C:\\Windows' }, 'win32', exists)).toBe(
      'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    );
  });
});

describe('an old office format without LibreOffice', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('is refused naming the package to install', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-office-')), 'report.doc');
    writeFileSync(file, 'not read');
    process.env.PATH = mkdtempSync(join(tmpdir(), 'briefing-empty-path-'));
    await expect(readReport(file)).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      message: 'reading .doc files needs LibreOffice, and soffice is not on PATH',
      hint: 'install LibreOffice: on Debian or Ubuntu `apt-get install libreoffice-writer-nogui`, on macOS and Windows from libreoffice.org',
      file,
    });
  });
});

// In CI LibreOffice is always there (scripts/setup.sh): the conversions must run, not skip.
describe.skipIf(findSoffice() === undefined && !process.env.CI)('old office formats through LibreOffice', () => {
  const sample = SAMPLES[4]!;
  let reference: BriefingSummary;
  beforeAll(async () => {
    reference = await extractSummary(await readReport(sample.path));
  });

  // report.wps is the .doc under WPS Office's name: WPS writes its documents in Word's binary format.
  it.each(['doc', 'wps', 'rtf', 'odt'])('reads a .%s made from the sample 沁水县 as its text', async (format) => {
    const report = await readReport(join(FIXTURES, `report.${format}`));
    const summary = await extractSummary(report);
    expect(summary.source.encoding).toBe(format);
    expect(summary.region.name).toBe(reference.region.name);
    const key = (figure: BriefingSummary['figures'][number]) =>
      JSON.stringify([figure.label, figure.value, figure.unit, figure.growthPct ?? null]);
    const found = new Set(summary.figures.map(key));
    expect(
      reference.figures.filter((figure) => found.has(key(figure))).length / reference.figures.length,
    ).toBeGreaterThanOrEqual(0.98);
  });

  it('refuses a file LibreOffice cannot read as a document', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-office-')), 'broken.odt');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]));
    await expect(readReport(file)).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      message: 'LibreOffice could not read this .odt file',
      file,
    });
  });
});

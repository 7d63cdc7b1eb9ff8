// Tesseract is found on PATH (or where its installers put it); without it, a scan or photo fails with the package to
// install, named for each system.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTesseract } from '../../../src/ingest/ocr/findTesseract.js';
import { readReport } from '../../../src/ingest/readReport.js';

const emptyFolder = mkdtempSync(join(tmpdir(), 'briefing-no-tesseract-'));
const fixture = join(import.meta.dirname, 'fixtures/qinyuan-page1-150dpi-mono.png');
const savedPath = process.env.PATH;

afterEach(() => {
  process.env.PATH = savedPath;
});

describe('findTesseract', () => {
  it('finds the program on PATH', () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-tesseract-'));
    writeFileSync(join(folder, 'tesseract'), '#!/bin/sh\n');
    chmodSync(join(folder, 'tesseract'), 0o755);
    expect(findTesseract('scan.png', { PATH: `${emptyFolder}:${folder}` }, 'linux')).toBe(join(folder, 'tesseract'));
  });

  it('names the package to install on each system when it is missing', () => {
    let error: unknown;
    try {
      findTesseract('scan.png', { PATH: emptyFolder }, 'linux');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'OCR_UNAVAILABLE',
      file: 'scan.png',
      message: 'this is a scan or a photo, and reading it needs Tesseract OCR, which is not installed (not on PATH)',
    });
    const { hint } = error as { hint: string };
    expect(hint).toContain('sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim');
    expect(hint).toContain('brew install tesseract tesseract-lang');
    expect(hint).toContain('UB-Mannheim');
  });

  it('fails a photo read without Tesseract on PATH with that error, before anything is run', async () => {
    process.env.PATH = emptyFolder;
    await expect(readReport(fixture)).rejects.toMatchObject({
      code: 'OCR_UNAVAILABLE',
      file: fixture,
      hint: expect.stringContaining('tesseract-ocr-chi-sim'),
    });
  });
});

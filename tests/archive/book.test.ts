// The print set: `build --book` binds every briefing of a batch into one PDF with the book's own page numbers in each
// template's footer, bookmarks, and (with --duplex) a blank back after each briefing; a briefing's own PDF says page 1.
// The regions side by side (the comparison page) come after the contents, before the briefings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pageCount } from '../helpers/pdfTools.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const CLI = join(ROOT, 'bin/briefing.js');
const pageText = (pdf: string, page: number): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, '');

function build(args: string[], samples = SAMPLES.slice(0, 3)): string {
  const out = mkdtempSync(join(tmpdir(), 'briefing-book-'));
  execFileSync(process.execPath, [CLI, 'build', ...samples.map((sample) => sample.path), '-o', out, ...args], {
    stdio: 'pipe',
  });
  return out;
}

describe('build --book', () => {
  it.each(['handout', 'official', 'compact'])(
    'numbers the pages of the %s template by their place in the book, and its own PDFs 1',
    async (template) => {
      const out = build(['--book', '--duplex', '-t', template]);
      const book = join(out, 'book.pdf');
      // Cover and contents, the comparison and its blank back, then each briefing followed by its blank back.
      expect(pageCount(book)).toBe(2 + 2 + 3 * 2);
      const numbered =
        template === 'official'
          ? (page: number) => `—${page}—`
          : template === 'handout'
            ? (page: number) => `第${page}页`
            : (page: number) => `${page}`;
      for (const page of [5, 7, 9]) expect(pageText(book, page)).toContain(numbered(page));
      for (const page of [4, 6, 8, 10]) expect(pageText(book, page)).toBe('');
      expect(pageText(book, 2)).toMatch(/各地区主要指标对照(?:页码)?3/);
      expect(pageText(book, 2)).toMatch(/上党区长治市1404045屯留区长治市1404057沁源县长治市1404319/);
      expect(pageText(book, 3)).toMatch(/^长治市各地区主要指标对照3个地区.*上党区.*屯留区.*沁源县/);
      const document = await getDocument({ data: new Uint8Array(readFileSync(book)), verbosity: 0 }).promise;
      expect((await document.getOutline()).map((item) => item.title)).toEqual([
        '各地区主要指标对照',
        '上党区',
        '屯留区',
        '沁源县',
      ]);
      expect(await document.getPageLabels()).toEqual([
        '封面',
        '目录',
        '对照',
        '空白',
        '上党区',
        '空白',
        '屯留区',
        '空白',
        '沁源县',
        '空白',
      ]);
      expect(pageText(join(out, '140431-沁源县.pdf'), 1)).toContain(numbered(1));
    },
  );

  it('prints the issuer given with --issuer on the official template, in the book and the briefings', () => {
    const print = join(mkdtempSync(join(tmpdir(), 'briefing-print-')), '印刷.pdf');
    const out = build(['--book', print, '-t', 'official', '--issuer', '长治市人大常委会办公室']);
    expect(pageText(print, 4)).toContain('长治市人大常委会办公室简报');
    // Without --duplex no blank back: cover, contents, the comparison, the briefings.
    expect(pageCount(print)).toBe(2 + 1 + 3);
    expect(pageText(join(out, '140405-屯留区.pdf'), 1)).toContain('长治市人大常委会办公室简报');
  });

  it('binds no comparison for one region: there is nothing to compare it with', async () => {
    const book = join(build(['--book'], SAMPLES.slice(4, 5)), 'book.pdf');
    expect(pageCount(book)).toBe(2 + 1);
    const document = await getDocument({ data: new Uint8Array(readFileSync(book)), verbosity: 0 }).promise;
    expect(await document.getPageLabels()).toEqual(['封面', '目录', '沁水县']);
    expect(pageText(book, 2)).not.toContain('各地区主要指标对照');
  });
});

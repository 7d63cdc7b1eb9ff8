// Real-world inputs: every encoding and format a report arrives in gives the same summary as the UTF-8 text.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { PDFDocument } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { findTesseract } from '../../src/ingest/ocr/findTesseract.js';
import { readReport } from '../../src/ingest/readReport.js';
import { layOutPdf } from '../../src/pdf/renderPdf.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const folder = mkdtempSync(join(tmpdir(), 'briefing-formats-'));
const sample = SAMPLES[4]!;
const text = readFileSync(sample.path, 'utf8');
let reference: BriefingSummary;

beforeAll(async () => {
  reference = await extractSummary(await readReport(sample.path));
});

function saved(name: string, bytes: Uint8Array): string {
  const file = join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

/** The summary without what legitimately differs between encodings of the same text. */
function comparable(summary: BriefingSummary): unknown {
  return { ...summary, id: null, source: { ...summary.source, sha256: null, encoding: null, file: null } };
}

function tesseractInstalled(): boolean {
  try {
    return Boolean(findTesseract('scan.pdf'));
  } catch {
    return false;
  }
}

const figureSet = (summary: BriefingSummary): string[] =>
  summary.figures.map((figure) => `${figure.value}${figure.unit}`).sort();

describe('encodings', () => {
  it.each([
    ['GB18030', 'gb18030', iconv.encode(text, 'gb18030')],
    ['GBK', 'gb18030', iconv.encode(text, 'gbk')],
    ['UTF-8 with BOM', 'utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16 LE with BOM', 'utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['UTF-16 BE with BOM', 'utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
    ['UTF-16 LE without BOM', 'utf-16le', iconv.encode(text, 'utf-16le')],
  ])('%s gives the same summary as UTF-8 and records its encoding', async (name, encoding, bytes) => {
    const report = await readReport(saved(`${name.replace(/\W+/g, '-')}.txt`, bytes));
    const summary = await extractSummary(report);
    expect(report.original).toBe(text);
    expect(summary.source.encoding === encoding || (name === 'GBK' && summary.source.encoding === 'gbk')).toBe(true);
    expect(comparable(summary)).toEqual(comparable(reference));
  });
});

describe('formats', () => {
  it('reads a .docx made from the sample', async () => {
    const document = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
    const file = saved('report.docx', await Packer.toBuffer(document));
    const summary = await extractSummary(await readReport(file));
    expect(summary.source.encoding).toBe('docx');
    expect(summary.region.name).toBe('沁水县');
    expect(summary.session.date).toBe('2023-02-21');
    const shared = figureSet(summary).filter((figure) => figureSet(reference).includes(figure));
    expect(shared.length / reference.figures.length).toBeGreaterThan(0.9);
  });

  it('reads a PDF with a text layer made from the sample', async () => {
    const lines = text.split('\n').slice(0, 60);
    const pdf = await (
      await layOutPdf(
        { content: lines.map((line) => ({ text: line || ' ' })), defaultStyle: { font: 'NotoSansSC', fontSize: 9 } },
        ['NotoSansSC'],
      )
    ).toBuffer();
    const summary = await extractSummary(await readReport(saved('report.pdf', pdf)));
    expect(summary.source.encoding).toBe('pdf');
    expect(summary.region.name).toBe('沁水县');
    expect(summary.figures.map((figure) => figure.valueText)).toEqual(
      expect.arrayContaining(['426.8', '102.9', '4061.7']),
    );
  });

  it('reads the whole report from a PDF whose text layer is hard-wrapped, figures as from the text', async () => {
    // Every paragraph of the sample, wrapped by the layout at the page width: the text layer has a line break at the end
    // of every printed line and none between paragraphs, numbers cut from their units included.
    const paragraphs = text.split('\n').filter((line) => line.trim());
    const pdf = await (
      await layOutPdf(
        {
          content: paragraphs.map((line) => ({ text: line.trim(), margin: [0, 0, 0, 0] })),
          defaultStyle: { font: 'NotoSansSC', fontSize: 10.5 },
        },
        ['NotoSansSC'],
      )
    ).toBuffer();
    const report = await readReport(saved('wrapped.pdf', pdf));
    expect(report.original.split('\n').length).toBeGreaterThan(paragraphs.length * 1.5);
    const summary = await extractSummary(report);
    const key = (figure: BriefingSummary['figures'][number]): string =>
      `${figure.indicator ?? figure.label}|${figure.value}${figure.unit}|${figure.growthPct ?? ''}|${figure.kind}`;
    const fromText = new Set(reference.figures.map(key));
    const fromPdf = new Set(summary.figures.map(key));
    const kept = [...fromText].filter((figure) => fromPdf.has(figure));
    expect(summary.region.name).toBe('沁水县');
    expect(summary.session.date).toBe(reference.session.date);
    expect(
      kept.length / fromText.size,
      `lost: ${[...fromText].filter((figure) => !fromPdf.has(figure)).join(', ')}`,
    ).toBeGreaterThanOrEqual(0.95);
    for (const figure of summary.figures)
      expect(report.original.slice(figure.offset, figure.offset! + figure.quote.length)).toBe(figure.quote);
  });

  it('reads a PDF without a text layer by OCR (tests/ingest/ocr), and refuses one whose pages hold no text either', async () => {
    const pdf = await (
      await layOutPdf(
        {
          content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 200, h: 100, color: '#888888' }] }],
          defaultStyle: { font: 'NotoSansSC' },
        },
        ['NotoSansSC'],
      )
    ).toBuffer();
    // Without Tesseract (outside CI) the scan cannot be read at all: the error names the package instead.
    const expected = tesseractInstalled()
      ? { code: 'INPUT_NO_TEXT', message: 'OCR found no text on the page' }
      : { code: 'OCR_UNAVAILABLE' };
    await expect(readReport(saved('scan.pdf', pdf))).rejects.toMatchObject({
      ...expected,
      file: join(folder, 'scan.pdf'),
    });
  }, 60_000);
});

describe('bad input', () => {
  it('refuses binary files, empty files, broken documents and texts that are not reports, naming the file', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b30000000049454e44ae426082',
      'hex',
    );
    await expect(readReport(saved('image.txt', png))).rejects.toMatchObject({
      code: 'INPUT_BINARY',
      file: join(folder, 'image.txt'),
    });
    await expect(readReport(saved('empty.txt', Buffer.alloc(0)))).rejects.toMatchObject({ code: 'INPUT_EMPTY' });
    await expect(readReport(saved('broken.docx', Buffer.from('PK not really a zip')))).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      file: join(folder, 'broken.docx'),
    });
    await expect(readReport(saved('broken.pdf', Buffer.from('%PDF-1.7 nothing')))).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
    });
    const noFigures = await readReport(
      saved('letter.txt', Buffer.from('沁水县人民政府：\n\n来信收悉，感谢您对沁水县发展的关心。')),
    );
    await expect(extractSummary(noFigures)).rejects.toMatchObject({
      code: 'INPUT_NOT_A_REPORT',
      file: join(folder, 'letter.txt'),
    });
  });

  it('handles a 5 MB report', async () => {
    let big = '';
    for (let round = 0; Buffer.byteLength(big) < 5 * 1024 * 1024; round += 1)
      big += `${text.replace(/\d/g, (digit) => String((Number(digit) + round) % 10))}\n\n`;
    const summary = await extractSummary(await readReport(saved('big.txt', Buffer.from(big))));
    expect(summary.region.name).toBe('沁水县');
    expect(summary.figures.length).toBeGreaterThan(100);
  });
});

describe('budgets', () => {
  it('refuses a .docx that would unpack to more than its budget, before inflating it', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const { MAX_DOCX_XML_BYTES } = await import('../../src/ingest/extractDocumentText.js');
    // A 300 MB paragraph compresses to a few hundred KB: the budget is read from the zip's directory.
    const paragraph = 'x'.repeat(MAX_DOCX_XML_BYTES + 1024);
    const bomb = zipSync(
      {
        '[Content_Types].xml': strToU8('<Types/>'),
        'word/document.xml': strToU8(
          `<w:document><w:body><w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p></w:body></w:document>`,
        ),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    await expect(readReport(saved('bomb.docx', bomb))).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      message: expect.stringContaining('unpacks to'),
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reads a document above the text files' budget: a PDF's images are not text", async () => {
    const { MAX_REPORT_BYTES } = await import('../../src/ingest/readReport.js');
    const pdf = await PDFDocument.load(
      readFileSync(join(ROOT, 'tests/fixtures/pdf/libreoffice', SAMPLES[0]!.file.replace(/\.txt$/, '.pdf'))),
    );
    // A picture's worth of incompressible bytes, as a scan or a photo brings: in the file, not in its text.
    pdf.context.register(pdf.context.stream(randomBytes(MAX_REPORT_BYTES + 1024)));
    const file = saved('with-pictures.pdf', await pdf.save());
    expect(statSync(file).size).toBeGreaterThan(MAX_REPORT_BYTES);
    const report = await readReport(file);
    expect(report.normalized).toContain(SAMPLES[0]!.golden.region.name);
  });

  it('refuses a document above its budget before reading a byte of it, naming the file', async () => {
    const { MAX_DOCUMENT_BYTES } = await import('../../src/ingest/readReport.js');
    const file = join(folder, 'enormous.pdf');
    truncateSync(saved('enormous.pdf', new Uint8Array()), MAX_DOCUMENT_BYTES + 1); // sparse: nothing written
    await expect(readReport(file)).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      file,
      message: expect.stringContaining('documents above 128 MB are refused'),
    });
  });

  it('refuses a text file above the size budget, naming the file', async () => {
    const { MAX_REPORT_BYTES } = await import('../../src/ingest/readReport.js');
    const file = saved('huge.txt', Buffer.alloc(MAX_REPORT_BYTES + 1, 0x41));
    await expect(readReport(file)).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      file,
      message: expect.stringContaining('MB are refused'),
    });
  });
});

/**
 * book.pdf: a cover (session, date, regions), a contents page, then every briefing in gazetteer order, with one
 * bookmark (outline entry) and one page label per region. The cover and contents are laid out by pdfmake; the
 * briefings' own pages are copied in unchanged with pdf-lib, so the book shows exactly the archived PDFs.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from '@cantoo/pdf-lib';
import { layOutPdf } from '../pdf/renderPdf.js';
import { SANS } from '../pdf/fonts.js';
import { formatChineseDate } from '../layout/helpers.js';
import type { BriefingSummary } from '../summary/schema.js';

export interface BookEntry {
  summary: BriefingSummary;
  pdf: Uint8Array;
}

export interface BookInput {
  session: string;
  date: string;
  entries: BookEntry[];
  creationDate: Date;
  pdfa: boolean;
}

const FRONT_PAGES = 2;

export async function makeBook({ session, date, entries, creationDate, pdfa }: BookInput): Promise<{ pdf: Uint8Array; pages: number }> {
  const front = await layOutPdf(frontMatter(session, date, entries, creationDate, pdfa), [SANS.name]);
  const book = await PDFDocument.load(await front.toBuffer(), { updateMetadata: false });
  const firstPages: PDFRef[] = [];
  for (const entry of entries) {
    const source = await PDFDocument.load(entry.pdf, { updateMetadata: false });
    const pages = await book.copyPages(source, source.getPageIndices());
    firstPages.push(pages[0]!.ref);
    for (const page of pages) book.addPage(page);
  }
  addOutline(book, entries.map((entry, index) => ({ title: entry.summary.region.name, page: firstPages[index]! })));
  addPageLabels(book, entries);
  const bytes = await book.save({ useObjectStreams: false });
  return { pdf: bytes, pages: book.getPageCount() };
}

function frontMatter(session: string, date: string, entries: BookEntry[], creationDate: Date, pdfa: boolean): Record<string, unknown> {
  const regions = entries.map((entry) => entry.summary.region);
  const cell = (text: string, style: Record<string, unknown> = {}) => ({ text, ...style });
  return {
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 56],
    defaultStyle: { font: SANS.name, fontSize: 11, lineHeight: 1.35 },
    info: { title: `${session} 简报汇编`, author: session, subject: `${session} ${formatChineseDate(date)}`, keywords: regions.map((region) => region.name).join(', '), creator: 'briefing', producer: 'briefing (pdfmake, pdf-lib)', creationDate, modDate: creationDate },
    language: 'zh-CN',
    ...(pdfa ? { version: '1.7', subset: 'PDF/A-2b' } : {}),
    content: [
      { text: session, fontSize: 30, bold: true, color: '#1f4e8c', alignment: 'center', margin: [0, 150, 0, 12] },
      { text: '简报汇编', fontSize: 18, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: formatChineseDate(date), fontSize: 13, color: '#555555', alignment: 'center', margin: [0, 0, 0, 40] },
      { text: `共 ${regions.length} 个地区：${regions.map((region) => region.name).join('、')}`, alignment: 'center', color: '#333333' },
      { text: '目录', fontSize: 18, bold: true, color: '#1f4e8c', pageBreak: 'before', margin: [0, 0, 0, 16] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto'],
          body: [
            [cell('地区', { bold: true }), cell('所属', { bold: true }), cell('区划代码', { bold: true }), cell('页码', { bold: true, alignment: 'right' })],
            ...regions.map((region, index) => [cell(region.name), cell(region.parent), cell(region.code), cell(String(FRONT_PAGES + index + 1), { alignment: 'right' })]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
    ],
  };
}

function addOutline(book: PDFDocument, items: { title: string; page: PDFRef }[]): void {
  if (items.length === 0) return;
  const { context } = book;
  const outlineRef = context.nextRef();
  const itemRefs = items.map(() => context.nextRef());
  items.forEach((item, index) => {
    context.assign(
      itemRefs[index]!,
      context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: outlineRef,
        Dest: [item.page, 'Fit'],
        ...(index > 0 ? { Prev: itemRefs[index - 1]! } : {}),
        ...(index < items.length - 1 ? { Next: itemRefs[index + 1]! } : {}),
      }),
    );
  });
  context.assign(outlineRef, context.obj({ Type: 'Outlines', First: itemRefs[0]!, Last: itemRefs.at(-1)!, Count: items.length }));
  book.catalog.set(PDFName.of('Outlines'), outlineRef);
  book.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Page labels a viewer shows instead of bare numbers: 封面, 目录, then each region's name. */
function addPageLabels(book: PDFDocument, entries: BookEntry[]): void {
  const { context } = book;
  const labels: [number, string][] = [[0, '封面'], [1, '目录'], ...entries.map((entry, index): [number, string] => [FRONT_PAGES + index, entry.summary.region.name])];
  const nums = labels.flatMap(([page, prefix]) => [page, context.obj({ P: PDFHexString.fromText(prefix) })]);
  book.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: nums }));
}

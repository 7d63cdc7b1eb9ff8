/**
 * book.pdf: a cover (session, date, regions), a contents page, the regions side by side (the comparison page(s) of
 * `briefing compare`, when the book has two regions or more), then every briefing, with one bookmark (outline entry)
 * and one page label per region and for the comparison. The cover and contents are laid out by pdfmake; each briefing is rendered for its
 * place in the book (so its footer prints the book's page number) and its page copied in with pdf-lib. For duplex
 * printing a blank page follows each briefing (and the comparison, when its pages are odd), so every briefing starts
 * on a new sheet.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from '@cantoo/pdf-lib';
import { layOutPdf } from '../pdf/renderPdf.js';
import { SANS } from '../pdf/fonts.js';
import { formatChineseDate } from '../layout/helpers.js';
import { compareRegions } from '../compare/compareRegions.js';
import { COMPARISON_HEADING, renderComparison } from '../compare/renderComparison.js';
import type { BriefingSummary } from '../summary/schema.js';

export interface BookEntry {
  summary: BriefingSummary;
  /** The briefing's one-page PDF with `pageNumber` in its footer. */
  render(pageNumber: number): Promise<Uint8Array>;
}

export interface BookInput {
  session: string;
  date: string;
  entries: BookEntry[];
  creationDate: Date;
  pdfa: boolean;
  /** A blank page after each briefing, so each starts on a new sheet when printed on both sides. */
  duplex?: boolean;
}

const FRONT_PAGES = 2;
/** A comparison needs two regions at least. */
const MIN_COMPARED = 2;

/** Where things stand in the book: the comparison's pages (with a blank back, duplex) come before the briefings. */
interface BookLayout {
  comparisonPages: number;
  /** Pages before the first briefing: cover, contents, the comparison and its blank back. */
  lead: number;
  duplex: boolean;
}

/** The book's page number (1-based) of the index-th briefing. */
function pageOf(index: number, { lead, duplex }: BookLayout): number {
  return lead + index * (duplex ? 2 : 1) + 1;
}

export async function makeBook({
  session,
  date,
  entries,
  creationDate,
  pdfa,
  duplex = false,
}: BookInput): Promise<{ pdf: Uint8Array; pages: number }> {
  const comparison =
    entries.length >= MIN_COMPARED
      ? await renderComparison(compareRegions(entries.map((entry) => entry.summary)), { creationDate })
      : undefined;
  const comparisonPages = comparison?.pages ?? 0;
  const layout: BookLayout = {
    comparisonPages,
    lead: FRONT_PAGES + comparisonPages + (duplex && comparisonPages % 2 === 1 ? 1 : 0),
    duplex,
  };
  const front = await layOutPdf(frontMatter(session, date, entries, creationDate, pdfa, layout), [SANS.name]);
  const book = await PDFDocument.load(await front.toBuffer(), { updateMetadata: false });
  const outline: { title: string; page: PDFRef }[] = [];
  if (comparison) {
    const source = await PDFDocument.load(comparison.pdf, { updateMetadata: false });
    const pages = await book.copyPages(source, source.getPageIndices());
    for (const page of pages) book.addPage(page);
    outline.push({ title: COMPARISON_HEADING, page: pages[0]!.ref });
    // The first briefing starts on a new sheet: after an odd comparison, a blank back (portrait, as the briefings).
    if (layout.lead > FRONT_PAGES + comparisonPages)
      book.addPage([book.getPage(0).getWidth(), book.getPage(0).getHeight()]);
  }
  for (const [index, entry] of entries.entries()) {
    const source = await PDFDocument.load(await entry.render(pageOf(index, layout)), { updateMetadata: false });
    const [page] = await book.copyPages(source, [0]);
    outline.push({ title: entry.summary.region.name, page: page!.ref });
    book.addPage(page!);
    if (duplex) book.addPage([page!.getWidth(), page!.getHeight()]);
  }
  addOutline(book, outline);
  addPageLabels(book, entries, layout);
  const bytes = await book.save({ useObjectStreams: false });
  return { pdf: bytes, pages: book.getPageCount() };
}

function frontMatter(
  session: string,
  date: string,
  entries: BookEntry[],
  creationDate: Date,
  pdfa: boolean,
  layout: BookLayout,
): Record<string, unknown> {
  const regions = entries.map((entry) => entry.summary.region);
  const cell = (text: string, style: Record<string, unknown> = {}) => ({ text, ...style });
  return {
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 56],
    defaultStyle: { font: SANS.name, fontSize: 11, lineHeight: 1.35 },
    info: {
      title: `${session} 简报汇编`,
      author: session,
      subject: `${session} ${formatChineseDate(date)}`,
      keywords: regions.map((region) => region.name).join(', '),
      creator: 'briefing',
      producer: 'briefing (pdfmake, pdf-lib)',
      creationDate,
      modDate: creationDate,
    },
    language: 'zh-CN',
    ...(pdfa ? { version: '1.7', subset: 'PDF/A-2b' } : {}),
    content: [
      { text: session, fontSize: 30, bold: true, color: '#1f4e8c', alignment: 'center', margin: [0, 150, 0, 12] },
      { text: '简报汇编', fontSize: 18, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: formatChineseDate(date), fontSize: 13, color: '#555555', alignment: 'center', margin: [0, 0, 0, 40] },
      {
        text: `共 ${regions.length} 个地区：${regions.map((region) => region.name).join('、')}`,
        alignment: 'center',
        color: '#333333',
      },
      { text: '目录', fontSize: 18, bold: true, color: '#1f4e8c', pageBreak: 'before', margin: [0, 0, 0, 16] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto'],
          body: [
            [
              cell('地区', { bold: true }),
              cell('所属', { bold: true }),
              cell('区划代码', { bold: true }),
              cell('页码', { bold: true, alignment: 'right' }),
            ],
            ...(layout.comparisonPages > 0
              ? [
                  [
                    cell(COMPARISON_HEADING, { bold: true }),
                    cell(''),
                    cell(''),
                    cell(String(FRONT_PAGES + 1), { alignment: 'right' }),
                  ],
                ]
              : []),
            ...regions.map((region, index) => [
              cell(region.name),
              cell(region.parent),
              cell(region.code),
              cell(String(pageOf(index, layout)), { alignment: 'right' }),
            ]),
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
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: itemRefs[0]!, Last: itemRefs.at(-1)!, Count: items.length }),
  );
  book.catalog.set(PDFName.of('Outlines'), outlineRef);
  book.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Page labels a viewer shows instead of bare numbers: 封面, 目录, 对照, then each region's name (and 空白 for a blank page). */
function addPageLabels(book: PDFDocument, entries: BookEntry[], layout: BookLayout): void {
  const { context } = book;
  const { comparisonPages, lead, duplex } = layout;
  const labels: [number, string][] = [
    [0, '封面'],
    [1, '目录'],
    ...(comparisonPages > 0 ? [[FRONT_PAGES, '对照'] as [number, string]] : []),
    ...(lead > FRONT_PAGES + comparisonPages ? [[FRONT_PAGES + comparisonPages, '空白'] as [number, string]] : []),
    ...entries.flatMap((entry, index): [number, string][] => {
      const page = pageOf(index, layout) - 1;
      return duplex
        ? [
            [page, entry.summary.region.name],
            [page + 1, '空白'],
          ]
        : [[page, entry.summary.region.name]];
    }),
  ];
  const nums = labels.flatMap(([page, prefix]) => [page, context.obj({ P: PDFHexString.fromText(prefix) })]);
  book.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: nums }));
}

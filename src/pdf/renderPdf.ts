/**
 * PDF stage: a pdfmake document definition → PDF bytes, with the number of pages known before the bytes are
 * written, so the layout stage can refit a briefing that does not fit on one page without writing it first.
 */
import { createRequire } from 'node:module';
import type PrinterClass from 'pdfmake/js/Printer.js';
import type URLResolverClass from 'pdfmake/js/URLResolver.js';
import type virtualfsInstance from 'pdfmake/js/virtual-fs.js';
import { BriefingError } from '../errors.js';
import { FONTS_DIR, fontBytes, pdfmakeFontDescriptors } from './fonts.js';

// pdfmake's internals are CommonJS modules with a `default` export; the public entry is a process-wide singleton,
// so the printer is built from them directly and owned by this module.
const require = createRequire(import.meta.url);
const Printer = (require('pdfmake/js/Printer.js') as { default: typeof PrinterClass }).default;
const URLResolver = (require('pdfmake/js/URLResolver.js') as { default: typeof URLResolverClass }).default;
const virtualfs = (require('pdfmake/js/virtual-fs.js') as { default: typeof virtualfsInstance }).default;

export type DocDefinition = Record<string, unknown>;

export interface LaidOutPdf {
  pages: number;
  /** Finishes the document: font subsets are embedded and the bytes returned. */
  toBuffer(): Promise<Buffer>;
}

/** Table layouts templates may name ("layout": "briefingTiles"): tiles separated by white gutters. */
const TABLE_LAYOUTS = {
  briefingTiles: {
    hLineWidth: () => 4,
    vLineWidth: () => 4,
    hLineColor: () => '#ffffff',
    vLineColor: () => '#ffffff',
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 0,
  },
};

let printer: PrinterClass | undefined;

function getPrinter(): PrinterClass {
  if (printer) return printer;
  for (const [file, bytes] of fontBytes()) virtualfs.writeFileSync(file, bytes);
  const urlResolver = new URLResolver(virtualfs);
  // Report text must never make the renderer fetch anything: no URLs at all, local files only from our fonts.
  urlResolver.setUrlAccessPolicy(() => false);
  printer = new Printer(pdfmakeFontDescriptors(), virtualfs, urlResolver, (path) => path.startsWith(FONTS_DIR));
  return printer;
}

export async function layOutPdf(docDefinition: DocDefinition): Promise<LaidOutPdf> {
  let pages = 0;
  // pdfmake calls the footer once per page with the final page count: the cheapest way to learn it.
  const staticFooter = docDefinition.footer;
  const definition: DocDefinition = {
    ...docDefinition,
    footer: (_page: number, pageCount: number) => {
      pages = pageCount;
      return staticFooter ?? null;
    },
  };
  let document;
  try {
    document = await getPrinter().createPdfKitDocument(definition, { tableLayouts: TABLE_LAYOUTS });
  } catch (error) {
    throw new BriefingError('RENDER_FAILED', `PDF layout failed: ${(error as Error).message}`, { cause: error });
  }
  return {
    pages,
    toBuffer: () =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        document.on('data', (chunk: Buffer) => chunks.push(chunk));
        document.on('end', () => resolve(Buffer.concat(chunks)));
        document.on('error', reject);
        document.end();
      }),
  };
}

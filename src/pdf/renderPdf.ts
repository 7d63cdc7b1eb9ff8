/**
 * PDF stage: a pdfmake document definition → PDF bytes, with the number of pages known before the bytes are
 * written, so the layout stage can refit a briefing that does not fit on one page without writing it first.
 */
import { createRequire } from 'node:module';
import { resolve, sep } from 'node:path';
import type PrinterClass from 'pdfmake/js/Printer.js';
import type URLResolverClass from 'pdfmake/js/URLResolver.js';
import type virtualfsInstance from 'pdfmake/js/virtual-fs.js';
import { BriefingError } from '../errors.js';
import { FONT_FAMILIES, FONTS_DIR, fontFileBytes, parseFontsOncePerProcess, pdfmakeFontDescriptors } from './fonts.js';

// pdfmake's internals are CommonJS modules with a `default` export; the public entry is a process-wide singleton,
// so the printer is built from them directly and owned by this module. Fonts are set up to be parsed once before
// pdfmake (and with it pdfkit) is loaded.
const require = createRequire(import.meta.url);
parseFontsOncePerProcess();
const Printer = (require('pdfmake/js/Printer.js') as { default: typeof PrinterClass }).default;
const URLResolver = (require('pdfmake/js/URLResolver.js') as { default: typeof URLResolverClass }).default;
const virtualfs = (require('pdfmake/js/virtual-fs.js') as { default: typeof virtualfsInstance }).default;

export type DocDefinition = Record<string, unknown>;

export interface LaidOutPdf {
  pages: number;
  /** Finishes the document: font subsets are embedded and the bytes returned. */
  toBuffer(): Promise<Buffer>;
}

/** Table layouts templates may name ("layout": "briefingTiles"), beside pdfmake's own (lightHorizontalLines …). */
const TABLE_LAYOUTS = {
  /** Key-figure tiles separated by white gutters. */
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
  /** GB/T 9704-style table: thin black rules all round. */
  officialTable: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 1.5,
    paddingBottom: () => 1.5,
  },
};

let printer: PrinterClass | undefined;
/** Folders pdfmake may read local files from: the fonts, and the folders of the templates in use. */
const readableFolders = new Set<string>([FONTS_DIR]);

/** Lets documents of a template read the files of its own folder (a logo, say), and nothing else. */
export function allowTemplateFolder(folder: string): void {
  readableFolders.add(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

function getPrinter(): PrinterClass {
  if (printer) return printer;
  const urlResolver = new URLResolver(virtualfs);
  // Report text must never make the renderer fetch anything: no URLs at all, local files only from our fonts.
  urlResolver.setUrlAccessPolicy(() => false);
  const isReadable = (path: string): boolean => {
    const absolute = resolve(path);
    return [...readableFolders].some((folder) => absolute.startsWith(folder));
  };
  printer = new Printer(pdfmakeFontDescriptors(), virtualfs, urlResolver, isReadable);
  return printer;
}

/** Puts the font files of the families a document uses into pdfmake's in-memory file system, once each. */
function provideFonts(familyNames: readonly string[]): void {
  for (const family of FONT_FAMILIES.filter((candidate) => familyNames.includes(candidate.name))) {
    for (const file of [family.regular, family.bold]) {
      if (!virtualfs.existsSync(file)) virtualfs.writeFileSync(file, fontFileBytes(file));
    }
  }
}

/** `fonts`: the families the document uses (from its template's manifest); they are loaded on first use. */
export async function layOutPdf(docDefinition: DocDefinition, fonts: readonly string[]): Promise<LaidOutPdf> {
  provideFonts(fonts);
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

import { realpathSync } from 'node:fs';
/**
 * PDF stage: a pdfmake document definition → PDF bytes, in two phases. `layOutPdf` only lays the document out
 * (pdfmake's LayoutBuilder): the page count and how much room the content takes are known before anything is drawn,
 * so the fitter can try another scale for almost nothing. `toBuffer` then draws the accepted layout (Renderer),
 * embeds the font subsets and returns the bytes. A rejected layout is never drawn.
 *
 * pdfmake's public entry is a process-wide singleton that lays out and draws in one call, so this module drives
 * pdfmake's own building blocks the way its Printer does, minus URL resolution (no URL is ever fetched).
 */
import { resolve, sep } from 'node:path';
import { BriefingError } from '../errors.js';
import { FONT_FAMILIES, FONTS_DIR, fontFileBytes, pdfmakeFontDescriptors } from './fonts.js';
import { requireOwn } from './ownModules.js';
import { installPdfmakeFastPaths, svgMeasure } from './pdfmakeFastPaths.js';
import { TABLE_LAYOUTS } from './tableLayouts.js';

export type DocDefinition = Record<string, unknown>;

export interface LaidOutPdf {
  pages: number;
  /** Height the content needs, in points (all pages together), to estimate the scale that fits one page. */
  contentHeight: number;
  /** Height of one page's text area, in points. */
  pageContentHeight: number;
  /** Draws the layout, embeds the font subsets and returns the bytes. */
  toBuffer(): Promise<Buffer>;
}

interface PdfKitDocument {
  on(event: string, listener: (chunk: Buffer) => void): void;
  end(): void;
}
interface PageItem {
  type: string;
  item: { y?: number; h?: number; type?: string; _height?: number; getHeight?: () => number };
}
interface LaidOutPage {
  items: PageItem[];
}
type PdfKitDocumentClass = new (...args: unknown[]) => PdfKitDocument;
type LayoutBuilderClass = new (
  pageSize: unknown,
  margins: unknown,
  svgMeasure: unknown,
) => {
  registerTableLayouts(layouts: object): void;
  layoutDocument(...args: unknown[]): LaidOutPage[];
};

// pdfmake's internals are CommonJS modules with a `default` export, this library's own copy of them (ownModules.ts);
// the fast paths (fonts parsed once per process among them) are in place before any is used, where the installed
// versions are those they were written for.
const fastPaths = installPdfmakeFastPaths();
const PDFDocument = requireOwn<{ default: PdfKitDocumentClass }>('pdfmake/js/PDFDocument.js').default;
const LayoutBuilder = requireOwn<{ default: LayoutBuilderClass }>('pdfmake/js/LayoutBuilder.js').default;
const Renderer = requireOwn<{ default: new (document: PdfKitDocument) => { renderPages(pages: LaidOutPage[]): void } }>(
  'pdfmake/js/Renderer.js',
).default;
const { normalizePageSize, normalizePageMargin } = requireOwn('pdfmake/js/PageSize.js') as {
  normalizePageSize(size: unknown, orientation: unknown): { width: number; height: number };
  normalizePageMargin(margin: unknown): { left: number; top: number; right: number; bottom: number };
};
const { tableLayouts: PDFMAKE_TABLE_LAYOUTS } = requireOwn('pdfmake/js/tableLayouts.js') as { tableLayouts: object };
const { convertToDynamicContent } = requireOwn('pdfmake/js/helpers/tools.js') as {
  convertToDynamicContent(content: unknown): () => unknown;
};
const SVGMeasure = requireOwn<{ default: new () => object }>('pdfmake/js/SVGMeasure.js').default;
const virtualfs = requireOwn<{
  default: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
}>('pdfmake/js/virtual-fs.js').default;

/** What one document may read besides the fonts. */
export interface LayoutAccess {
  /** The folder of the template in use: its files (a logo, say) are readable to this document, and no other's. */
  templateFolder?: string;
}

/**
 * The local-file policy of one document: fonts/ and its own template's folder, by real path (a symlink inside an
 * allowed folder that leads out of it does not make its target readable). Kept per document, not per process: a
 * long-running `serve` renders with many templates, and one template's files must not become readable to another.
 */
function readableTo(access: LayoutAccess): (path: string) => boolean {
  const folders = [FONTS_DIR, ...(access.templateFolder ? [access.templateFolder] : [])].map((folder) => {
    const real = realPathOf(folder);
    return real.endsWith(sep) ? real : `${real}${sep}`;
  });
  return (path) => {
    const absolute = realPathOf(path);
    return folders.some((folder) => absolute.startsWith(folder));
  };
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Puts the font files of the families a document uses into pdfmake's in-memory file system, once each. */
function provideFonts(familyNames: readonly string[]): void {
  for (const family of FONT_FAMILIES.filter((candidate) => familyNames.includes(candidate.name))) {
    for (const file of [family.regular, family.bold]) {
      if (!virtualfs.existsSync(file)) virtualfs.writeFileSync(file, fontFileBytes(file));
    }
  }
}

/**
 * `fonts`: the families the document uses (from its template's manifest); they are loaded on first use. `access`: what
 * else the document may read (its template's folder).
 */
export async function layOutPdf(
  definition: DocDefinition,
  fonts: readonly string[],
  access: LayoutAccess = {},
): Promise<LaidOutPdf> {
  provideFonts(fonts);
  try {
    const pageSize = normalizePageSize(definition.pageSize, definition.pageOrientation);
    const margins = normalizePageMargin(definition.pageMargins ?? 40);
    const document = new PDFDocument(
      pdfmakeFontDescriptors(),
      definition.images ?? {},
      definition.patterns ?? {},
      {},
      pdfKitOptions(definition, pageSize),
      virtualfs,
      readableTo(access),
    );
    const builder = new LayoutBuilder(pageSize, margins, fastPaths ? svgMeasure : new SVGMeasure());
    builder.registerTableLayouts(PDFMAKE_TABLE_LAYOUTS);
    builder.registerTableLayouts(TABLE_LAYOUTS);
    const footer = definition.footer;
    const pages = builder.layoutDocument(
      definition.content,
      document,
      definition.styles ?? {},
      definition.defaultStyle ?? {},
      undefined,
      undefined,
      footer === undefined || typeof footer === 'function' ? footer : convertToDynamicContent(footer),
      undefined,
      undefined,
    );
    const pageContentHeight = pageSize.height - margins.top - margins.bottom;
    const contentBottom = pageSize.height - margins.bottom;
    // What each page really holds (a page that broke early is not full); the footer below the text area is not content.
    const usedHeight = (page: LaidOutPage): number => {
      const bottoms = page.items.filter((item) => (item.item.y ?? 0) < contentBottom).map(bottomOf);
      return Math.max(0, Math.max(0, ...bottoms) - margins.top);
    };
    const contentHeight = pages.reduce((total, page) => total + usedHeight(page), 0);
    return {
      pages: pages.length,
      contentHeight,
      pageContentHeight,
      toBuffer: () => drawAndEnd(document, pages),
    };
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    throw new BriefingError('RENDER_FAILED', `PDF layout failed: ${(error as Error).message}`, { cause: error });
  }
}

function drawAndEnd(document: PdfKitDocument, pages: LaidOutPage[]): Promise<Buffer> {
  return new Promise<Buffer>((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk) => chunks.push(chunk));
    document.on('end', () => resolvePromise(Buffer.concat(chunks)));
    document.on('error', reject);
    try {
      new Renderer(document).renderPages(pages);
      document.end();
    } catch (error) {
      reject(new BriefingError('RENDER_FAILED', `PDF drawing failed: ${(error as Error).message}`, { cause: error }));
    }
  });
}

/** pdfkit options as pdfmake's Printer sets them, from the document definition. */
function pdfKitOptions(
  definition: DocDefinition,
  pageSize: { width: number; height: number },
): Record<string, unknown> {
  return {
    size: [pageSize.width, pageSize.height],
    pdfVersion: definition.version ?? '1.3',
    subset: definition.subset,
    tagged: false,
    displayTitle: false,
    compress: true,
    lang: definition.language,
    fontLayoutCache: true,
    bufferPages: false,
    autoFirstPage: false,
    info: metadataOf(definition.info as Record<string, unknown> | undefined),
    font: null,
  };
}

/** pdfmake's lower-case `info` keys to the PDF's Title, Author … */
function metadataOf(info: Record<string, unknown> = {}): Record<string, unknown> {
  const metadata: Record<string, unknown> = { Producer: 'pdfmake', Creator: 'pdfmake' };
  for (const [key, value] of Object.entries(info))
    if (value) metadata[key.charAt(0).toUpperCase() + key.slice(1)] = value;
  return metadata;
}

/** Lowest point of a laid-out item on its page. */
function bottomOf({ type, item }: PageItem): number {
  if (type === 'line') return (item.y ?? 0) + (item.getHeight?.() ?? 0);
  if (type === 'image' || type === 'svg') return (item.y ?? 0) + (item._height ?? 0);
  if (type === 'vector' && item.type === 'rect') return (item.y ?? 0) + (item.h ?? 0);
  return 0;
}

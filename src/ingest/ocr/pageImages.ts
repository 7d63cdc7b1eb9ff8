/**
 * The page images an OCR input is read from (and the review page shows): an image file is its own page; a PDF without
 * a text layer is rendered by poppler's pdftoppm (installed by scripts/setup.sh with poppler-utils), in grey, at OCR_DPI.
 * pdftoppm rather than pdfjs-dist with node-canvas: it renders a scanned page in a quarter of a second outside the
 * Node heap, and needs no font set-up.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { BriefingError } from '../../errors.js';

/**
 * 150 dpi reads body text of a printed page best: Tesseract's Chinese model is trained on text about 20–30 pixels
 * high, which 10.5 pt is at 150 dpi; at 300 dpi the sample pages read slightly worse and take longer (BENCHMARKS.md "OCR").
 */
export const OCR_DPI = Number(process.env.BRIEFING_OCR_DPI) || 150;

/** Enough to read a 10.5 pt figure on screen beside the text (the column is narrow; a click opens it at full size). */
const PREVIEW_DPI = 100;

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'];

/** Renders every page of a PDF into a new temporary folder; the caller removes the folder. */
export async function renderPdfPages(
  file: string,
  signal?: AbortSignal,
): Promise<{ folder: string; images: string[] }> {
  const folder = await mkdtemp(join(tmpdir(), 'briefing-ocr-'));
  try {
    await promisify(execFile)('pdftoppm', ['-r', String(OCR_DPI), '-gray', '-png', file, join(folder, 'page')], {
      signal,
    });
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BriefingError(
      missing ? 'OCR_UNAVAILABLE' : 'OCR_FAILED',
      missing
        ? 'rendering a scanned PDF for OCR needs pdftoppm (poppler), which is not installed'
        : `the scanned PDF's pages could not be rendered: ${(error as Error).message}`,
      {
        file,
        hint: missing
          ? 'install poppler: Debian/Ubuntu `sudo apt-get install poppler-utils`, macOS `brew install poppler`, Windows the poppler release for Windows on PATH'
          : 'check the file, or give the report as text',
        cause: error,
      },
    );
  }
  // pdftoppm numbers pages page-1.png … with as many digits as the last page has; the names sort by page.
  const images = (await readdir(folder))
    .filter((name) => name.endsWith('.png'))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  return { folder, images: images.map((name) => join(folder, name)) };
}

/** How the review page shows an OCR input's page beside its text: PNG and JPEG as they are, a PDF's page rendered. */
export async function pageImage(
  file: string,
  page: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; type: string } | undefined> {
  const extension = extname(file).toLowerCase();
  if (extension === '.pdf') {
    const { stdout } = await promisify(execFile)(
      'pdftoppm',
      ['-r', String(PREVIEW_DPI), '-png', '-f', String(page), '-l', String(page), '-singlefile', file],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout.length > 0 ? { bytes: new Uint8Array(stdout), type: 'image/png' } : undefined;
  }
  // A browser shows no TIFF: such a page has no preview.
  const type = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' }[extension];
  return type && page === 1 ? { bytes: new Uint8Array(await readFile(file)), type } : undefined;
}

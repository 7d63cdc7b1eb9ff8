/**
 * Text of Word (.docx) and PDF reports. DOCX through mammoth (a maintained DOCX-to-text library); PDF through
 * pdfjs-dist's text layer, read in reading order from the positions of its text (src/ingest/pdf/): one line per
 * printed line, a blank line between paragraphs, columns and pages. A PDF without a text layer (a scan)
 * is refused with the fix, instead of becoming an empty briefing.
 */
import { BriefingError } from '../errors.js';
import { textInReadingOrder } from './pdf/textInReadingOrder.js';
import type { PositionedItem, PositionedPage } from './pdf/types.js';

/** XML a .docx may unpack to before it is read: a 40,000-character report's is about 1 MB; more is a zip bomb. */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

export async function docxText(file: string, bytes: Uint8Array): Promise<string> {
  const unpacked = xmlBytesOfZip(bytes);
  if (unpacked > MAX_DOCX_XML_BYTES) {
    throw new BriefingError(
      'INPUT_UNREADABLE',
      `the Word document unpacks to ${Math.round(unpacked / 1048576)} MB of text and markup; more than ${MAX_DOCX_XML_BYTES / 1048576} MB is refused`,
      {
        file,
        hint: 'split the document, or export the report as text',
      },
    );
  }
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (error) {
    throw new BriefingError('INPUT_UNREADABLE', `not a readable Word document: ${(error as Error).message}`, {
      file,
      hint: 'save it again as .docx, or export the report as text',
      cause: error,
    });
  }
}

/**
 * The uncompressed size of a zip's XML parts, from its central directory (read before anything is inflated). A zip
 * whose directory cannot be read is left to the reader, which reports it; ZIP64 sizes count as unbounded.
 */
export function xmlBytesOfZip(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB (22 bytes plus a comment).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return 0;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (
    let entry = 0;
    entry < entries && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50;
    entry += 1
  ) {
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name.endsWith('.xml') || name.endsWith('.rels')) total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

export async function pdfText(file: string, bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    document = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new BriefingError('INPUT_UNREADABLE', `not a readable PDF: ${(error as Error).message}`, {
      file,
      hint: 'check the file, or export the report as text',
      cause: error,
    });
  }
  try {
    const pages: PositionedPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [left, bottom, , top] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = content.items.filter((item) => 'str' in item).map((item) => positionedItem(item, left, bottom));
      pages.push({ height: top - bottom, items });
    }
    const text = textInReadingOrder(pages);
    if (text.replace(/\s/g, '').length === 0) {
      throw new BriefingError('INPUT_NO_TEXT', 'no text layer: run OCR first', {
        file,
        hint: 'the PDF holds only images (a scan); run OCR on it, or give the report as text',
      });
    }
    return text;
  } finally {
    await document.destroy();
  }
}

/**
 * A pdfjs-dist text item as the reading-order stages see it: its transform's translation is its baseline's start, taken
 * from the page's bottom left corner (a page's box need not start at 0).
 */
function positionedItem(
  item: { str: string; transform: number[]; width: number; height: number },
  left: number,
  bottom: number,
): PositionedItem {
  const [a, b, , , x, y] = item.transform as [number, number, number, number, number, number];
  return { text: item.str, x: x - left, y: y - bottom, width: item.width, size: Math.hypot(a, b) || item.height };
}

/**
 * Text of Word (.docx) and PDF reports. DOCX through mammoth (a maintained DOCX-to-text library); PDF through
 * pdfjs-dist's text layer, one line per text line, one blank line between pages. A PDF without a text layer (a scan)
 * is refused with the fix, instead of becoming an empty briefing.
 */
import { BriefingError } from '../errors.js';

export async function docxText(file: string, bytes: Uint8Array): Promise<string> {
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

export async function pdfText(file: string, bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    throw new BriefingError('INPUT_UNREADABLE', `not a readable PDF: ${(error as Error).message}`, { file, hint: 'check the file, or export the report as text', cause: error });
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      let page = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        page += item.str;
        if (item.hasEOL) page += '\n';
      }
      pages.push(page);
    }
    const text = pages.join('\n\n');
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

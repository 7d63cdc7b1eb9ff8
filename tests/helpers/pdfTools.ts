/** Reads rendered PDFs with poppler-utils (pdfinfo, pdffonts, pdftotext, pdfimages), as a person's tools would. */
import { execFileSync } from 'node:child_process';

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function fonts(pdf: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: "emb" is the 5th column from the end.
    return { name: columns[0]!, embedded: columns[columns.length - 5] === 'yes' };
  });
}

export function text(pdf: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

export function rasterImageCount(pdf: string): number {
  return execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').length - 2;
}

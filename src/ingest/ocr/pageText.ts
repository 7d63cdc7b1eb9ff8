/**
 * A page's text from Tesseract's TSV output (one row per block, paragraph, line and word, with a confidence per word),
 * in Tesseract's reading order: with page segmentation mode 3 it finds the columns of a newspaper page and lists
 * their blocks column by column. Words of Chinese text are joined without spaces; Latin words keep one.
 */
import type { OcrPage } from './types.js';

interface TsvWord {
  block: number;
  paragraph: number;
  line: number;
  confidence: number;
  text: string;
}

/** The word rows (level 5) of a TSV, with text. */
export function wordsOfTsv(tsv: string): TsvWord[] {
  const words: TsvWord[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const text = cells.slice(11).join('\t').trim();
    if (text === '') continue;
    words.push({
      block: Number(cells[2]),
      paragraph: Number(cells[3]),
      line: Number(cells[4]),
      confidence: Math.max(0, Math.min(100, Number(cells[10]))),
      text,
    });
  }
  return words;
}

/** Joins the words of a page, recording each character's word confidence. */
export function pageTextOf(tsv: string, number: number, language: string): OcrPage {
  const words = wordsOfTsv(tsv);
  let text = '';
  const confidence: number[] = [];
  const append = (part: string, value: number): void => {
    text += part;
    for (let index = 0; index < part.length; index += 1) confidence.push(value);
  };
  words.forEach((word, index) => {
    const previous = words[index - 1];
    if (previous) append(separatorBetween(previous, word), 100);
    append(word.text, Math.round(word.confidence));
  });
  const meanConfidence = words.length === 0 ? 0 : words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
  return {
    number,
    text,
    meanConfidence: Math.round(meanConfidence * 10) / 10,
    language,
    characterConfidence: Uint8Array.from(confidence),
  };
}

function separatorBetween(previous: TsvWord, word: TsvWord): string {
  if (previous.block !== word.block || previous.paragraph !== word.paragraph) return '\n\n';
  if (previous.line !== word.line) return '\n';
  // Tesseract splits Chinese text into one-character "words"; only Latin words were spaced in print.
  return /[A-Za-z]$/.test(previous.text) && /^[A-Za-z]/.test(word.text) ? ' ' : '';
}

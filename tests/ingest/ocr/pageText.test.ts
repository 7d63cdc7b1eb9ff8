// Tesseract's TSV to page text: Chinese words joined without spaces, Latin words spaced, lines and paragraphs kept,
// and every character's confidence recorded beside the text.
import { describe, expect, it } from 'vitest';
import { pageTextOf } from '../../../src/ingest/ocr/pageText.js';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (block: number, paragraph: number, line: number, confidence: number, text: string): string =>
  `5\t1\t${block}\t${paragraph}\t${line}\t1\t0\t0\t10\t10\t${confidence}\t${text}`;

describe('pageTextOf', () => {
  const tsv = [
    HEADER,
    '1\t1\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t',
    word(1, 1, 1, 95, ' '),
    word(2, 1, 1, 90, 'CHANGZHI'),
    word(2, 1, 1, 90, 'RIBAO'),
    word(2, 2, 1, 93, '总投资'),
    word(2, 2, 1, 41, '489.31'),
    word(2, 2, 1, 92, '亿'),
    word(2, 2, 2, 96, '元'),
  ].join('\n');
  const page = pageTextOf(tsv, 3, 'chi_sim');

  it('joins words in reading order, a space only between Latin words, a line break per line, a blank line per paragraph', () => {
    expect(page.text).toBe('CHANGZHI RIBAO\n\n总投资489.31亿\n元');
  });

  it("records each character's word confidence (100 for the separators it added) and the page mean", () => {
    expect(page.characterConfidence.length).toBe(page.text.length);
    const at = page.text.indexOf('489.31');
    expect([...page.characterConfidence.subarray(at, at + 6)]).toEqual([41, 41, 41, 41, 41, 41]);
    expect(page.characterConfidence[page.text.indexOf(' ')]).toBe(100);
    expect(page.characterConfidence[page.text.indexOf('总')]).toBe(93);
    expect(page.meanConfidence).toBe(Math.round(((90 + 90 + 93 + 41 + 92 + 96) / 6) * 10) / 10);
    expect(page).toMatchObject({ number: 3, language: 'chi_sim' });
  });
});

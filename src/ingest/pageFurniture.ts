/**
 * Page furniture: the lines of a newspaper page or a print that are not the report's text — the masthead (长治日报,
 * CHANGZHI RIBAO, the dated line), page numbers and rules. The newspaper names are data (data/page-furniture.json).
 */
import { z } from 'zod';
import { loadDataFile } from '../util/dataFile.js';

/** The dated line of a newspaper page's masthead: 2026年1月17日 星期六. */
export const MASTHEAD_DATE = /^\d{4}年\d{1,2}月\d{1,2}日\s*(星期|周)[一二三四五六日天]$/;
const FURNITURE: RegExp[] = [
  /^[A-Z][A-Z .·-]*$/, // CHANGZHI RIBAO
  /^\d{4}$/, // a bare year in a masthead
  MASTHEAD_DATE,
  /^第\s*\d+\s*版/,
  /^[-—\d\s]+$/, // page numbers and rules
];

const pageFurnitureSchema = z.object({
  $comment: z.string(),
  mastheads: z
    .array(z.object({ word: z.string().min(1), before: z.tuple([z.number().int().min(0), z.number().int().min(1)]) }))
    .min(1),
});

/** The newspaper names of data/page-furniture.json (长治日报, 两会特刊), compiled once per data. */
const mastheadPatterns = new WeakMap<object, RegExp[]>();
function mastheads(): RegExp[] {
  const data = loadDataFile('page-furniture.json', pageFurnitureSchema);
  let patterns = mastheadPatterns.get(data);
  if (!patterns) {
    patterns = data.mastheads.map(({ word, before: [least, most] }) => new RegExp(`^\\S{${least},${most}}${word}$`));
    mastheadPatterns.set(data, patterns);
  }
  return patterns;
}

/** Whether a line is furniture of the page, not text of the report. */
export function isPageFurniture(text: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(text)) || mastheads().some((pattern) => pattern.test(text));
}

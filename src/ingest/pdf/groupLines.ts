/**
 * Positioned items → lines. pdfjs-dist gives a page as runs of text in drawing order, a line often in several runs (a
 * radical's glyph, a justified line's spacing); runs on one baseline that follow each other closely are one line, and a
 * wide gap (a column's gutter) starts another line on the same baseline.
 */
import type { PositionedItem, TextLine } from './types.js';

/** Runs whose baselines differ by less than this share of the font size are on one baseline. */
const BASELINE_TOLERANCE = 0.3;
/** A run this much smaller than the text beside it is a superscript or subscript (万m³, PM2.5) when this close to it. */
const SCRIPT_SIZE = 0.8;
const SCRIPT_TOLERANCE = 0.6;
/** A gap wider than this many font sizes between runs on one baseline is a gutter: a column's line ends there. */
const GUTTER_GAP = 0.9;
/** A gap wider than this share of the font size between Latin letters or digits is a word space. */
const WORD_SPACE_GAP = 0.15;
/** Ideographs, radicals, CJK and full-width punctuation: no space belongs next to them in Chinese text. */
const CJK = '\\p{Script=Han}\\u2e80-\\u2fdf\\u3000-\\u303f\\uff00-\\uffef';
/** Spacing a producer writes as spaces beside CJK (justification, 2026 年 1 月): dropped. */
const SPACE_BESIDE_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'gu');

export function groupLines(items: readonly PositionedItem[]): TextLine[] {
  const runs = items.filter((item) => item.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const row of baselineRows(runs)) lines.push(...splitAtGutters(row.sort((a, b) => a.x - b.x)));
  return lines;
}

/** Runs sorted top to bottom, grouped by baseline: a row's baseline is its largest run's (not a superscript's). */
function baselineRows(runs: PositionedItem[]): PositionedItem[][] {
  const rows: PositionedItem[][] = [];
  let main: PositionedItem | undefined;
  for (const run of runs) {
    if (main && onOneBaseline(main, run)) rows.at(-1)!.push(run);
    else rows.push([run]);
    if (!main || rows.at(-1)!.length === 1 || run.size > main.size) main = run;
  }
  return rows;
}

function onOneBaseline(a: PositionedItem, b: PositionedItem): boolean {
  const larger = Math.max(a.size, b.size);
  const tolerance = Math.min(a.size, b.size) < SCRIPT_SIZE * larger ? SCRIPT_TOLERANCE : BASELINE_TOLERANCE;
  return Math.abs(a.y - b.y) <= tolerance * larger;
}

/** One baseline's runs, left to right, cut into lines where a gutter separates them. */
function splitAtGutters(row: PositionedItem[]): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextLine | undefined;
  for (const run of row) {
    const gap = current ? run.x - current.right : 0;
    if (current && gap <= GUTTER_GAP * Math.max(current.size, run.size)) {
      current.text += gap > WORD_SPACE_GAP * run.size ? ` ${run.text}` : run.text;
      current.right = Math.max(current.right, run.x + run.width);
      // The line's baseline and size are its main text's, not a superscript's.
      if (run.size > current.size) Object.assign(current, { y: run.y, size: run.size });
    } else {
      if (current) lines.push(current);
      current = { text: run.text, left: run.x, right: run.x + run.width, y: run.y, size: run.size };
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => ({ ...line, text: line.text.replace(SPACE_BESIDE_CJK, '').trim() }));
}

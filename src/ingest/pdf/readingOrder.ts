/**
 * A page's lines in reading order. A newspaper page sets its text in columns under a masthead that spans them, and may
 * break the columns with a headline across the page; a producer draws all this in any order. The columns are found
 * from the gutters, the vertical strips no body line crosses; a line that crosses a gutter spans the columns and cuts
 * the page into bands. The page then reads band by band, top to bottom, and in a band column by column, left to right.
 */
import type { TextBlock, TextLine } from './types.js';

/** A strip at least this many font sizes wide that (nearly) no body line crosses is a gutter. */
const MIN_GUTTER = 0.5;
/** Lines that cross a gutter anyway (a centered edition line, a headline): at most this share of the body lines. */
const GUTTER_CROSSINGS = 0.03;
/** A column is at least this many font sizes wide: narrower strips between gaps are a table's cells, not columns. */
const MIN_COLUMN = 5;
/** A line reaching this far into a second column crosses the gutter between them: it spans the columns. */
const SPAN_OVERLAP = 1;
/** Body lines are within this factor of the body size; larger ones are mastheads and headlines, smaller captions. */
const BODY_SIZE_FACTOR = 1.15;

export function orderPage(lines: readonly TextLine[]): TextBlock[] {
  const bodySize = mostWrittenSize(lines);
  const body = lines.filter(
    (line) => line.size <= bodySize * BODY_SIZE_FACTOR && line.size >= bodySize / BODY_SIZE_FACTOR,
  );
  const columns = findColumns(body, bodySize);
  const blocks: TextBlock[] = [];
  let band: TextLine[][] = columns.map(() => []);
  const closeBand = (): void => {
    band.forEach(
      (columnLines, index) => columnLines.length > 0 && blocks.push(columnBlock(columnLines, columns[index]!)),
    );
    band = columns.map(() => []);
  };
  for (const line of [...lines].sort((a, b) => b.y - a.y || a.left - b.left)) {
    const column = columnOf(line, columns);
    if (column === undefined) {
      closeBand();
      blocks.push({ lines: [line], left: line.left, right: line.right });
    } else band[column]!.push(line);
  }
  closeBand();
  return blocks;
}

/** The font size most of the page's characters are set in. */
function mostWrittenSize(lines: readonly TextLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    characters.set(size, (characters.get(size) ?? 0) + line.text.length);
  }
  return [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

interface Column {
  left: number;
  right: number;
}

/** The columns of the body lines, left to right: the strips between gutters. One column when there is no gutter. */
export function findColumns(body: readonly TextLine[], bodySize: number): Column[] {
  if (body.length === 0) return [{ left: 0, right: Number.POSITIVE_INFINITY }];
  const start = Math.floor(Math.min(...body.map((line) => line.left)));
  const end = Math.ceil(Math.max(...body.map((line) => line.right)));
  const crossings = new Int32Array(end - start + 1);
  for (const line of body)
    for (let x = Math.ceil(line.left) - start; x < Math.floor(line.right) - start; x += 1) crossings[x]! += 1;
  const columns: Column[] = [];
  let left = start;
  for (let x = 0; x < crossings.length;) {
    let gutterEnd = x;
    while (gutterEnd < crossings.length && crossings[gutterEnd]! <= body.length * GUTTER_CROSSINGS) gutterEnd += 1;
    const isGutter = gutterEnd - x >= MIN_GUTTER * bodySize && x > 0 && gutterEnd < crossings.length;
    if (isGutter && start + x - left >= MIN_COLUMN * bodySize && end - (start + gutterEnd) >= MIN_COLUMN * bodySize) {
      columns.push({ left, right: start + x });
      left = start + gutterEnd;
    }
    x = Math.max(gutterEnd, x + 1);
  }
  columns.push({ left, right: end });
  return columns;
}

/** The column a line is set in, or undefined when it crosses a gutter into another column (it spans them). */
function columnOf(line: TextLine, columns: readonly Column[]): number | undefined {
  const overlaps = columns.map((column) => Math.min(line.right, column.right) - Math.max(line.left, column.left));
  if (overlaps.filter((overlap) => overlap > SPAN_OVERLAP).length > 1) return undefined;
  const best = overlaps.indexOf(Math.max(...overlaps));
  return overlaps[best]! > 0 ? best : undefined;
}

/** A column's lines of one band, with the column's edges as its lines reach them. */
function columnBlock(lines: TextLine[], column: Column): TextBlock {
  return {
    lines,
    left: Math.min(...lines.map((line) => line.left)),
    right: Math.max(column.left, ...lines.map((line) => line.right)),
  };
}

/**
 * The comparison as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as ANSI and garbles
 * it), CRLF line ends, one row per region, three columns per indicator (value in the column's unit, growth, rank).
 * An empty field where a region does not report the indicator.
 */
import type { Comparison } from './compareRegions.js';

export function comparisonCsv(comparison: Comparison): string {
  const header = ['地区', '区划代码', '年份', ...comparison.columns.flatMap((column) => [`${column.label}${column.unit ? `（${column.unit}）` : ''}`, `${column.label}增速（%）`, `${column.label}排名`])];
  const rows = comparison.regions.map((region, row) => [
    region.name,
    region.code,
    region.year === undefined ? '' : String(region.year),
    ...comparison.cells[row]!.flatMap((cell) => [cell?.value === undefined ? '' : String(cell.value), cell?.growthPct === undefined ? '' : String(cell.growthPct), cell?.rank === undefined ? '' : String(cell.rank)]),
  ]);
  return `\uFEFF${[header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A field quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ cannot start a formula. */
function csvField(text: string): string {
  const safe = /^[=+@]/.test(text) || (/^-/.test(text) && !/^-\d/.test(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

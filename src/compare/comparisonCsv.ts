/**
 * The comparison as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as ANSI and garbles
 * it), CRLF line ends, one row per region, five columns per indicator: value in the column's unit, growth, rank,
 * the year the figure is of (the table's year, or the other year a region's report gives) and the quote it comes
 * from, so every number can be traced to its report. An empty field where a region does not report the indicator.
 */
import type { Comparison, ComparisonCell } from './compareRegions.js';

export function comparisonCsv(comparison: Comparison): string {
  const header = [
    '地区',
    '区划代码',
    '年份',
    ...comparison.columns.flatMap((column) => [
      `${column.label}${column.unit ? `（${column.unit}）` : ''}`,
      `${column.label}增速（%）`,
      `${column.label}排名`,
      `${column.label}年份`,
      `${column.label}原文`,
    ]),
  ];
  const rows = comparison.regions.map((region, row) => [
    region.name,
    region.code,
    region.year === undefined ? '' : String(region.year),
    ...comparison.cells[row]!.flatMap((cell) => (cell ? cellFields(cell, comparison.year) : ['', '', '', '', ''])),
  ]);
  return `\uFEFF${[header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function cellFields(cell: ComparisonCell, tableYear: number | undefined): string[] {
  const year = cell.year ?? tableYear;
  return [cell.value, cell.growthPct, cell.rank, year]
    .map((field) => (field === undefined ? '' : String(field)))
    .concat(cell.quote);
}

/** A field quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ cannot start a formula. */
function csvField(text: string): string {
  const safe = /^[=+@]/.test(text) || (/^-/.test(text) && !/^-\d/.test(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The comparison page: one landscape A4 page for up to 20 regions, two for up to 40 (and so on), the regions shared
 * evenly between the pages. A table of the indicators most regions report — value in the column's unit, growth and
 * rank in each cell — and beside it the growth rates of the first of them, ranked: beyond one page, each page charts
 * its share of the ranking on one common scale. Indicators the page has no room for are named under the table;
 * --json and --csv carry them all.
 */
import { renderChart } from '../charts/renderChart.js';
import { SANS } from '../pdf/fonts.js';
import { layOutPdf } from '../pdf/renderPdf.js';
import { formatGrowth } from '../layout/helpers.js';
import { type Comparison, type ComparisonCell, rankedGrowth } from './compareRegions.js';

export interface ComparisonPageOptions {
  /** The page's heading, e.g. the session's name; by default the regions' common parent. */
  title?: string;
  /** The PDF's creation date (fixed, so the same inputs give the same bytes). */
  creationDate: Date;
}

/** The page's heading after the regions' common parent (四川省各地区主要指标对照), and the book's name for it. */
export const COMPARISON_HEADING = '各地区主要指标对照';

/** How many indicator columns the table has room for beside the chart. */
const TABLE_COLUMNS = 6;
const PAGE_MARGIN = 28;
const CHART_WIDTH = 215;
/** Height of one bar of the chart, and the chart's axes and title, in points. */
const BAR_HEIGHT = 20;
const CHART_FRAME = 60;
const MIN_BARS = 3;
/** Regions one page holds (twenty rows of two lines, and as many bars). */
const REGIONS_PER_PAGE = 20;

export async function renderComparison(
  comparison: Comparison,
  { title, creationDate }: ComparisonPageOptions,
): Promise<{ pdf: Buffer; pages: number; leftOff: string[] }> {
  const shown = shownColumns(comparison);
  const leftOff = comparison.columns.filter((_, index) => !shown.includes(index)).map((column) => column.label);
  const heading = title ?? `${commonParent(comparison) ?? ''}${COMPARISON_HEADING}`;
  const marked = comparison.cells.some((row) => row.some((cell) => cell?.year !== undefined));
  const chartColumn = shown.find((index) => rankedGrowth(comparison, index).length >= MIN_BARS);
  const pageCount = Math.max(1, Math.ceil(comparison.regions.length / REGIONS_PER_PAGE));
  const perPage = Math.ceil(comparison.regions.length / pageCount);
  const ranked = chartColumn !== undefined ? rankedGrowth(comparison, chartColumn) : [];
  const chartPerPage = Math.ceil(ranked.length / pageCount);
  const pages = Array.from({ length: pageCount }, (_, page) => {
    const rows = Array.from(
      { length: Math.min(perPage, comparison.regions.length - page * perPage) },
      (_, row) => page * perPage + row,
    );
    const isLast = page === pageCount - 1;
    const bars = { from: page * chartPerPage, to: Math.min(ranked.length, (page + 1) * chartPerPage) };
    const body = {
      columns: [
        {
          width: '*',
          stack: [
            table(comparison, shown, rows),
            ...(isLast && leftOff.length > 0
              ? [
                  {
                    text: `另有 ${leftOff.length} 项指标未列出（见 --json / --csv）：${leftOff.join('、')}`,
                    fontSize: 6.5,
                    color: '#777777',
                    margin: [0, 4, 0, 0],
                  },
                ]
              : []),
          ],
        },
        ...(chartColumn !== undefined && bars.to > bars.from
          ? [{ width: CHART_WIDTH, stack: [growthChart(comparison, chartColumn, bars, pageCount > 1)] }]
          : []),
      ],
      columnGap: 12,
    };
    return page === 0
      ? body
      : {
          pageBreak: 'before',
          stack: [{ text: `${heading}（续）`, fontSize: 10, bold: true, color: '#1f4e8c', margin: [0, 0, 0, 6] }, body],
        };
  });
  const definition = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN],
    defaultStyle: { font: SANS.name, fontSize: 8, lineHeight: 1.15, color: '#222222' },
    info: { title: heading, creator: 'briefing', producer: 'briefing (pdfmake)', creationDate, modDate: creationDate },
    language: 'zh-CN',
    content: [
      { text: heading, fontSize: 15, bold: true, color: '#1f4e8c' },
      {
        text: `${comparison.regions.length} 个地区 · ${comparison.year !== undefined ? `${comparison.year}年数据` : '报告所述年份'}${marked ? '（标有年份者为该地区报告所述的另一年，不参与排名）' : ''} · 数值按各指标通行单位折算 · 空格为该地区报告未给出 · 数字均摘自各地政府工作报告`,
        fontSize: 7.5,
        color: '#666666',
        margin: [0, 2, 0, 6],
      },
      ...pages,
    ],
  };
  const laidOut = await layOutPdf(definition, [SANS.name]);
  return { pdf: await laidOut.toBuffer(), pages: laidOut.pages, leftOff };
}

/** The indicators most regions report (in catalogue order), as many as the table has room for. */
function shownColumns(comparison: Comparison): number[] {
  return comparison.columns
    .map((column, index) => ({ column, index }))
    .sort((a, b) => b.column.reported - a.column.reported || a.index - b.index)
    .slice(0, TABLE_COLUMNS)
    .map((entry) => entry.index)
    .sort((a, b) => a - b);
}

function commonParent(comparison: Comparison): string | undefined {
  const parents = new Set(comparison.regions.map((region) => region.parent));
  return parents.size === 1 ? [...parents][0] : undefined;
}

/** The table of some regions (rows: their indexes), its header on each page. */
function table(comparison: Comparison, shown: number[], rows: number[]): Record<string, unknown> {
  const header = [
    { text: '地区', bold: true, fontSize: 7.5, color: '#555555' },
    ...shown.map((index) => {
      const column = comparison.columns[index]!;
      return {
        text: [
          { text: column.label, bold: true },
          { text: column.unit ? `\n（${column.unit}）` : '\n（增速）', color: '#777777' },
        ],
        fontSize: 7.5,
        color: '#555555',
        alignment: 'right',
      };
    }),
  ];
  const body = rows.map((row) => [
    { text: comparison.regions[row]!.name, bold: true, fontSize: 8 },
    ...shown.map((index) => cellContent(comparison.cells[row]![index] ?? null)),
  ]);
  return {
    table: { headerRows: 1, widths: ['auto', ...shown.map(() => '*')], body: [header, ...body], dontBreakRows: true },
    layout: {
      hLineWidth: (line: number) => (line === 1 ? 1 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => '#bbbbbb',
      paddingTop: () => 1.5,
      paddingBottom: () => 1,
    },
  };
}

/** The value (bold), then its growth and rank on a second line; empty when the region does not report it. */
function cellContent(cell: ComparisonCell | null): Record<string, unknown> {
  if (!cell) return { text: '' };
  const value = cell.value !== undefined ? formatValue(cell.value) : (cell.valueAsWritten ?? '');
  const detail = [
    cell.year !== undefined ? `${cell.year}年` : '',
    cell.growthPct !== undefined ? formatGrowth(cell.growthPct) : '',
    cell.rank !== undefined ? `第${cell.rank}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const detailColor = cell.year !== undefined ? '#b45309' : (cell.growthPct ?? 0) < 0 ? '#1e7b4a' : '#555555';
  return {
    stack: [
      { text: value || ' ', bold: true, color: cell.year !== undefined ? '#b45309' : '#1f4e8c', fontSize: 8 },
      { text: detail || ' ', fontSize: 6, color: detailColor },
    ],
    // Noto Sans SC's line is about 1.45 em high: at 0.85, twenty rows of two lines fit one landscape page.
    lineHeight: 0.85,
    alignment: 'right',
  };
}

/** 426.8 · 1,234.5 · 12,345: up to two decimals, thousands separated. */
function formatValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * The growth rates of one indicator, ranked, as a bar chart with its labels as real PDF text: the ranks from `bars.from`
 * to `bars.to` of them, on the scale of all of them when the ranking is split over pages.
 */
function growthChart(
  comparison: Comparison,
  column: number,
  bars: { from: number; to: number },
  split: boolean,
): Record<string, unknown> {
  const all = rankedGrowth(comparison, column);
  const ranked = all.slice(bars.from, bars.to);
  const height = CHART_FRAME + BAR_HEIGHT * ranked.length;
  const values = all.map((entry) => entry.growthPct);
  const title = `${comparison.columns[column]!.label}增速（%）${split ? `第${bars.from + 1}—${bars.to}位` : '，由高到低'}`;
  const axisSpan = split ? { min: Math.min(0, ...values), max: Math.max(0, ...values) } : undefined;
  const chart = renderChart(
    {
      kind: 'growth',
      title,
      unit: '%',
      labels: ranked.map((entry) => entry.region),
      values: ranked.map((entry) => entry.growthPct),
      ...(axisSpan ? { axisSpan } : {}),
    },
    { width: CHART_WIDTH, height },
  );
  return {
    stack: [
      ...chart.labels.map((label) => ({
        columns: [
          {
            width: label.width,
            text: label.text,
            alignment: label.alignment,
            fontSize: label.fontSize,
            bold: label.bold,
            color: '#333333',
            lineHeight: 1,
          },
        ],
        relativePosition: { x: label.x, y: label.y },
      })),
      { svg: chart.svg, width: chart.width, height: chart.height },
    ],
  };
}

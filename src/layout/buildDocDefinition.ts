/**
 * Layout stage: a validated summary + a template → a pdfmake document definition.
 * The template decides the look; this module prepares the values it prints and the metadata.
 */
import type { RenderedChart } from '../charts/renderChart.js';
import type { BriefingSummary, Figure, Highlight, TargetPair } from '../summary/schema.js';
import { formatChineseDate } from './helpers.js';
import { checkResources } from './checkResources.js';
import type { LayoutTemplate } from './templates.js';
import { displayNumber, displayUnit, displayGrowth } from '../summary/figureText.js';

export type DocDefinition = Record<string, unknown>;

/** How much of each list goes on the page, and at which type scale: the fitter's knobs. */
export interface LayoutChoice {
  scale: number;
  figures: number;
  highlights: number;
  targets: number;
  /** Rows of last year's targets against this year's results (none when absent). */
  attainment?: number;
}

export interface LayoutInput {
  summary: BriefingSummary;
  template: LayoutTemplate;
  choice: LayoutChoice;
  /** The chart, drawn for this summary at the size of this layout. */
  chart?: RenderedChart;
  /** The briefing's creation date in the PDF metadata (kept fixed so output is reproducible). */
  creationDate: Date;
  /** Ask for PDF/A-2b output. */
  pdfa?: boolean;
  /** The page's number within its file (a briefing's own PDF: 1; in a book, where the book puts it). */
  pageNumber?: number;
  /** Who issues the briefing (长治市人大常委会办公室); by default the region's government or the region. */
  issuer?: string;
}

const TILE_COLUMNS = 3;
/** Gutters between and inside tiles, in points. */
const TILE_GUTTERS = 40;
const TILE_VALUE_SIZE = 17;
/** Average advance of a digit, as a share of the font size (Noto Sans SC figures are about half an em). */
const DIGIT_WIDTH = 0.6;
const SOURCE_KIND_NAMES: Record<BriefingSummary['source']['kind'], string> = {
  work_report: '政府工作报告',
  newspaper_special: '报纸特刊',
  communique: '统计公报',
  other: '报告',
};

export function buildDocDefinition({
  summary,
  template,
  choice,
  chart,
  creationDate,
  pdfa = false,
  pageNumber = 1,
  issuer,
}: LayoutInput): DocDefinition {
  const { manifest, contentBox } = template;
  const tileWidth = (contentBox.width - TILE_GUTTERS) / TILE_COLUMNS;
  const figures = summary.figures.slice(0, choice.figures).map((figure) => toTile(figure, tileWidth));
  const context = {
    scale: choice.scale,
    contentWidth: contentBox.width,
    region: summary.region,
    title: summary.title,
    subtitle: summary.subtitle,
    sessionName: summary.session.name,
    sessionDate: summary.session.date,
    sessionDateText: formatChineseDate(summary.session.date),
    reviewYear: summary.reviewYear,
    planYear: summary.planYear,
    figures,
    figureRows: chunk(figures, TILE_COLUMNS),
    highlights: summary.highlights.slice(0, choice.highlights).map(toItem),
    targets: summary.targets.slice(0, choice.targets).map(toItem),
    attainment: (summary.lastYearTargets?.pairs ?? []).slice(0, choice.attainment ?? 0).map(toAttainmentRow),
    // What the report says itself about them goes with the pairs, and is trimmed with them.
    attainmentSaid: (choice.attainment ?? 0) > 0 ? attainmentSaidOf(summary) : undefined,
    chart: chart ? scaledChart(chart, choice.scale, contentBox.width) : undefined,
    issuer: issuer ?? issuerOf(summary),
    pageNumber: String(pageNumber),
    sourceLine: `资料来源：${summary.source.file}（${SOURCE_KIND_NAMES[summary.source.kind]}）· 行政区划代码 ${summary.region.code} · 文中数字均摘自原文`,
    credits: summary.credits
      ? Object.entries(summary.credits)
          .map(([role, names]) => `${role}/${names}`)
          .join('  ')
      : undefined,
  };
  const definition = template.render(context);
  checkResources(definition, template);
  return {
    pageSize: manifest.pageSize,
    pageOrientation: manifest.pageOrientation,
    pageMargins: manifest.pageMargins,
    defaultStyle: scaleStyle({ font: manifest.fonts[0], ...manifest.defaultStyle }, choice.scale),
    styles: Object.fromEntries(
      Object.entries(manifest.styles).map(([name, style]) => [name, scaleStyle(style, choice.scale)]),
    ),
    ...definition,
    info: {
      title: `${summary.region.name} · ${summary.title}`,
      author: issuer ?? issuerOf(summary),
      subject:
        [summary.session.name, formatChineseDate(summary.session.date)].filter(Boolean).join(' ') || summary.title,
      keywords: [summary.region.name, summary.region.parent, ...summary.keywords].join(', '),
      creator: 'briefing',
      producer: 'briefing (pdfmake)',
      creationDate,
      modDate: creationDate,
    },
    language: 'zh-CN',
    ...(pdfa ? { version: '1.7', subset: 'PDF/A-2b' } : {}),
  };
}

/** The chart at the page's type scale, centred: the drawing and its labels shrink together. */
function scaledChart(chart: RenderedChart, scale: number, contentWidth: number): RenderedChart & { offsetX: number } {
  const scaled = (value: number): number => Math.round(value * scale * 100) / 100;
  return {
    svg: chart.svg,
    width: scaled(chart.width),
    height: scaled(chart.height),
    offsetX: Math.round(((contentWidth - chart.width * scale) / 2) * 100) / 100,
    labels: chart.labels.map((label) => ({
      ...label,
      x: scaled(label.x),
      y: scaled(label.y),
      width: scaled(label.width),
      fontSize: scaled(label.fontSize),
    })),
  };
}

function scaleStyle(style: Record<string, unknown>, scale: number): Record<string, unknown> {
  return typeof style.fontSize === 'number'
    ? { ...style, fontSize: Math.round(style.fontSize * scale * 100) / 100 }
    : style;
}

/** Who issues the briefing, as an official-style header names it. */
function issuerOf(summary: BriefingSummary): string {
  return summary.source.kind === 'work_report' ? `${summary.region.name}人民政府` : summary.region.name;
}

interface Tile {
  label: string;
  value: string;
  /** Font size of the value at full scale: smaller for long numbers, so they never overflow the tile. */
  valueSize: number;
  unit: string;
  growth: string;
  isDecline: boolean;
  note: string;
}

function toTile(figure: Figure, tileWidth: number): Tile {
  const value = displayNumber(figure);
  const unit = displayUnit(figure);
  const characters = value.length + unit.length / 2;
  return {
    label: figure.label,
    value,
    valueSize: Math.min(TILE_VALUE_SIZE, Math.floor((tileWidth / (characters * DIGIT_WIDTH)) * 10) / 10),
    unit,
    growth: displayGrowth(figure),
    isDecline: (figure.growthPct ?? 0) < 0,
    note: [figure.year ? `${figure.year}年` : '', figure.kind === 'target' ? '目标' : ''].join(''),
  };
}

function toItem(item: Highlight): { title: string; text: string } {
  return { title: item.title, text: item.text };
}

interface AttainmentRow {
  label: string;
  target: string;
  result: string;
  verdict: string;
  isMet: boolean;
  isUnmet: boolean;
}

/** A row of 去年目标完成情况: what was measured, last year's target as written, this year's result, the verdict. */
export function toAttainmentRow(pair: TargetPair): AttainmentRow {
  const label = pair.resultIndicator && pair.result ? pair.result.label : pair.target.label;
  return {
    label: pair.measure === 'growth' && !/(?:增速|降幅)$/.test(label) ? `${label}增速` : label,
    target: pairedText(pair.target, pair.measure),
    result: pair.result ? pairedText(pair.result, pair.measure) : '—',
    verdict: pair.verdict,
    isMet: pair.verdict === '完成',
    isUnmet: pair.verdict === '未完成',
  };
}

/** 报告自述：“圆满完成全年目标任务”: what the report says itself about last year's targets, quoted; undefined when nothing. */
export function attainmentSaidOf(summary: BriefingSummary): string | undefined {
  const said = summary.statedAttainment ?? [];
  return said.length > 0 ? `报告自述：${said.map((statement) => `“${statement.statement}”`).join('；')}` : undefined;
}

/** 增长6%左右 · 下降3% · 192.3亿元 · 4.5%以内: one side of a pair as a person reads it. */
function pairedText(side: TargetPair['target'], measure: TargetPair['measure']): string {
  const range = side.valueTo !== undefined ? `—${side.valueTo}` : '';
  if (measure === 'growth')
    return `${side.value < 0 ? '下降' : '增长'}${Math.abs(side.value)}${range}%${side.qualifier ?? ''}`;
  return `${side.value}${range}${side.unit}${side.qualifier ?? ''}`;
}

/** Rows of tiles, the last padded so every row has the same number of cells (pdfmake tables need it). */
function chunk(tiles: Tile[], size: number): { cells: (Tile | null)[] }[] {
  const rows: { cells: (Tile | null)[] }[] = [];
  for (let start = 0; start < tiles.length; start += size) {
    const cells: (Tile | null)[] = tiles.slice(start, start + size);
    while (cells.length < size) cells.push(null);
    rows.push({ cells });
  }
  return rows;
}

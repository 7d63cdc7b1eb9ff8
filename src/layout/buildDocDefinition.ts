/**
 * Layout stage: a validated summary + a template → a pdfmake document definition.
 * The template decides the look; this module prepares the values it prints and the metadata.
 */
import type { BriefingSummary, Figure, Highlight } from '../summary/schema.js';
import { formatChineseDate, formatGrowth } from './helpers.js';
import type { LayoutTemplate } from './templates.js';

export type DocDefinition = Record<string, unknown>;

/** How much of each list goes on the page, and at which type scale: the fitter's knobs. */
export interface LayoutChoice {
  scale: number;
  figures: number;
  highlights: number;
  targets: number;
}

export interface LayoutInput {
  summary: BriefingSummary;
  template: LayoutTemplate;
  choice: LayoutChoice;
  /** SVG of the chart, already drawn for this summary. */
  chartSvg?: string;
  /** The briefing's creation date in the PDF metadata (kept fixed so output is reproducible). */
  creationDate: Date;
}

const TILE_COLUMNS = 3;
const SOURCE_KIND_NAMES: Record<BriefingSummary['source']['kind'], string> = {
  work_report: '政府工作报告',
  newspaper_special: '报纸特刊',
  communique: '统计公报',
  other: '报告',
};

export function buildDocDefinition({ summary, template, choice, chartSvg, creationDate }: LayoutInput): DocDefinition {
  const figures = summary.figures.slice(0, choice.figures).map(toTile);
  const context = {
    scale: choice.scale,
    region: summary.region,
    title: summary.title,
    subtitle: summary.subtitle,
    sessionName: summary.session.name,
    sessionDate: summary.session.date,
    reviewYear: summary.reviewYear,
    planYear: summary.planYear,
    figureRows: chunk(figures, TILE_COLUMNS),
    highlights: summary.highlights.slice(0, choice.highlights).map(toItem),
    targets: summary.targets.slice(0, choice.targets).map(toItem),
    chart: chartSvg && template.manifest.chart ? { svg: chartSvg, ...template.manifest.chart } : undefined,
    sourceLine: `资料来源：${summary.source.file}（${SOURCE_KIND_NAMES[summary.source.kind]}）· 行政区划代码 ${summary.region.code} · 文中数字均摘自原文`,
    credits: summary.credits ? Object.entries(summary.credits).map(([role, names]) => `${role}/${names}`).join('  ') : undefined,
  };
  const definition = template.render(context);
  return {
    ...definition,
    info: {
      title: `${summary.region.name} · ${summary.title}`,
      author: summary.region.name,
      subject: [summary.session.name, formatChineseDate(summary.session.date)].filter(Boolean).join(' ') || summary.title,
      keywords: [summary.region.name, summary.region.parent, ...summary.keywords].join(', '),
      creator: 'briefing',
      producer: 'briefing (pdfmake)',
      creationDate,
      modDate: creationDate,
    },
    language: 'zh-CN',
  };
}

interface Tile {
  label: string;
  value: string;
  unit: string;
  growth: string;
  isDecline: boolean;
  note: string;
}

function toTile(figure: Figure): Tile {
  return {
    label: figure.label,
    value: figure.valueText,
    unit: figure.unit,
    growth: formatGrowth(figure.growthPct),
    isDecline: (figure.growthPct ?? 0) < 0,
    note: [figure.year ? `${figure.year}年` : '', figure.kind === 'target' ? '目标' : ''].join(''),
  };
}

function toItem(item: Highlight): { title: string; text: string } {
  return { title: item.title, text: item.text };
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

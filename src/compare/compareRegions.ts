/**
 * The regions side by side: for every catalogue indicator some region's report gives for the year it reviews, each
 * region's value (normalised to one unit of its family: 万元 and 亿元 both as the unit most regions write), its growth
 * and its rank. A region that does not report an indicator gets no cell, never a guess. Each cell keeps its quote.
 * One year per table: the year most regions' reports review. A region whose report gives the indicator only for
 * another year gets a cell marked with that year, left out of the ranks, never silently mixed in.
 * A pure function of the summaries.
 */
import { loadIndicators } from '../extract/indicators.js';
import type { BriefingSummary, Figure } from '../summary/schema.js';
import { splitUnit } from './pairTargets.js';

export interface ComparisonRegion {
  name: string;
  code: string;
  parent: string;
  /** The year its figures are for (the year its report reviews). */
  year?: number;
}

export interface ComparisonColumn {
  indicator: string;
  label: string;
  /** The unit values are shown in (the one most regions write, e.g. 亿元); absent for an indicator given only as growth. */
  unit?: string;
  /** How many regions report it. */
  reported: number;
}

export interface ComparisonCell {
  /** The value in the column's unit; absent when the region gives only a growth rate, or a unit of another family. */
  value?: number;
  /** The value and unit as the report writes them. */
  valueAsWritten?: string;
  growthPct?: number;
  /** 1 = the largest value of the column; absent without a comparable value. */
  rank?: number;
  /** Set when the figure is of another year than the table's: shown with its year, neither ranked nor charted. */
  year?: number;
  quote: string;
  /**
   * Index of the cell's figure in its region's summary: the review page shows it at `#<region code>/figure/<index>`,
   * beside its sentence in the report.
   */
  figure: number;
}

export interface Comparison {
  /** The year the table compares: the one most regions' reports review (ties: the latest). */
  year?: number;
  regions: ComparisonRegion[];
  columns: ComparisonColumn[];
  /** cells[region][column]: null where the region's report does not give the indicator. */
  cells: (ComparisonCell | null)[][];
}

export function compareRegions(summaries: readonly BriefingSummary[]): Comparison {
  const { indicators } = loadIndicators();
  const regions = summaries.map((summary) => ({
    name: summary.region.name,
    code: summary.region.code,
    parent: summary.region.parent,
    ...(yearOf(summary) ? { year: yearOf(summary) } : {}),
  }));
  const year = commonYear(regions);
  const columns: ComparisonColumn[] = [];
  const columnCells: (ComparisonCell | null)[][] = [];
  for (const indicator of indicators) {
    const found = summaries.map((summary) => figuresOf(summary, indicator.id, year));
    const reported = found.filter(({ figures }) => figures.length > 0).length;
    if (reported === 0) continue;
    const unit = commonUnit(
      found.flatMap(({ figures }) =>
        figures.filter((figure) => !isRate(figure) || indicator.units.includes('percent')).slice(0, 1),
      ),
    );
    const cells = found.map(({ figures, otherYear }, row) =>
      figures.length > 0
        ? { ...cellOf(figures, unit, summaries[row]!.figures), ...(otherYear !== undefined ? { year: otherYear } : {}) }
        : null,
    );
    rank(cells);
    columns.push({ indicator: indicator.id, label: indicator.label, ...(unit ? { unit } : {}), reported });
    columnCells.push(cells);
  }
  return {
    ...(year !== undefined ? { year } : {}),
    regions,
    columns,
    cells: regions.map((_, row) => columnCells.map((cells) => cells[row]!)),
  };
}

/** The year most regions' reports review; on a tie the latest. */
function commonYear(regions: ComparisonRegion[]): number | undefined {
  const counts = new Map<number, number>();
  for (const { year } of regions) if (year !== undefined) counts.set(year, (counts.get(year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/** The year the report reviews; failing that, the latest year of its actual figures. */
function yearOf(summary: BriefingSummary): number | undefined {
  if (summary.reviewYear !== undefined) return summary.reviewYear;
  const years = summary.figures
    .filter((figure) => figure.kind === 'actual' && figure.year !== undefined)
    .map((figure) => figure.year!);
  return years.length > 0 ? Math.max(...years) : undefined;
}

/**
 * The region's results of the indicator for the table's year, best-ranked first; failing those, its results for the
 * year its own report reviews, with that year (otherYear) to mark them.
 */
function figuresOf(
  summary: BriefingSummary,
  indicator: string,
  tableYear: number | undefined,
): { figures: Figure[]; otherYear?: number } {
  const results = summary.figures.filter((figure) => figure.kind === 'actual' && figure.indicator === indicator);
  const ofYear = (year: number | undefined): Figure[] =>
    results.filter((figure) => year === undefined || figure.year === year);
  const ownYear = yearOf(summary);
  const inTableYear = ofYear(tableYear ?? ownYear);
  if (inTableYear.length > 0 || tableYear === undefined || ownYear === undefined || ownYear === tableYear)
    return { figures: inTableYear };
  return { figures: ofYear(ownYear), otherYear: ownYear };
}

const isRate = (figure: Figure): boolean => figure.unit === '%';

/** The unit most of the column's values are written in (ties: the first region's). */
function commonUnit(figures: Figure[]): string | undefined {
  const counts = new Map<string, number>();
  for (const figure of figures) counts.set(figure.unit, (counts.get(figure.unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * A region's cell: its first value (converted to the column's unit when the base unit is the same) and the first
 * growth rate it gives — of that amount, or a bare growth rate (规模以上工业增加值增长11.1%).
 */
function cellOf(figures: Figure[], unit: string | undefined, regionFigures: Figure[]): ComparisonCell {
  const amount = figures.find((figure) => !isRate(figure) || unit === '%');
  const growthFigure =
    figures.find((figure) => figure.growthPct !== undefined) ??
    figures.find((figure) => isRate(figure) && unit !== '%');
  const growthPct =
    growthFigure?.growthPct ??
    (growthFigure && isRate(growthFigure)
      ? growthFigure.label.endsWith('降幅')
        ? -growthFigure.value
        : growthFigure.value
      : undefined);
  const value = amount && unit ? converted(amount, unit) : undefined;
  const source = amount ?? growthFigure ?? figures[0]!;
  return {
    ...(value !== undefined ? { value } : {}),
    ...(amount ? { valueAsWritten: `${amount.valueText}${amount.unit}` } : {}),
    ...(growthPct !== undefined ? { growthPct } : {}),
    quote: source.quote,
    figure: regionFigures.indexOf(source),
  };
}

/** The figure's value in `unit` (万元 → 亿元), or undefined when the two are of different bases (元, 美元). */
function converted(figure: Figure, unit: string): number | undefined {
  if (figure.unit === unit) return figure.value;
  const from = splitUnit(figure.unit);
  const to = splitUnit(unit);
  if (!from || !to || from.base !== to.base) return undefined;
  return Math.round(((figure.value * from.magnitude) / to.magnitude) * 10000) / 10000;
}

/** Ranks the comparable values of one column, largest first; equal values share a rank. */
function rank(cells: (ComparisonCell | null)[]): void {
  const values = cells
    .flatMap((cell) => (cell?.value !== undefined && cell.year === undefined ? [cell.value] : []))
    .sort((a, b) => b - a);
  for (const cell of cells)
    if (cell?.value !== undefined && cell.year === undefined) cell.rank = values.indexOf(cell.value) + 1;
}

/** The growth rates of the table's year in one column, largest first, for the ranked chart. */
export function rankedGrowth(comparison: Comparison, column: number): { region: string; growthPct: number }[] {
  return comparison.regions
    .flatMap((region, row) => {
      const cell = comparison.cells[row]![column];
      return cell?.growthPct !== undefined && cell.year === undefined
        ? [{ region: region.name, growthPct: cell.growthPct }]
        : [];
    })
    .sort((a, b) => b.growthPct - a.growthPct);
}

/**
 * Fits a briefing on exactly one page, in a documented order:
 *   1. lay out at full size; 2. scale type down (in 5 % steps, jumping to the estimated fit) to the template's minimum;
 *   3. at the minimum, trim the lowest-ranked item, one at a time: targets down to 2, last year's targets
 *      (去年目标完成情况) down to 2, highlights down to 3, figures down to 6 (two rows of tiles), then the same lists
 *      in the same order down to 0, 0, 1 and 1.
 * Every trimmed item is reported, so nothing is dropped silently.
 */
import { BriefingError } from '../errors.js';
import type { BriefingSummary, TargetPair } from '../summary/schema.js';
import { type LayoutChoice, toAttainmentRow } from './buildDocDefinition.js';
import type { LayoutTemplate } from './templates.js';
import { displayNumber, displayUnit } from '../summary/figureText.js';

const SCALE_STEP = 0.05;
type ListName = 'targets' | 'attainment' | 'highlights' | 'figures';
const TRIM_ORDER: ListName[] = ['targets', 'attainment', 'highlights', 'figures'];
const ITEM_NAMES: Record<ListName, string> = {
  targets: 'target',
  attainment: "last year's target",
  highlights: 'highlight',
  figures: 'figure',
};

export interface FitResult<T> {
  laidOut: T;
  choice: LayoutChoice;
  /** Sentences for a person: what the page does not show, item by item (figures beyond the tiles in one line). */
  trimmed: string[];
}

/** One layout attempt: its page count, how high its content is against one page, and what it produced. */
export interface Attempt<T> {
  pages: number;
  contentHeight: number;
  pageContentHeight: number;
  laidOut: T;
}

/**
 * `tryLayout` lays out one choice (cheaply: nothing is drawn until a layout is accepted). After an overflow, the next
 * scale is estimated from how far the content overflowed, so a long briefing takes two or three attempts, not one
 * per step.
 */
export async function fitToPage<T>(
  summary: BriefingSummary,
  template: LayoutTemplate,
  tryLayout: (choice: LayoutChoice) => Promise<Attempt<T>>,
): Promise<FitResult<T>> {
  const { limits, minScale } = template.manifest;
  const choice: LayoutChoice = {
    scale: 1,
    figures: Math.min(limits.figures, summary.figures.length),
    highlights: Math.min(limits.highlights, summary.highlights.length),
    targets: Math.min(limits.targets, summary.targets.length),
    attainment: Math.min(limits.attainment, pairsOf(summary).length),
  };
  const trimmed = notOffered(summary, template, choice);
  for (;;) {
    const fitted = await largestFittingScale(choice, minScale, tryLayout);
    if (fitted) return { laidOut: fitted.laidOut, choice: { ...choice, scale: fitted.scale }, trimmed };
    choice.scale = minScale;
    const list =
      TRIM_ORDER.find((name) => shownOf(choice, name) > preferredMinimumOf(name)) ??
      TRIM_ORDER.find((name) => shownOf(choice, name) > minimumOf(name));
    if (!list) {
      throw new BriefingError(
        'LAYOUT_OVERFLOW',
        `does not fit on one page even at the smallest type with one item per list`,
        {
          file: summary.source.file,
          hint: 'shorten the title, highlights or figure labels in the summary, or use a template with more room',
        },
      );
    }
    choice[list] = shownOf(choice, list) - 1;
    trimmed.push(`trimmed to fit one page: ${ITEM_NAMES[list]} “${describe(summary, list, shownOf(choice, list))}”`);
  }
}

/**
 * The largest scale on the 5 % grid, from `choice.scale` down to `minScale`, at which the content fits one page;
 * undefined if none does. Every layout measures how high its content is, so the next probe is solved from a model
 * of height against scale (see scaleForHeight), rounded down to the grid, and never below `minScale`. Most
 * briefings that overflow take two layouts; none are drawn until accepted.
 */
async function largestFittingScale<T>(
  choice: LayoutChoice,
  minScale: number,
  tryLayout: (choice: LayoutChoice) => Promise<Attempt<T>>,
): Promise<{ scale: number; laidOut: T } | undefined> {
  const measured: { scale: number; height: number }[] = [];
  let overflowing = Infinity;
  let fitting: { scale: number; laidOut: T } | undefined;
  let probe = choice.scale;
  for (;;) {
    const attempt = await tryLayout({ ...choice, scale: probe });
    measured.push({ scale: probe, height: attempt.contentHeight });
    if (attempt.pages <= 1) {
      if (!fitting || probe > fitting.scale) fitting = { scale: probe, laidOut: attempt.laidOut };
    } else {
      overflowing = Math.min(overflowing, probe);
    }
    const lowest = fitting ? onGrid(fitting.scale + SCALE_STEP) : minScale;
    const highest = Math.min(onGrid(overflowing - SCALE_STEP), choice.scale);
    const next = Math.max(
      minScale,
      Math.min(highest, floorToGrid(scaleForHeight(measured, attempt.pageContentHeight))),
    );
    if (next < lowest - 1e-9 || highest < lowest - 1e-9) return fitting;
    probe = next;
  }
}

/**
 * Text reflows into fewer lines as the type shrinks, so the content's height falls faster than the scale: about as
 * scale^1.3 over the bundled samples and the benchmark's regions in all three templates. With one measurement that
 * exponent is assumed; with two, it is taken from the two nearest the page height. (A straight line through the
 * origin took a third layout for a third of the briefings that overflow, and stopped one step short for some.)
 */
const HEIGHT_EXPONENT = 1.3;

/** The scale at which the content is as high as the page, from the measurements (height grows with scale). */
function scaleForHeight(measured: { scale: number; height: number }[], pageHeight: number): number {
  const target = pageHeight;
  const nearest = [...measured].sort((a, b) => Math.abs(a.height - target) - Math.abs(b.height - target));
  const [first, second] = nearest;
  if (!first || first.height <= 0) return 1;
  if (
    second &&
    second.height > 0 &&
    Math.abs(first.scale - second.scale) > 1e-9 &&
    Math.abs(first.height - second.height) > 1e-6
  ) {
    const exponent = Math.log(first.height / second.height) / Math.log(first.scale / second.scale);
    if (exponent > 0) return first.scale * (target / first.height) ** (1 / exponent);
  }
  return first.scale * (target / first.height) ** (1 / HEIGHT_EXPONENT);
}

function floorToGrid(scale: number): number {
  return Math.round(Math.floor(scale / SCALE_STEP + 1e-9) * SCALE_STEP * 100) / 100;
}

/** A scale rounded to the nearest step of the 5 % grid. */
function onGrid(scale: number): number {
  return Math.round(Math.round(scale / SCALE_STEP) * SCALE_STEP * 100) / 100;
}

/** What the template's list limits leave out before fitting starts. */
function notOffered(summary: BriefingSummary, template: LayoutTemplate, choice: LayoutChoice): string[] {
  const messages: string[] = [];
  if (summary.figures.length > choice.figures) {
    messages.push(
      `the ${template.name} template shows the ${choice.figures} top-ranked of ${summary.figures.length} figures (the summary lists them all)`,
    );
  }
  const lengths = {
    highlights: summary.highlights.length,
    targets: summary.targets.length,
    attainment: pairsOf(summary).length,
  };
  for (const list of ['highlights', 'targets', 'attainment'] as const) {
    for (let index = shownOf(choice, list); index < lengths[list]; index += 1) {
      messages.push(
        `not shown: ${ITEM_NAMES[list]} “${describe(summary, list, index)}” (the ${template.name} template shows at most ${shownOf(choice, list)})`,
      );
    }
  }
  return messages;
}

/** Trimming first takes lists down to these, in TRIM_ORDER, before it takes any list further. */
function preferredMinimumOf(list: ListName): number {
  return { targets: 2, attainment: 2, highlights: 3, figures: 6 }[list];
}

/** Lists keep a few items: a briefing without figures or highlights says nothing. */
function minimumOf(list: ListName): number {
  return list === 'targets' || list === 'attainment' ? 0 : 1;
}

function shownOf(choice: LayoutChoice, list: ListName): number {
  return choice[list] ?? 0;
}

function pairsOf(summary: BriefingSummary): TargetPair[] {
  return summary.lastYearTargets?.pairs ?? [];
}

function describe(summary: BriefingSummary, list: ListName, index: number): string {
  if (list === 'figures') {
    const figure = summary.figures[index]!;
    return `${figure.label} ${displayNumber(figure)}${displayUnit(figure)}`;
  }
  if (list === 'attainment') {
    const row = toAttainmentRow(pairsOf(summary)[index]!);
    return `${row.label} ${row.target}：${row.verdict}`;
  }
  return summary[list][index]!.title;
}

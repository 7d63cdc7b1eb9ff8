/**
 * Fits a briefing on exactly one page, in a documented order:
 *   1. lay out at full size; 2. scale type down step by step to the template's minimum;
 *   3. at the minimum, trim the lowest-ranked item, one at a time: targets down to 2, highlights down to 3,
 *      figures down to 6 (two rows of tiles), then the same lists in the same order down to 0, 1 and 1.
 * Every trimmed item is reported, so nothing is dropped silently.
 */
import { BriefingError } from '../errors.js';
import type { BriefingSummary } from '../summary/schema.js';
import type { LayoutChoice } from './buildDocDefinition.js';
import type { LayoutTemplate } from './templates.js';

const SCALE_STEP = 0.05;
type ListName = 'targets' | 'highlights' | 'figures';
const TRIM_ORDER: ListName[] = ['targets', 'highlights', 'figures'];
const ITEM_NAMES: Record<ListName, string> = { targets: 'target', highlights: 'highlight', figures: 'figure' };

export interface FitResult<T> {
  laidOut: T;
  choice: LayoutChoice;
  /** Sentences for a person: what the page does not show, item by item (figures beyond the tiles in one line). */
  trimmed: string[];
}

/** `tryLayout` lays out one choice and reports its page count (with whatever it produced, reused if it fits). */
export async function fitToPage<T>(
  summary: BriefingSummary,
  template: LayoutTemplate,
  tryLayout: (choice: LayoutChoice) => Promise<{ pages: number; laidOut: T }>,
): Promise<FitResult<T>> {
  const { limits, minScale } = template.manifest;
  const choice: LayoutChoice = {
    scale: 1,
    figures: Math.min(limits.figures, summary.figures.length),
    highlights: Math.min(limits.highlights, summary.highlights.length),
    targets: Math.min(limits.targets, summary.targets.length),
  };
  const trimmed = notOffered(summary, template, choice);
  for (;;) {
    const attempt = await tryLayout({ ...choice });
    if (attempt.pages <= 1) return { laidOut: attempt.laidOut, choice, trimmed };
    if (choice.scale - SCALE_STEP >= minScale - 1e-9) {
      choice.scale = Math.round((choice.scale - SCALE_STEP) * 100) / 100;
      continue;
    }
    const list = TRIM_ORDER.find((name) => choice[name] > preferredMinimumOf(name)) ?? TRIM_ORDER.find((name) => choice[name] > minimumOf(name));
    if (!list) {
      throw new BriefingError('LAYOUT_OVERFLOW', `does not fit on one page even at the smallest type with one item per list`, {
        file: summary.source.file,
        hint: 'shorten the title, highlights or figure labels in the summary, or use a template with more room',
      });
    }
    choice[list] -= 1;
    trimmed.push(`trimmed to fit one page: ${ITEM_NAMES[list]} “${describe(summary, list, choice[list])}”`);
  }
}

/** What the template's list limits leave out before fitting starts. */
function notOffered(summary: BriefingSummary, template: LayoutTemplate, choice: LayoutChoice): string[] {
  const messages: string[] = [];
  if (summary.figures.length > choice.figures) {
    messages.push(`the ${template.name} template shows the ${choice.figures} top-ranked of ${summary.figures.length} figures (the summary lists them all)`);
  }
  for (const list of ['highlights', 'targets'] as const) {
    for (let index = choice[list]; index < summary[list].length; index += 1) {
      messages.push(`not shown: ${ITEM_NAMES[list]} “${describe(summary, list, index)}” (the ${template.name} template shows at most ${choice[list]})`);
    }
  }
  return messages;
}

/** Trimming first takes lists down to these, in TRIM_ORDER, before it takes any list further. */
function preferredMinimumOf(list: ListName): number {
  return { targets: 2, highlights: 3, figures: 6 }[list];
}

/** Lists keep a few items: a briefing without figures or highlights says nothing. */
function minimumOf(list: ListName): number {
  return list === 'targets' ? 0 : 1;
}

function describe(summary: BriefingSummary, list: ListName, index: number): string {
  if (list === 'figures') {
    const figure = summary.figures[index]!;
    return `${figure.label} ${figure.valueText}${figure.unit}`;
  }
  return summary[list][index]!.title;
}

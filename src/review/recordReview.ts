/**
 * A person's edits of a summary, recorded honestly: the review page sends the summary as edited plus, for each
 * figure, the index it had in the summary as loaded. Nothing the report says can be lost or invented here:
 * - every loaded figure is still there (hidden, perhaps, or moved), and no figure comes without one;
 * - a figure keeps its quote and offset, whatever the page sent;
 * - a figure whose reading changed records `reviewed` with the figure as the extractor read it (kept from an earlier
 *   review), so the quote stays the report's own words; changed back to that reading, the record goes;
 * - the region may change to a division of the gazetteer, recorded the same way (see reviewedRegion);
 * - of last year's targets only a pair's verdict may change, recorded the same way (see reviewedTargets); the pairs'
 *   sentences and what the report says itself about its targets (statedAttainment) are the reports'.
 */
import { BriefingError } from '../errors.js';
import { lookUpDivision } from '../extract/gazetteer.js';
import {
  attainmentVerdictSchema,
  type BriefingSummary,
  type Figure,
  type LastYearTargets,
  type Region,
  type TargetPair,
} from '../summary/schema.js';

/** What a person may correct in a figure; the rest (quote, offset) is the report's. */
const READING: readonly (keyof Figure)[] = [
  'label',
  'value',
  'valueTo',
  'unit',
  'qualifier',
  'growthPct',
  'growthQualifier',
  'growthPoints',
  'year',
  'kind',
  'indicator',
];

export interface ReviewEdit {
  /** The summary as the page edited it (not yet validated). */
  summary: BriefingSummary;
  /** For figure i of `summary`, the index of the figure it is in the summary as loaded. */
  origins: number[];
}

export function recordReview(loaded: BriefingSummary, edit: ReviewEdit, at: string, by?: string): BriefingSummary {
  const { summary, origins } = edit;
  const figures = Array.isArray(summary.figures) ? summary.figures : [];
  const sorted = [...origins].sort((a, b) => a - b);
  if (
    origins.length !== figures.length ||
    sorted.length !== loaded.figures.length ||
    sorted.some((origin, index) => origin !== index)
  ) {
    throw new BriefingError(
      'SUMMARY_INVALID',
      'the figures sent are not the figures loaded (each loaded figure must be sent once, hidden or shown)',
      {
        field: '$.figures',
        hint: 'reload the page',
      },
    );
  }
  const reviewedFigures = figures.map((figure, index) => corrected(loaded.figures[origins[index]!]!, figure, at, by));
  const { lastYearTargets: sentTargets, statedAttainment: _stated, ...sent } = summary;
  const lastYearTargets = loaded.lastYearTargets
    ? reviewedTargets(loaded.lastYearTargets, sentTargets, at, by)
    : undefined;
  return {
    ...sent,
    // What identifies the report and its reading is not the page's to change.
    schemaVersion: loaded.schemaVersion,
    id: loaded.id,
    source: loaded.source,
    region: reviewedRegion(loaded.region, summary.region?.code, at, by),
    ...(loaded.fingerprint ? { fingerprint: loaded.fingerprint } : {}),
    figures: reviewedFigures,
    ...(loaded.statedAttainment ? { statedAttainment: loaded.statedAttainment } : {}),
    ...(lastYearTargets ? { lastYearTargets } : {}),
    reviewed: { at, ...(by ? { by } : {}) },
  };
}

/**
 * Last year's targets after a person set verdicts: the loaded pairs, in their order, each with the verdict the page
 * sent. A verdict other than the rule's records `reviewed` with the rule's verdict and reason beside it (kept from an
 * earlier review); set back to the rule's, the record goes.
 */
export function reviewedTargets(loaded: LastYearTargets, sent: unknown, at: string, by?: string): LastYearTargets {
  const sentPairs = (sent as { pairs?: unknown } | undefined)?.pairs;
  if (!Array.isArray(sentPairs) || sentPairs.length !== loaded.pairs.length) {
    throw new BriefingError('SUMMARY_INVALID', "the pairs of last year's targets sent are not the pairs loaded", {
      field: '$.lastYearTargets.pairs',
      hint: 'reload the page',
    });
  }
  const pairs = loaded.pairs.map((pair, index) => {
    const verdict = attainmentVerdictSchema.safeParse((sentPairs[index] as { verdict?: unknown } | null)?.verdict);
    if (!verdict.success) {
      throw new BriefingError(
        'SUMMARY_INVALID',
        `a verdict must be one of ${attainmentVerdictSchema.options.join(', ')}`,
        { field: `$.lastYearTargets.pairs[${index}].verdict`, hint: 'choose the verdict from the list' },
      );
    }
    return judged(pair, verdict.data, at, by);
  });
  return { ...loaded, pairs };
}

function judged(pair: TargetPair, verdict: TargetPair['verdict'], at: string, by?: string): TargetPair {
  const { reviewed, ...rest } = pair;
  const extracted = reviewed?.extracted ?? { verdict: pair.verdict, reason: pair.reason };
  if (verdict === extracted.verdict) return { ...rest, verdict, reason: extracted.reason };
  if (reviewed && verdict === pair.verdict) return pair;
  return { ...rest, verdict, reviewed: { at, ...(by ? { by } : {}), extracted } };
}

type RegionReading = NonNullable<NonNullable<Region['reviewed']>['extracted']>;

/**
 * The region after a person chose the division with code `code`. Only the code is taken from the page: name, parent
 * and level are the gazetteer's, so no region outside GB/T 2260 can be written. The region as it was before any
 * change (as extracted, or as given with --region) is kept in `reviewed.extracted` through later changes; chosen
 * again, it comes back whole and the record goes. A region picked for a report the extractor refused has no
 * extracted reading, and keeps none.
 */
export function reviewedRegion(loaded: Region, code: unknown, at: string, by?: string): Region {
  if (code === undefined || code === loaded.code) return loaded;
  const division = typeof code === 'string' && /^\d{6}$/.test(code) ? lookUpDivision(code)[0] : undefined;
  if (!division) {
    throw new BriefingError('SUMMARY_INVALID', `no division of the GB/T 2260 gazetteer has the code ${String(code)}`, {
      field: '$.region.code',
      hint: 'choose the region from the search list',
      reason: { code: 'unknown_region_code', args: { code: String(code) } },
    });
  }
  const extracted = loaded.reviewed ? loaded.reviewed.extracted : regionReading(loaded);
  if (extracted?.code === division.code) return extracted;
  return {
    name: division.name,
    code: division.code,
    parent: division.parent,
    level: division.level,
    source: 'user',
    reviewed: { at, ...(by ? { by } : {}), ...(extracted ? { extracted } : {}) },
  };
}

function regionReading(region: Region): RegionReading {
  const { reviewed: _reviewed, ...reading } = region;
  return reading;
}

function corrected(before: Figure, after: Figure, at: string, by?: string): Figure {
  const extracted = before.reviewed?.extracted ?? extractedReading(before);
  const figure: Figure = { ...after, quote: before.quote };
  if (before.offset === undefined) delete figure.offset;
  else figure.offset = before.offset;
  if (after.hidden !== true) delete figure.hidden;
  // A new value is written as the number the person typed; the report's own writing stays in the quote and in
  // reviewed.extracted.valueText.
  figure.valueText = after.value === before.value ? before.valueText : numberText(after.value);
  delete figure.reviewed;
  if (sameReading(figure, extracted)) {
    figure.valueText = extracted.valueText;
    return figure;
  }
  const unchanged = READING.every((key) => figure[key] === before[key]) && before.reviewed;
  return { ...figure, reviewed: unchanged ? before.reviewed! : { at, ...(by ? { by } : {}), extracted } };
}

type Extracted = NonNullable<Figure['reviewed']>['extracted'];

function extractedReading(figure: Figure): Extracted {
  const reading: Record<string, unknown> = { valueText: figure.valueText };
  for (const key of READING) if (figure[key] !== undefined) reading[key] = figure[key];
  return reading as Extracted;
}

function sameReading(figure: Figure, extracted: Extracted): boolean {
  return READING.every((key) => figure[key] === (extracted as Partial<Figure>)[key]);
}

function numberText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : String(value);
}

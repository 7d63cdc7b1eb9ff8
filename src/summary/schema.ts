/**
 * The BriefingSummary: the one contract between understanding a report and printing it.
 * This zod schema is the single source of truth; the TypeScript types and the shipped JSON Schema
 * (schema/briefing-summary.schema.json) are both derived from it.
 */
import { z } from 'zod';
import type { Reason } from './messages.js';
import { normalizeText } from '../ingest/normalizeText.js';

export const SCHEMA_VERSION = 1;

export const DATE_FORMAT_MESSAGE = 'expected a date as YYYY-MM-DD';
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, DATE_FORMAT_MESSAGE);
const year = z.number().int().min(1949).max(2100);

export const sourceKindSchema = z.enum(['work_report', 'newspaper_special', 'communique', 'other']);

export const ocrPageSchema = z.strictObject({
  page: z.number().int().positive().describe('1-based page number in the input'),
  meanConfidence: z.number().min(0).max(100).describe("Tesseract's mean word confidence for the page, 0–100"),
  language: z.string().min(1).describe('the Tesseract language the page was read with (chi_sim, chi_tra)'),
});

export const sourceSchema = z.strictObject({
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().min(1),
  kind: sourceKindSchema,
  ocr: z
    .literal(true)
    .optional()
    .describe(
      'the text was read by OCR from a scan or photo: quotes are what OCR read, check figures against the page images',
    ),
  ocrPages: z.array(ocrPageSchema).optional().describe('for an OCR input: each page with how sure OCR was of it'),
});

export const regionLevelSchema = z.enum(['province', 'city', 'county', 'district', 'county_city', 'banner', 'other']);

/** Region names are words, never paths: they name files in archives. */
const regionName = z
  .string()
  .regex(/^[\p{L}\p{N}·]+$/u, 'expected a region name (letters only, no spaces, slashes or dots)');

const regionFields = {
  /** Official simplified name from the GB/T 2260 gazetteer. */
  name: regionName,
  code: z.string().regex(/^\d{6}$/),
  /** Official name of the parent city (or province for a city, 中华人民共和国 for a province). */
  parent: regionName,
  level: regionLevelSchema,
  /** The form found in the text, when it differs from the official name. */
  asWritten: z.string().min(1).optional(),
  source: z
    .enum(['text', 'file-name', 'scope', 'user'])
    .optional()
    .describe(
      "what settled the region: the report's text, its file or folder name, the session scope, or a person (--region, regions: in the project file, the review page)",
    ),
};

export const regionSchema = z.strictObject({
  ...regionFields,
  reviewed: z
    .strictObject({
      at: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T/, 'expected an ISO date and time')
        .describe('when the region was changed'),
      by: z.string().min(1).optional().describe('who changed it'),
      extracted: z
        .strictObject(regionFields)
        .optional()
        .describe('the region as extracted; absent when the extractor found none'),
    })
    .optional()
    .describe('a person chose the region on the review page, with what the extractor said kept beside it'),
});

export const sessionSchema = z.strictObject({
  name: z.string().min(1).optional(),
  date: isoDate.optional(),
  year: year.optional(),
});

/**
 * A person's correction of a figure (the review page, or a hand edit): when, by whom, and the figure as the extractor
 * read it, so the correction is on record and the quote stays the report's own words.
 */
export const reviewedSchema = z
  .strictObject({
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T/, 'expected an ISO date and time')
      .describe('when the figure was reviewed'),
    by: z.string().min(1).optional().describe('who reviewed it'),
    extracted: z
      .strictObject({
        label: z.string(),
        valueText: z.string().min(1),
        value: z.number(),
        unit: z.string(),
        valueTo: z.number().optional(),
        qualifier: z.string().optional(),
        growthPct: z.number().optional(),
        growthQualifier: z.string().optional(),
        growthPoints: z.number().optional(),
        year: year.optional(),
        kind: z.enum(['actual', 'target']),
        indicator: z.string().optional(),
      })
      .describe('the figure as extracted, before the correction'),
  })
  .describe('a correction made by a person, with the extracted figure kept beside it');

export const figureSchema = z
  .strictObject({
    label: z
      .string()
      .min(1)
      .describe(
        "What the figure measures: the catalogue's standard label for a standard indicator, else the noun phrase of its clause.",
      ),
    valueText: z
      .string()
      .min(1)
      .describe(
        'The number as the report writes it, after normalisation (ASCII digits: "489.31", "1,234.5"; or "三点五").',
      ),
    value: z
      .number()
      .describe("The same number as a JavaScript number, without the unit's magnitude (489.31 for 489.31亿元)."),
    valueTo: z.number().optional().describe('Upper bound when the report gives a range (5%—6%: value 5, valueTo 6).'),
    unit: z
      .string()
      .describe('The unit, normalised (亿元, 万吨, %, 个百分点, 个 …; 億元 and ％ in the report read 亿元 and %).'),
    qualifier: z
      .string()
      .optional()
      .describe(
        "What the report says of the number's precision: 左右, 以上, 以内, 多, 余 …; a bound written before the number is recorded as the word that says the same after it (不少于35个: 以上; 不超过5.5%: 以内).",
      ),
    growthPct: z.number().optional().describe('Growth rate in percent attached to this amount (下降4.3% → -4.3).'),
    growthQualifier: z
      .string()
      .optional()
      .describe("The growth rate's own qualifier (达到2700亿元、增长10%以上: 以上), read like qualifier."),
    growthPoints: z.number().optional().describe('Growth in percentage points (提高1.2个百分点).'),
    year: year.optional().describe('The year the figure is for.'),
    kind: z
      .enum(['actual', 'target'])
      .describe('actual: achieved (incl. the estimate of the year reviewed); target: a goal.'),
    quote: z
      .string()
      .min(1)
      .describe(
        "Verbatim substring of the source file's text containing the number (traditional, full-width and all).",
      ),
    offset: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Offset of `quote` in the source text (UTF-16 code units), when known.'),
    indicator: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .optional()
      .describe('Id of the standard indicator (data/indicators.json) the figure is, e.g. "gdp".'),
    reviewed: reviewedSchema.optional(),
    hidden: z
      .literal(true)
      .optional()
      .describe('A person chose not to print this figure; it stays in the summary, with its quote.'),
    ocrConfidence: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe(
        'For a figure of an OCR input: the lowest confidence OCR had in a character of its number (0–100); below LOW_OCR_CONFIDENCE the figure is flagged for a person to check.',
      ),
  })
  // A briefing never shows a number the report lacks: the quote, read as the extractor reads it, holds the value, or,
  // when a person corrected it, the value as extracted (kept in `reviewed`), so no quote ever has to be made up.
  .refine(
    (figure) =>
      compact(normalizeText(figure.quote).text).includes(
        compact(figure.reviewed?.extracted.valueText ?? figure.valueText),
      ),
    {
      message:
        'the quote must contain the value (valueText), or the extracted value of a reviewed figure (reviewed.extracted.valueText)',
      path: ['quote'],
      params: { reason: { code: 'quote_lacks_value' } },
    },
  );

const compact = (text: string): string => text.replace(/\s+/g, '');

export const highlightSchema = z.strictObject({
  title: z.string().min(1),
  text: z.string(),
  quote: z.string().optional(),
});

/** A figure of one side of a target pair: the number compared, its unit, and the report's own sentence. */
const pairedFigureSchema = z.strictObject({
  value: z
    .number()
    .describe(
      'The number compared: the growth rate for a growth pair, the amount as written (without its magnitude) for an amount pair.',
    ),
  valueTo: z.number().optional().describe('Upper bound when the target is a range (5%—6%).'),
  unit: z.string().describe('The unit as in the figure (%, 亿元, 万元 …).'),
  qualifier: z
    .string()
    .optional()
    .describe('The qualifier as written (左右, 以上, 以内 …), read by the rule in README "Last year\'s targets".'),
  label: z.string().min(1).describe("The figure's label in its summary."),
  quote: z.string().min(1).describe('Verbatim sentence of its report that holds the number.'),
});

export const attainmentVerdictSchema = z.enum(['完成', '未完成', '无可比数据']);

/** One of last year's targets beside this year's result for the same year, with the verdict the numbers give. */
export const targetPairSchema = z.strictObject({
  indicator: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .describe("Catalogue id of the target's indicator (data/indicators.json)."),
  resultIndicator: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .optional()
    .describe(
      "Catalogue id of the result when it differs: a part of the target's indicator (城乡居民…分别增长7.5% answered by urban_income and rural_income).",
    ),
  year: year.describe('The year the target was set for and the result is of.'),
  measure: z
    .enum(['growth', 'amount', 'level'])
    .describe(
      'What is compared: a growth rate (%), an amount (converted within its unit family), or a level in % (a rate such as 失业率).',
    ),
  target: pairedFigureSchema.describe("Last year's target, from last year's report."),
  result: pairedFigureSchema
    .optional()
    .describe("This year's result for the same year; absent when this year's report gives none comparable."),
  verdict: attainmentVerdictSchema.describe(
    "完成 / 未完成 by the rule, 无可比数据 when there is no comparable result; a person's verdict when reviewed.",
  ),
  reason: z.string().min(1).describe('The comparison in words, with the numbers (实际6.0%，目标6%左右：不低于5.5%).'),
  reviewed: z
    .strictObject({
      at: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T/, 'expected an ISO date and time')
        .describe('when the verdict was reviewed'),
      by: z.string().min(1).optional().describe('who reviewed it'),
      extracted: z
        .strictObject({ verdict: attainmentVerdictSchema, reason: z.string().min(1) })
        .describe("the verdict and reason the rule gave, before the person's"),
    })
    .optional()
    .describe('a person set the verdict; it wins over the rule, which is kept beside it'),
});

export const lastYearTargetsSchema = z.strictObject({
  previous: z
    .strictObject({
      file: z.string().min(1).describe("last year's report (or its summary) as given to --previous"),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe("sha256 of last year's report"),
    })
    .describe("where last year's targets come from"),
  pairs: z
    .array(targetPairSchema)
    .describe("every target of last year's summary for the year this report reviews, in last year's order"),
});

/** What the report says itself about last year's targets, quoted, never re-judged. */
export const statedAttainmentSchema = z.strictObject({
  says: z.enum(['完成', '未完成']).describe('What the report says: the targets met (完成), or some not met (未完成).'),
  statement: z
    .string()
    .min(1)
    .describe(
      'The clause that makes the statement, as written (圆满完成年初确定的目标任务, 部分经济指标完成情况不及预期).',
    ),
  quote: z.string().min(1).describe('Verbatim sentence of the report that holds it.'),
});

export const creditsSchema = z.record(z.string(), z.string());

export const summarySchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'expected a safe slug: lower-case letters, digits, "-" or "_"'),
    source: sourceSchema,
    region: regionSchema,
    session: sessionSchema,
    reviewYear: year.optional(),
    planYear: year.optional(),
    title: z.string().min(1),
    subtitle: z.string().optional(),
    figures: z.array(figureSchema),
    highlights: z.array(highlightSchema),
    targets: z.array(highlightSchema),
    keywords: z.array(z.string()),
    credits: creditsSchema.optional(),
    lastYearTargets: lastYearTargetsSchema
      .optional()
      .describe(
        "last year's targets against this report's results (build --previous); absent when no previous year was given",
      ),
    statedAttainment: z
      .array(statedAttainmentSchema)
      .optional()
      .describe(
        "what the report's review part says itself about last year's targets (圆满完成年初确定的目标任务), quoted as written and never re-judged; absent when it says nothing",
      ),
    warnings: z.array(z.string()),
    reviewed: z
      .strictObject({
        at: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}T/, 'expected an ISO date and time')
          .describe('when the summary was last saved from the review page'),
        by: z.string().min(1).optional().describe('who saved it'),
      })
      .optional()
      .describe('a person checked this summary against its report (briefing serve)'),
    /**
     * sha256 of the summary as the extractor wrote it (without this field). When the content no longer matches,
     * a person has edited the file, and `briefing extract` will not overwrite it without --force.
     */
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  // Text a person may have typed reaches a page and a terminal: no control characters (but tab and line breaks), no
  // lone surrogates, and no string long enough to make layout crawl.
  .superRefine((summary, context) => {
    const visit = (value: unknown, path: (string | number)[]): void => {
      if (typeof value === 'string') {
        const problem = textProblem(value);
        if (problem)
          context.addIssue({ code: 'custom', message: problem, path, params: { reason: textProblemReason(value) } });
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => visit(item, [...path, index]));
      } else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
      }
    };
    visit(summary, []);
  });

/** Longest string a summary holds: far above any real title, quote or highlight (about 100 characters). */
export const MAX_TEXT_LENGTH = 4000;

/** textProblem's finding as a code: too long, or a character that cannot be shown. */
function textProblemReason(text: string): Reason {
  return text.length > MAX_TEXT_LENGTH
    ? { code: 'too_long', args: { maximum: MAX_TEXT_LENGTH } }
    : { code: 'control_character' };
}

export function textProblem(text: string): string | undefined {
  if (text.length > MAX_TEXT_LENGTH) return `longer than ${MAX_TEXT_LENGTH} characters`;
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(text);
  if (control)
    return `holds a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
    return 'holds a lone surrogate (broken UTF-16)';
  return undefined;
}

export type SourceKind = z.infer<typeof sourceKindSchema>;
export type RegionLevel = z.infer<typeof regionLevelSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Highlight = z.infer<typeof highlightSchema>;
export type PairedFigure = z.infer<typeof pairedFigureSchema>;
export type AttainmentVerdict = z.infer<typeof attainmentVerdictSchema>;
export type TargetPair = z.infer<typeof targetPairSchema>;
export type LastYearTargets = z.infer<typeof lastYearTargetsSchema>;
export type StatedAttainment = z.infer<typeof statedAttainmentSchema>;
export type BriefingSummary = z.infer<typeof summarySchema>;
export type OcrPageSummary = z.infer<typeof ocrPageSchema>;

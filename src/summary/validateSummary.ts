/**
 * The gate between untrusted data (a summary file a person edited, or the extractor's draft) and the rest of
 * the pipeline: downstream code only ever sees a BriefingSummary that passed this check.
 */
import { BriefingError } from '../errors.js';
import type { FieldIssue, Reason } from './messages.js';
import { type BriefingSummary, DATE_FORMAT_MESSAGE, summarySchema } from './schema.js';

export function validateSummary(data: unknown, file?: string): BriefingSummary {
  const result = summarySchema.safeParse(data);
  if (result.success) return result.data;
  const problems = issuesOf(result.error.issues);
  throw new BriefingError(
    'SUMMARY_INVALID',
    `invalid summary: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
    {
      file,
      field: problems[0]?.path,
      hint: 'fix the listed fields (see src/summary/briefing-summary.schema.json), or re-run briefing extract',
    },
  );
}

export type SummaryIssue = FieldIssue;

/** What is wrong with `data` as a summary, field by field (none when it is valid): what a form shows beside its fields. */
export function summaryIssues(data: unknown): SummaryIssue[] {
  const result = summarySchema.safeParse(data);
  return result.success ? [] : issuesOf(result.error.issues);
}

interface ZodIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
  format?: string;
  params?: { reason?: Reason };
}

function issuesOf(issues: readonly ZodIssue[]): SummaryIssue[] {
  return issues.map((issue) => {
    const reason = reasonOf(issue);
    return { path: formatPath(issue.path), message: issue.message, ...(reason ? { reason } : {}) };
  });
}

/** The code of an issue: the schema's own rules carry theirs (params.reason); zod's are read from its issue codes. */
function reasonOf(issue: ZodIssue): Reason | undefined {
  if (issue.params?.reason) return issue.params.reason;
  if (issue.code === 'too_small')
    return issue.origin === 'string' && issue.minimum === 1
      ? { code: 'empty' }
      : { code: 'too_small', args: { minimum: Number(issue.minimum) } };
  if (issue.code === 'too_big') return { code: 'too_big', args: { maximum: Number(issue.maximum) } };
  if (issue.code === 'invalid_type' && issue.expected === 'int') return { code: 'not_integer' };
  if (issue.code === 'invalid_format' && issue.format === 'regex' && issue.message === DATE_FORMAT_MESSAGE)
    return { code: 'date_format' };
  return undefined;
}

/** A JSON path as a person writes it: $.figures[3].quote */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    '$',
  );
}

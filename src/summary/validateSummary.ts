/**
 * The gate between untrusted data (a summary file a person edited, or the extractor's draft) and the rest of
 * the pipeline: downstream code only ever sees a BriefingSummary that passed this check.
 */
import { BriefingError } from '../errors.js';
import { type BriefingSummary, summarySchema } from './schema.js';

export function validateSummary(data: unknown, file?: string): BriefingSummary {
  const result = summarySchema.safeParse(data);
  if (result.success) return result.data;
  const problems = issuesOf(result.error.issues);
  throw new BriefingError('SUMMARY_INVALID', `invalid summary: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`, {
    file,
    field: problems[0]?.path,
    hint: 'fix the listed fields (see src/summary/briefing-summary.schema.json), or re-run briefing extract',
  });
}

export interface SummaryIssue {
  /** JSON path of the field, as $.figures[3].quote */
  path: string;
  message: string;
}

/** What is wrong with `data` as a summary, field by field (none when it is valid): what a form shows beside its fields. */
export function summaryIssues(data: unknown): SummaryIssue[] {
  const result = summarySchema.safeParse(data);
  return result.success ? [] : issuesOf(result.error.issues);
}

function issuesOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): SummaryIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** A JSON path as a person writes it: $.figures[3].quote */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), '$');
}

/**
 * The gate between untrusted data (a summary file a person edited, or the extractor's draft) and the rest of
 * the pipeline: downstream code only ever sees a BriefingSummary that passed this check.
 */
import { BriefingError } from '../errors.js';
import { type BriefingSummary, summarySchema } from './schema.js';

export function validateSummary(data: unknown, file?: string): BriefingSummary {
  const result = summarySchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const first = result.error.issues[0];
  throw new BriefingError('SUMMARY_INVALID', `invalid summary: ${problems.join('; ')}`, {
    file,
    field: first ? formatPath(first.path) : undefined,
    hint: 'fix the listed fields (see src/summary/briefing-summary.schema.json), or re-run briefing extract',
  });
}

/** A JSON path as a person writes it: $.figures[3].quote */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), '$');
}

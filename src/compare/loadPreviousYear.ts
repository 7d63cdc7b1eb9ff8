/**
 * Last year's summaries for `--previous DIR` (and `previous:` in the project file): a folder of last year's reports,
 * of their summaries, or a session folder (which holds both; its summaries are read, as they may be reviewed). One
 * summary per region code, so each of this year's reports finds its own region's targets.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BriefingError } from '../errors.js';
import { isReportFile, isSummaryFile } from '../pipeline/collectInputs.js';
import { readSummaryFile } from '../pipeline/readSummaryFile.js';
import type { BriefingSummary } from '../summary/schema.js';
import { pairTargets } from './pairTargets.js';

export async function loadPreviousYear(folder: string): Promise<Map<string, BriefingSummary>> {
  const hint =
    "give --previous (or previous: in the project file) the folder of last year's reports, summaries or session archive";
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    names = readdirSync(folder)
      .filter((name) => !name.startsWith('.'))
      .sort();
  } catch (error) {
    throw new BriefingError('USAGE', `last year's folder cannot be read: ${(error as Error).message}`, {
      file: folder,
      field: 'previous',
      hint,
      cause: error,
    });
  }
  const summaries = names.filter(isSummaryFile);
  // A session folder's summaries stand for its reports; reports are read only where there are no summaries.
  const files = summaries.length > 0 ? summaries : names.filter(isReportFile);
  if (files.length === 0)
    throw new BriefingError('USAGE', "last year's folder holds no reports or summaries", {
      file: folder,
      field: 'previous',
      hint,
    });
  const byRegion = new Map<string, BriefingSummary>();
  const fileOf = new Map<string, string>();
  for (const name of files) {
    const file = join(folder, name);
    const summary = summaries.length > 0 ? await readSummaryFile(file) : await extractLastYear(file);
    const earlier = fileOf.get(summary.region.code);
    if (earlier) {
      throw new BriefingError(
        'USAGE',
        `two of last year's files are about ${summary.region.name} (${summary.region.code}): ${earlier} and ${name}`,
        {
          file,
          field: 'previous',
          hint: "keep one report or summary per region in last year's folder",
        },
      );
    }
    fileOf.set(summary.region.code, name);
    byRegion.set(summary.region.code, summary);
  }
  return byRegion;
}

/**
 * The summary with last year's targets paired with its results, when last year has a summary of its region (a
 * person's reviewed verdicts in it are kept, see pairTargets); otherwise unchanged, with a warning for a person.
 */
export function withLastYearTargets(
  summary: BriefingSummary,
  previousYear: Map<string, BriefingSummary>,
): { summary: BriefingSummary; warning?: string } {
  const previous = previousYear.get(summary.region.code);
  if (!previous)
    return {
      summary,
      warning: `no report of last year about ${summary.region.name} (${summary.region.code}) in --previous: last year's targets are not checked`,
    };
  return { summary: { ...summary, lastYearTargets: pairTargets({ previous, current: summary }) } };
}

async function extractLastYear(file: string): Promise<BriefingSummary> {
  const [{ extractSummary }, { readReport }] = await Promise.all([
    import('../extract/extractSummary.js'),
    import('../ingest/readReport.js'),
  ]);
  try {
    return await extractSummary(await readReport(file));
  } catch (error) {
    if (!(error instanceof BriefingError)) throw error;
    // Last year's report is read without the person's settings of this year: a summary settles what the text does not.
    throw new BriefingError(error.code, `last year's report: ${error.message}`, {
      file,
      field: 'previous',
      hint: `${error.hint ? `${error.hint}; or ` : ''}run briefing extract on last year's reports and give --previous the folder of their summaries`,
    });
  }
}

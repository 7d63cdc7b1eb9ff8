/**
 * `briefing compare`: this year's reports, summaries or session folder → the comparison page (PDF), and on request
 * the table as CSV. A summary wins over a report of the same region (it may be reviewed); a report whose extraction
 * fails is reported and left out, the others are compared.
 */
import { BriefingError } from '../errors.js';
import { collectInputs, isReportFile, isSummaryFile } from '../pipeline/collectInputs.js';
import { readSummaryFile } from '../pipeline/readSummaryFile.js';
import type { BriefingSummary } from '../summary/schema.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { type Comparison, compareRegions } from './compareRegions.js';
import { comparisonCsv } from './comparisonCsv.js';
import { renderComparison } from './renderComparison.js';

export interface CompareOptions {
  inputs: string[];
  /** The PDF to write. */
  pdfFile: string;
  /** The CSV to write, if any. */
  csvFile?: string;
  title?: string;
  creationDate?: Date;
}

export interface CompareResult {
  comparison: Comparison;
  pdf: string;
  pages: number;
  csv: string | null;
  /** Indicators the page has no room for (the CSV and --json carry them). */
  leftOff: string[];
  failures: { input: string; error: BriefingError }[];
}

export async function compareSession({
  inputs,
  pdfFile,
  csvFile,
  title,
  creationDate = new Date(0),
}: CompareOptions): Promise<CompareResult> {
  const files = collectInputs(inputs, (name) => isReportFile(name) || isSummaryFile(name));
  const failures: CompareResult['failures'] = [];
  const byRegion = new Map<string, BriefingSummary>();
  // Summaries first: a reviewed summary stands for its region's report.
  for (const file of [...files.filter(isSummaryFile), ...files.filter((file) => !isSummaryFile(file))]) {
    try {
      const summary = isSummaryFile(file) ? await readSummaryFile(file) : await extract(file);
      if (!byRegion.has(summary.region.code)) byRegion.set(summary.region.code, summary);
    } catch (error) {
      if (!(error instanceof BriefingError)) throw error;
      failures.push({ input: file, error });
    }
  }
  if (byRegion.size === 0) {
    throw new BriefingError(
      'USAGE',
      `no region to compare: every input failed (${failures.map((failure) => failure.error.toLine()).join('; ')})`,
      {
        file: inputs.join(' '),
        hint: 'give reports, summaries or a session folder',
      },
    );
  }
  const comparison = compareRegions([...byRegion.values()]);
  const page = await renderComparison(comparison, { ...(title ? { title } : {}), creationDate });
  await writeFileAtomic(pdfFile, page.pdf);
  if (csvFile) await writeFileAtomic(csvFile, comparisonCsv(comparison));
  return { comparison, pdf: pdfFile, pages: page.pages, csv: csvFile ?? null, leftOff: page.leftOff, failures };
}

async function extract(file: string): Promise<BriefingSummary> {
  const [{ extractSummary }, { readReport }] = await Promise.all([
    import('../extract/extractSummary.js'),
    import('../ingest/readReport.js'),
  ]);
  return extractSummary(await readReport(file));
}

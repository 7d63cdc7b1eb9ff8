/**
 * The library API (`import { extract, render, build, archive, verify, mail, serve } from 'briefing'`): every stage, in the
 * order it runs, and the commands as functions. The CLI (src/cli) is a thin shell over these.
 */
import { type ExtractOptions, extractSummary } from './extract/extractSummary.js';
import { readReport } from './ingest/readReport.js';
import type { BriefingSummary } from './summary/schema.js';

export { readReport, decodeReport } from './ingest/readReport.js';
export { cleanText } from './ingest/cleanText.js';
export type { ReportText, Paragraph } from './ingest/types.js';
export { extractSummary, type ExtractOptions } from './extract/extractSummary.js';
export { lookUpDivision, searchDivisions, type Division } from './extract/gazetteer.js';
export { validateSummary } from './summary/validateSummary.js';
export { summarySchema, SCHEMA_VERSION } from './summary/schema.js';
export type { BriefingSummary, Figure, Highlight, Region, TargetPair, LastYearTargets } from './summary/schema.js';
export { loadTemplate, listTemplates } from './layout/templates.js';
export { buildDocDefinition } from './layout/buildDocDefinition.js';
export { fitToPage } from './layout/fitToPage.js';
export { chooseChart } from './charts/chooseChart.js';
export { renderChart } from './charts/renderChart.js';
export { layOutPdf } from './pdf/renderPdf.js';
export { renderBriefing } from './pipeline/renderBriefing.js';
export { runBatch } from './pipeline/runBatch.js';
import { runBatch } from './pipeline/runBatch.js';
export { BriefingError } from './errors.js';
export { buildArchive as archive } from './archive/buildArchive.js';
export { verifyArchive as verify } from './archive/verifyArchive.js';
export { mailSession as mail } from './mail/mailSession.js';
export { renderBriefing as render } from './pipeline/renderBriefing.js';
export { loadReviewSet } from './review/reviewSet.js';
export { startReviewServer as serve } from './review/server.js';
export { pairTargets } from './compare/pairTargets.js';
export { loadPreviousYear } from './compare/loadPreviousYear.js';
export { compareRegions, type Comparison } from './compare/compareRegions.js';
export { compareSession as compare } from './compare/compareSession.js';

/** One report file → its validated summary (what `briefing extract` writes); `region`/`scope` as --region/--scope. */
export async function extract(file: string, options: ExtractOptions = {}): Promise<BriefingSummary> {
  return extractSummary(await readReport(file), options);
}

/** Report files → summaries and one-page PDFs in `outDir` (what `briefing build` does); one result per input. */
export async function build(
  files: string[],
  options: { outDir: string; template?: string; workers?: number },
): ReturnType<typeof runBatch> {
  return runBatch({ mode: 'build', files, ...options });
}

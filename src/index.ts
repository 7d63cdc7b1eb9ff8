/** The library API: every stage, in the order it runs. The CLI (src/cli) is a thin shell over these. */
export { readReport, decodeReport } from './ingest/readReport.js';
export { cleanText } from './ingest/cleanText.js';
export type { ReportText, Paragraph } from './ingest/types.js';
export { extractSummary } from './extract/extractSummary.js';
export { validateSummary } from './summary/validateSummary.js';
export { summarySchema, SCHEMA_VERSION } from './summary/schema.js';
export type { BriefingSummary, Figure, Highlight, Region } from './summary/schema.js';
export { loadTemplate, listTemplates } from './layout/templates.js';
export { buildDocDefinition } from './layout/buildDocDefinition.js';
export { fitToPage } from './layout/fitToPage.js';
export { chooseChart } from './charts/chooseChart.js';
export { renderChart } from './charts/renderChart.js';
export { layOutPdf } from './pdf/renderPdf.js';
export { renderBriefing } from './pipeline/renderBriefing.js';
export { runBatch } from './pipeline/runBatch.js';
export { BriefingError } from './errors.js';

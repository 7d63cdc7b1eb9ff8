/** The JSON Schema of summary files, generated from the zod schema (shipped as src/summary/briefing-summary.schema.json). */
import { z } from 'zod';
import { summarySchema } from './schema.js';

export function summaryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(summarySchema, { io: 'input' }),
    title: 'BriefingSummary',
    description: 'Structured summary of one regional report: the contract between extraction and rendering.',
  };
}

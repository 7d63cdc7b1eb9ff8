// Property: any report text (quotes, backslashes, braces, {{, HTML, control and astral characters) goes into the
// document as exactly the same visible text, through the one escaping path, in every built-in template.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { buildDocDefinition } from '../../src/layout/buildDocDefinition.js';
import { listTemplates, loadTemplate } from '../../src/layout/templates.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { SAMPLES } from '../helpers/samples.js';

let base: BriefingSummary;
beforeAll(async () => {
  base = await extractSummary(await readReport(SAMPLES[0]!.path));
});

/** Every string that appears as a text leaf anywhere in a doc definition. */
function textLeaves(node: unknown, found: string[] = []): string[] {
  if (typeof node === 'string') return found;
  if (Array.isArray(node)) {
    for (const item of node) textLeaves(item, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') found.push(value);
      else textLeaves(value, found);
    }
  }
  return found;
}

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.constantFrom(
    '"',
    '\\',
    '{{title}}',
    '}}{{',
    '<script>alert(1)</script>',
    '\u0000\u001f',
    '\u2028\u2029',
    '", "x": {"y": 1}, "z": "',
    '{{{raw}}}',
    '$&$1',
  ),
);

describe.each(listTemplates().map((template) => template.name))('template %s', (templateName) => {
  it('shows arbitrary report text as the same visible text', () => {
    const template = loadTemplate(templateName);
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, label, highlight) => {
        const summary: BriefingSummary = {
          ...base,
          title,
          figures: [{ ...base.figures[0]!, label }],
          highlights: [{ title: highlight, text: highlight }],
        };
        const definition = buildDocDefinition({
          summary,
          template,
          choice: { scale: 1, figures: 1, highlights: 1, targets: 0 },
          creationDate: new Date(0),
        });
        const leaves = textLeaves(definition.content);
        expect(leaves).toContain(title);
        expect(leaves).toContain(label);
        expect(leaves).toContain(highlight);
      }),
      { numRuns: 150 },
    );
  });
});

// Containment: a template may not make the renderer read files outside its folder or fetch URLs, and Handlebars
// prototype access stays disabled.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pngjs from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { renderBriefing } from '../../src/pipeline/renderBriefing.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { text } from '../helpers/pdfTools.js';
import { SAMPLES } from '../helpers/samples.js';

let summary: BriefingSummary;
beforeAll(async () => {
  summary = await extractSummary(await readReport(SAMPLES[0]!.path));
});

function templateWith(content: string, extra: Record<string, unknown> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'briefing-contained-'));
  writeFileSync(
    join(folder, 'template.json'),
    JSON.stringify({
      name: 'contained',
      description: 'test',
      pageSize: 'A4',
      limits: { figures: 3, highlights: 1, targets: 0 },
      ...extra,
    }),
  );
  writeFileSync(join(folder, 'document.hbs'), `{ "content": [ ${content} ] }`);
  return folder;
}

describe('template containment', () => {
  it('refuses an image outside the template folder (/etc/passwd), naming the template and the fix', async () => {
    const folder = templateWith('{ "image": "/etc/passwd" }');
    await expect(renderBriefing(summary, { template: folder })).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      message: 'image is outside the template folder (/etc/passwd)',
      file: `${folder}/document.hbs`,
      hint: expect.stringContaining('template folder'),
    });
    await expect(
      renderBriefing(summary, { template: templateWith('{ "image": "../../../../etc/passwd" }') }),
    ).rejects.toMatchObject({ code: 'TEMPLATE_INVALID' });
  });

  it('refuses an http URL as an image or in the images map', async () => {
    await expect(
      renderBriefing(summary, { template: templateWith('{ "image": "http://example.com/logo.png" }') }),
    ).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      message: expect.stringContaining('URLs are never fetched'),
    });
    await expect(
      renderBriefing(summary, {
        template: templateWith(
          '{ "image": "logo" }, { "text": "x", "images": { "logo": "https://example.com/a.png" } }',
        ),
      }),
    ).rejects.toThrowError();
  });

  it('refuses SVG that refers to an outside file', async () => {
    const svg = JSON.stringify(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file:///etc/passwd"/></svg>',
    );
    await expect(renderBriefing(summary, { template: templateWith(`{ "svg": ${svg} }`) })).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      message: 'an SVG refers to an outside resource',
    });
  });

  it('keeps Handlebars prototype access disabled', async () => {
    const folder = templateWith(
      '{ "text": {{json title.constructor.name}} }, { "text": {{json (lookup title "__proto__")}} }, { "text": {{json region.name}} }',
    );
    const rendered = await renderBriefing(summary, { template: folder });
    const pdf = join(folder, 'out.pdf');
    writeFileSync(pdf, rendered.pdf);
    expect(text(pdf)).toContain('沁源县');
    expect(text(pdf)).not.toContain('String');
  });
});

describe('template files by their real path', () => {
  const PNG = pngjs.PNG.sync.write(new pngjs.PNG({ width: 4, height: 4 }));

  it("renders a template's own relative logo from any working folder", async () => {
    const folder = templateWith('{ "image": "logo.png", "width": 20 }, { "text": {{json region.name}} }');
    writeFileSync(join(folder, 'logo.png'), PNG);
    const elsewhere = mkdtempSync(join(tmpdir(), 'briefing-cwd-'));
    const previous = process.cwd();
    process.chdir(elsewhere);
    try {
      const rendered = await renderBriefing(summary, { template: folder });
      expect(rendered.pages).toBe(1);
    } finally {
      process.chdir(previous);
    }
  });

  it('refuses a symlink inside the template folder that leads out of it', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'briefing-secret-')), 'secret.png');
    writeFileSync(outside, PNG);
    const folder = templateWith('{ "image": "innocent.png" }');
    symlinkSync(outside, join(folder, 'innocent.png'));
    await expect(renderBriefing(summary, { template: folder })).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      message: 'image is outside the template folder (innocent.png)',
    });
  });
});

// A user's own template folder (--template PATH): manifest + document + partials, and errors naming file and line.
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadTemplate, TEMPLATES_DIR } from '../../src/layout/templates.js';
import { pageCount, text } from '../helpers/pdfTools.js';
import { SAMPLES } from '../helpers/samples.js';

let stdout = '';
beforeEach(() => {
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

function userTemplate(): string {
  const folder = mkdtempSync(join(tmpdir(), 'briefing-user-template-'));
  writeFileSync(
    join(folder, 'template.json'),
    JSON.stringify({
      name: 'delegates-card',
      description: 'A5 landscape card',
      pageSize: 'A5',
      pageOrientation: 'landscape',
      pageMargins: [30, 30, 30, 30],
      fonts: ['NotoSerifSC'],
      defaultStyle: { fontSize: 11 },
      styles: { big: { fontSize: 28, bold: true } },
      limits: { figures: 4, highlights: 2, targets: 0 },
    }),
  );
  writeFileSync(
    join(folder, 'document.hbs'),
    '{ "content": [ {{> banner}}, {{#each figures}}{ "text": {{join label "：" value unit}} }{{#unless @last}},{{/unless}}{{/each}} ] }',
  );
  cpSync(join(TEMPLATES_DIR, 'partials'), join(folder, 'partials'), { recursive: true });
  writeFileSync(
    join(folder, 'partials', 'banner.hbs'),
    '{ "text": {{join "代表卡片 · " region.name}}, "style": "big" }',
  );
  return folder;
}

describe('user template folders', () => {
  it('renders with the user folder, its partials, page size and fonts', async () => {
    const folder = userTemplate();
    const out = mkdtempSync(join(tmpdir(), 'briefing-user-out-'));
    expect(await main(['build', SAMPLES[4]!.path, '-o', out, '--template', folder, '--json'])).toBe(0);
    const pdf = JSON.parse(stdout).results[0].pdf as string;
    expect(pageCount(pdf)).toBe(1);
    expect(text(pdf)).toContain('代表卡片 · 沁水县');
    expect(text(pdf)).toContain('地区生产总值：426.8亿元');
    expect(readdirSync(out)).toContain('140521-沁水县.pdf');
  });

  it('names file and line of an error in the manifest', () => {
    const folder = userTemplate();
    writeFileSync(join(folder, 'template.json'), '{\n  "name": "x",\n  "description": "y",\n  "pageSize": "A4",,\n}');
    expect(() => loadTemplate(folder)).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_INVALID', file: `${join(folder, 'template.json')}:4` }),
    );
  });

  it('names the field of a manifest that breaks the rules', () => {
    const folder = userTemplate();
    writeFileSync(
      join(folder, 'template.json'),
      JSON.stringify({
        name: 'x',
        description: 'y',
        pageSize: 'A9000',
        pageMargins: [1, 1, 1, 1],
        limits: { figures: 1, highlights: 1, targets: 0 },
      }),
    );
    expect(() => loadTemplate(folder)).toThrowError(
      expect.objectContaining({ field: 'pageSize', message: expect.stringContaining('unknown page size') }),
    );
  });

  it('names file and line of an unescaped value in a partial', () => {
    const folder = userTemplate();
    writeFileSync(join(folder, 'partials', 'banner.hbs'), '{\n  "text": "{{{region.name}}}"\n}');
    expect(() => loadTemplate(folder)).toThrowError(
      expect.objectContaining({ file: `${join(folder, 'partials', 'banner.hbs')}:2` }),
    );
  });
});

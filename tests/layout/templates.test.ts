import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatGrowth, toJson } from '../../src/layout/helpers.js';
import { listTemplates, loadTemplate } from '../../src/layout/templates.js';

function templateFolder(document: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'briefing-template-'));
  writeFileSync(
    join(folder, 'template.json'),
    JSON.stringify({
      name: 'custom',
      description: 'test',
      pageSize: 'A4',
      limits: { figures: 3, highlights: 3, targets: 0 },
    }),
  );
  writeFileSync(join(folder, 'document.hbs'), document);
  return folder;
}

describe('templates', () => {
  it('lists the built-in handout template', () => {
    expect(listTemplates().map((template) => template.name)).toContain('handout');
  });

  it('is compiled once per process', () => {
    expect(loadTemplate('handout')).toBe(loadTemplate('handout'));
  });

  it('inserts hostile report text as the same visible text, never as structure', () => {
    const folder = templateFolder('{ "content": [ { "text": {{json title}} } ] }');
    const hostile = 'a"b\\c}{{title}}</p>\u0000\u2028"], "x": 1, "y": ["';
    expect(loadTemplate(folder).render({ title: hostile })).toEqual({ content: [{ text: hostile }] });
  });

  it('refuses a value printed without the escaping helper, naming file and line', () => {
    const folder = templateFolder('{\n  "content": [\n    { "text": "{{title}}" }\n  ]\n}');
    expect(() => loadTemplate(folder)).toThrowError(/escaping helper/);
    try {
      loadTemplate(folder);
    } catch (error) {
      expect((error as { file: string }).file).toBe(`${join(folder, 'document.hbs')}:3`);
    }
  });

  it('reports a template syntax error with its file and line', () => {
    const folder = templateFolder('{\n  "content": [ {{#each items}} ]\n}');
    expect(() => loadTemplate(folder)).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_INVALID', file: expect.stringMatching(/document\.hbs:\d+$/) }),
    );
  });

  it('names the available templates when one is unknown', () => {
    expect(() => loadTemplate('no-such-template')).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_NOT_FOUND', hint: expect.stringContaining('handout') }),
    );
  });
});

describe('helpers', () => {
  it('formats Chinese dates, growth and JSON literals', () => {
    expect(formatChineseDate('2026-01-17')).toBe('2026年1月17日');
    expect(formatChineseDate(undefined)).toBe('');
    expect(formatGrowth(3.2)).toBe('▲3.2%');
    expect(formatGrowth(-1.5)).toBe('▼1.5%');
    expect(formatGrowth(undefined)).toBe('');
    expect(toJson('\u2028')).toBe('"\\u2028"');
    expect(toJson(undefined)).toBe('null');
  });
});

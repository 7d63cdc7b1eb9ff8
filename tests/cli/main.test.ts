// The CLI contract of ../shared/DESIGN.md: --json documents, exit codes 0/1/2, errors naming the input.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SAMPLES } from '../helpers/samples.js';

let stdout: string;
let stderr: string;

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('briefing CLI', () => {
  it('templates --json lists the built-in templates', async () => {
    expect(await main(['templates', '--json'])).toBe(0);
    const { templates } = JSON.parse(stdout);
    expect(templates.map((template: { name: string }) => template.name)).toContain('handout');
  });

  it('build --json writes whole outputs for good inputs, reports the bad one and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
    copyFileSync(SAMPLES[2]!.path, join(folder, 'tunliu.txt'));
    writeFileSync(join(folder, 'nothing.txt'), '这是一段没有地名的文字。');
    const out = join(folder, 'out');
    expect(await main(['build', folder, '-o', out, '--json'])).toBe(1);
    const { results } = JSON.parse(stdout);
    expect(results).toHaveLength(2);
    const [bad, good] = results;
    expect(bad).toMatchObject({ input: join(folder, 'nothing.txt'), pdf: null, error: { code: 'REGION_NOT_FOUND', file: join(folder, 'nothing.txt') } });
    expect(good).toMatchObject({ id: 'tunliu', region: '屯留区', pdf: join(out, 'tunliu.pdf'), pages: 1, error: null });
    expect(readdirSync(out).sort()).toEqual(['tunliu.pdf', 'tunliu.summary.json']);
  });

  it('exits 2 with a hint for an unknown template', async () => {
    expect(await main(['build', SAMPLES[0]!.path, '--template', 'nope'])).toBe(2);
    expect(stderr).toContain('template not found: nope');
    expect(stderr).toContain('handout');
  });

  it('exits 2 for an unknown command or option', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['build', '--no-such-flag'])).toBe(2);
  });

  it('extract then render gives the same one-page briefing from the reviewed summary', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
    expect(await main(['extract', SAMPLES[4]!.path, '-o', folder, '--json'])).toBe(0);
    stdout = '';
    expect(await main(['render', folder, '-o', folder, '--json'])).toBe(0);
    const { results } = JSON.parse(stdout);
    expect(results).toEqual([expect.objectContaining({ region: '沁水县', pages: 1, error: null })]);
  });
});

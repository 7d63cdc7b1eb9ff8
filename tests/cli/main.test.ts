// The CLI contract of ../shared/DESIGN.md: --json documents, exit codes 0/1/2, errors naming the input.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { text } from '../helpers/pdfTools.js';
import { SAMPLES } from '../helpers/samples.js';
import { captureOutput } from '../helpers/captureOutput.js';

const output = captureOutput();

describe('briefing CLI', () => {
  it('templates --json lists the built-in templates', async () => {
    expect(await main(['templates', '--json'])).toBe(0);
    const { templates } = JSON.parse(output.stdout);
    expect(templates.map((template: { name: string }) => template.name)).toContain('handout');
  });

  it('build --json writes whole outputs for good inputs, reports the bad one and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
    copyFileSync(SAMPLES[2]!.path, join(folder, 'tunliu.txt'));
    writeFileSync(join(folder, 'nothing.txt'), '这是一段没有地名的文字。');
    const out = join(folder, 'out');
    expect(await main(['build', folder, '-o', out, '--json'])).toBe(1);
    const { results } = JSON.parse(output.stdout);
    expect(results).toHaveLength(2);
    const [bad, good] = results;
    expect(bad).toMatchObject({
      input: join(folder, 'nothing.txt'),
      pdf: null,
      error: { code: 'REGION_NOT_FOUND', file: join(folder, 'nothing.txt') },
    });
    expect(good).toMatchObject({
      id: 'tunliu',
      region: '屯留区',
      pdf: join(out, '140405-屯留区.pdf'),
      pages: 1,
      error: null,
    });
    expect(readdirSync(out).sort()).toEqual(['140405-屯留区.pdf', '140405-屯留区.summary.json']);
  });

  it('exits 2 with a hint for an unknown template', async () => {
    expect(await main(['build', SAMPLES[0]!.path, '--template', 'nope'])).toBe(2);
    expect(output.stderr).toContain('template not found: nope');
    expect(output.stderr).toContain('handout');
  });

  it('exits 2 for an unknown command or option', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['build', '--no-such-flag'])).toBe(2);
  });

  it('extract then render gives the same one-page briefing from the reviewed summary', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
    expect(await main(['extract', SAMPLES[4]!.path, '-o', folder, '--json'])).toBe(0);
    output.stdout = '';
    expect(await main(['render', folder, '-o', folder, '--json'])).toBe(0);
    const { results } = JSON.parse(output.stdout);
    expect(results).toEqual([expect.objectContaining({ region: '沁水县', pages: 1, error: null })]);
  });
});

describe('review work is never lost', () => {
  it('extract keeps a hand-edited summary unless --force, and build renders the edited one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-review-'));
    const report = SAMPLES[4]!.path;
    expect(await main(['extract', report, '-o', folder, '--json'])).toBe(0);
    const file = join(folder, '140521-沁水县.summary.json');
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    edited.title = '沁水县政府工作报告（审定稿）';
    writeFileSync(file, JSON.stringify(edited, null, 2));

    output.stdout = '';
    expect(await main(['extract', report, '-o', folder, '--json'])).toBe(0);
    expect(JSON.parse(output.stdout).results[0].warnings.join(' ')).toContain('edited by hand');
    expect(JSON.parse(readFileSync(file, 'utf8')).title).toBe('沁水县政府工作报告（审定稿）');

    output.stdout = '';
    expect(await main(['build', report, '-o', folder, '--json'])).toBe(0);
    expect(text(JSON.parse(output.stdout).results[0].pdf)).toContain('审定稿');

    output.stdout = '';
    expect(await main(['extract', report, '-o', folder, '--force', '--json'])).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).title).toBe('政府工作报告');
  });

  it('check names the file and JSON path of each problem and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-check-'));
    expect(await main(['extract', SAMPLES[0]!.path, '-o', folder, '--json'])).toBe(0);
    const file = join(folder, '140431-沁源县.summary.json');
    const broken = JSON.parse(readFileSync(file, 'utf8'));
    broken.region.code = '14043';
    writeFileSync(join(folder, 'broken.summary.json'), JSON.stringify(broken));
    output.stdout = '';
    expect(await main(['check', folder, '--json'])).toBe(1);
    const { results } = JSON.parse(output.stdout);
    expect(results.map((result: { error: { field: string } | null }) => result.error?.field ?? null)).toEqual([
      null,
      '$.region.code',
    ]);
    expect(results[1].error.file).toBe(join(folder, 'broken.summary.json'));
  });
});

describe('archive and verify commands', () => {
  it('archive --json then verify exit 0; verify exits 1 after tampering; a bad --date is a usage error', async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefing-cli-archive-'));
    expect(
      await main([
        'archive',
        SAMPLES[0]!.path,
        SAMPLES[1]!.path,
        '--session',
        '长治两会',
        '--date',
        '2026-01-17',
        '-o',
        out,
        '--json',
      ]),
    ).toBe(0);
    const { folder, status } = JSON.parse(output.stdout);
    expect(status).toBe('created');
    expect(await main(['verify', folder])).toBe(0);
    writeFileSync(join(folder, 'book.pdf'), 'not the book');
    output.stdout = '';
    expect(await main(['verify', folder, '--json'])).toBe(1);
    expect(JSON.parse(output.stdout)).toMatchObject({ ok: false, altered: ['book.pdf'] });
    expect(await main(['archive', SAMPLES[0]!.path, '--session', 'x', '--date', '17.1.2026'])).toBe(2);
    expect(await main(['archive', SAMPLES[0]!.path])).toBe(2);
  });
});

it('stops quietly when its reader closes the pipe early (briefing … | head)', async () => {
  const { spawn } = await import('node:child_process');
  const { ROOT } = await import('../helpers/samples.js');
  const child = spawn(process.execPath, [join(ROOT, 'bin/briefing.js'), 'schema'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let childStderr = '';
  child.stderr.on('data', (chunk: Buffer) => (childStderr += chunk.toString()));
  child.stdout.destroy(); // the reader is gone before the first line is written
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  expect(childStderr).not.toContain('EPIPE');
  expect(code).toBe(0);
});

describe('messages that help', () => {
  it('lists what needs a person, and trimmed items in one line unless --verbose', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-messages-'));
    expect(await main(['build', SAMPLES[2]!.path, SAMPLES[0]!.path, '-o', folder])).toBe(0);
    expect(output.stderr).toContain('region name corrected: the text writes 电留区');
    expect(output.stderr).not.toContain('not shown:');
    expect(output.stderr).toMatch(/\d+ notes on items left off the pages .*--verbose lists them/);
    output.stderr = '';
    expect(await main(['build', SAMPLES[0]!.path, '-o', folder, '--verbose'])).toBe(0);
    expect(output.stderr).toContain('not shown:');
  });

  it('says "did you mean" for a misspelled template, and gives every command --debug and an example', async () => {
    expect(
      await main(['build', SAMPLES[0]!.path, '-o', mkdtempSync(join(tmpdir(), 'briefing-typo-')), '-t', 'handuot']),
    ).toBe(2);
    expect(output.stderr).toContain('did you mean handout?');
    for (const command of [
      'build',
      'extract',
      'render',
      'check',
      'archive',
      'verify',
      'mail',
      'templates',
      'schema',
      'bench',
    ]) {
      output.stdout = '';
      expect(await main([command, '--help'])).toBe(0);
      expect(output.stdout, command).toContain('--debug');
      expect(output.stdout, command).toContain('Example');
    }
  });

  it('names line and column of a JSON syntax error in a summary', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-json-'));
    writeFileSync(join(folder, 'bad.summary.json'), '{\n  "schemaVersion": 1,\n  "id": "x",,\n}');
    expect(await main(['check', folder, '--json'])).toBe(1);
    expect(JSON.parse(output.stdout).results[0].error.message).toMatch(/line 3, column \d+/);
  });

  it('archive warns of a report that does not fit the session, by place or year', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-fit-'));
    expect(
      await main([
        'archive',
        SAMPLES[0]!.path,
        SAMPLES[4]!.path,
        '--session',
        '长治两会',
        '--date',
        '2026-01-17',
        '-o',
        folder,
      ]),
    ).toBe(0);
    expect(output.stderr).toContain('沁水县 (晋城市) is not a region of the session 长治两会');
    expect(output.stderr).toContain('沁水县: the report is of the 2023 session');
    expect(output.stderr).not.toContain('沁源县 (长治市) is not');
  });
});

describe('archive output errors', () => {
  it('names an output path that is a file in one line (exit 2), and --json still prints one document', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-archive-out-'));
    const file = join(folder, 'a-file');
    writeFileSync(file, 'x');
    expect(
      await main(['archive', SAMPLES[0]!.path, '--session', '长治两会', '--date', '2026-01-17', '-o', file, '--json']),
    ).toBe(2);
    expect(output.stderr).toMatch(/^briefing: .*a-file/m);
    expect(output.stderr).not.toContain('    at ');
    expect(JSON.parse(output.stdout)).toMatchObject({ results: [], error: { code: 'OUTPUT_UNWRITABLE' } });
  });

  it('removes the staging folder a killed archive run left behind', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-archive-stale-'));
    // A run with a process id that does not exist was killed mid-way and left its staging folder.
    const abandoned = join(folder, '.2026-01-17-长治两会.999999999.0a1b2c3d.tmp');
    mkdirSync(abandoned);
    writeFileSync(join(abandoned, 'half.pdf'), 'x');
    expect(
      await main(['archive', SAMPLES[0]!.path, '--session', '长治两会', '--date', '2026-01-17', '-o', folder]),
    ).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['2026-01-17-长治两会']);
  });
});

describe('render errors', () => {
  it('name the summary file given, not the report it was extracted from', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-render-error-'));
    expect(await main(['extract', SAMPLES[4]!.path, '-o', folder])).toBe(0);
    const template = mkdtempSync(join(tmpdir(), 'briefing-broken-template-'));
    writeFileSync(
      join(template, 'template.json'),
      JSON.stringify({
        name: 'b',
        description: 'b',
        pageSize: 'A4',
        limits: { figures: 1, highlights: 1, targets: 0 },
      }),
    );
    writeFileSync(join(template, 'document.hbs'), '{ "content": [ { "image": "missing.png" } ] }');
    const summary = join(folder, '140521-沁水县.summary.json');
    output.stdout = '';
    expect(await main(['render', summary, '-o', join(folder, 'out'), '-t', template, '--json'])).toBe(1);
    expect(JSON.parse(output.stdout).results[0].error).toMatchObject({ file: summary });
  });
});

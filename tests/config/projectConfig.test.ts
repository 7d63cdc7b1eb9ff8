// The project file: found in the working folder or above, validated naming file and key, overridden by flags, never
// holding a password; `briefing init` writes a commented one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig, withPassword, writeProjectConfigTemplate } from '../../src/config/projectConfig.js';
import { text } from '../helpers/pdfTools.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const CLI = join(ROOT, 'bin/briefing.js');
const project = (files: Record<string, string>): string => {
  const folder = mkdtempSync(join(tmpdir(), 'briefing-project-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
};
const run = (cwd: string, args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('loadProjectConfig', () => {
  it('finds briefing.config.yaml in a folder above, with paths relative to it', () => {
    const folder = project({
      'briefing.config.yaml': 'session: 长治两会\nout: handouts\ndelegates: 代表名单.xlsx\ntemplate: official\n',
    });
    const below = join(folder, 'reports', '2026');
    mkdirSync(below, { recursive: true });
    expect(loadProjectConfig(below)).toEqual({
      session: '长治两会',
      out: join(folder, 'handouts'),
      delegates: join(folder, '代表名单.xlsx'),
      template: 'official',
      file: join(folder, 'briefing.config.yaml'),
    });
  });

  it('reads briefing.config.json too, and gives {} where there is none', () => {
    expect(
      loadProjectConfig(project({ 'briefing.config.json': '{ "issuer": "长治市人大常委会办公室" }' })),
    ).toMatchObject({ issuer: '长治市人大常委会办公室' });
    expect(loadProjectConfig(mkdtempSync(join(tmpdir(), 'briefing-none-')))).toEqual({});
  });

  it('refuses a mistyped key, a bad date and a password, naming the file and the key', () => {
    const mistyped = project({ 'briefing.config.yaml': 'sesion: 长治两会\n' });
    expect(() => loadProjectConfig(mistyped)).toThrowError(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        file: join(mistyped, 'briefing.config.yaml'),
        message: expect.stringContaining('sesion'),
      }),
    );
    expect(() => loadProjectConfig(project({ 'briefing.config.yaml': 'date: 2026/01/17\n' }))).toThrowError(
      expect.objectContaining({ field: 'date' }),
    );
    expect(() =>
      loadProjectConfig(project({ 'briefing.config.yaml': 'smtp: smtp://renda:secret@mail.example.org:587\n' })),
    ).toThrowError(expect.objectContaining({ message: expect.stringContaining('BRIEFING_SMTP_PASSWORD') }));
    expect(() => loadProjectConfig(project({ 'briefing.config.yaml': 'session: [unclosed\n' }))).toThrowError(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  it('adds the password from the environment to an SMTP URL with a user and no password', () => {
    expect(withPassword('smtp://renda%40example.org@mail.example.org:587', 's3cret/+')).toBe(
      'smtp://renda%40example.org:s3cret%2F%2B@mail.example.org:587',
    );
    expect(withPassword('smtp://mail.example.org:25', 's3cret')).toBe('smtp://mail.example.org:25');
    expect(withPassword('smtp://a:b@mail.example.org', 'other')).toBe('smtp://a:b@mail.example.org');
  });
});

describe('the project file on the command line', () => {
  it('sets the defaults of build, and flags override them', () => {
    const folder = project({
      'briefing.config.yaml': 'out: handouts\ntemplate: official\nissuer: 长治市人大常委会办公室\n',
    });
    copyFileSync(SAMPLES[4]!.path, join(folder, 'report.txt'));
    expect(run(folder, ['build', 'report.txt']).status).toBe(0);
    expect(readdirSync(join(folder, 'handouts'))).toContain('140521-沁水县.pdf');
    expect(text(join(folder, 'handouts', '140521-沁水县.pdf'))).toContain('长治市人大常委会办公室简报');
    expect(run(folder, ['build', 'report.txt', '-o', 'other', '--issuer', '沁水县人大常委会办公室']).status).toBe(0);
    expect(text(join(folder, 'other', '140521-沁水县.pdf'))).toContain('沁水县人大常委会办公室简报');
  });

  it('stops every command with exit 2 on a broken project file, naming it', () => {
    const folder = project({ 'briefing.config.yaml': 'templte: official\n' });
    const { status, stderr } = run(folder, ['templates']);
    expect(status).toBe(2);
    expect(stderr).toContain(join(folder, 'briefing.config.yaml'));
    expect(stderr).toContain('templte');
  });

  it('briefing init writes a commented project file that loads as no settings, and will not overwrite it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-init-'));
    expect(run(folder, ['init']).status).toBe(0);
    const written = readFileSync(join(folder, 'briefing.config.yaml'), 'utf8');
    for (const key of ['session', 'date', 'issuer', 'template', 'out', 'archive', 'delegates', 'smtp', 'from'])
      expect(written).toContain(`# ${key}:`);
    expect(loadProjectConfig(folder)).toEqual({ file: join(folder, 'briefing.config.yaml') });
    expect(run(folder, ['init']).status).toBe(2);
    await expect(writeProjectConfigTemplate(folder, true)).resolves.toBe(join(folder, 'briefing.config.yaml'));
    expect(existsSync(join(folder, 'briefing.config.yaml'))).toBe(true);
  });
});

// Installs like any npm CLI: the packed tarball, installed into a fresh prefix, runs `briefing build` from another
// folder and serves the library API to `import('briefing')`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-install-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  npm(['pack', '--pack-destination', work], ROOT);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
  npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], work);
  mkdirSync(elsewhere);
}, 600_000);

describe('the packed package', () => {
  it('ships what it needs: compiled code, templates, fonts, data, schema', () => {
    const installed = join(prefix, 'lib/node_modules/briefing');
    for (const path of ['dist/index.js', 'dist/index.d.ts', 'dist/extract/keywordWorker.js', 'templates/handout/template.json', 'data/indicators.json', 'src/summary/briefing-summary.schema.json', 'bin/briefing.js']) {
      expect(existsSync(join(installed, path)), path).toBe(true);
    }
    expect(existsSync(join(installed, 'tests'))).toBe(false);
  });

  it('runs briefing --version and briefing build from another folder', () => {
    const cli = join(prefix, 'bin/briefing');
    expect(execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim()).toBe(version);
    copyFileSync(SAMPLES[0]!.path, join(elsewhere, '沁源县报告.txt'));
    execFileSync(cli, ['build', '沁源县报告.txt', '-o', 'handouts'], { cwd: elsewhere, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const pdfs = readdirSync(join(elsewhere, 'handouts')).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    expect(readFileSync(join(elsewhere, 'handouts', pdfs[0]!)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("serves the library API to import('briefing')", () => {
    const script = join(elsewhere, 'api.mjs');
    writeFileSync(script, "const api = await import('briefing');\nconsole.log(JSON.stringify(['extract', 'render', 'build', 'archive', 'verify', 'mail', 'serve'].map((name) => typeof api[name])));\n");
    // As a project that depends on it would see it: node_modules/briefing is the installed package.
    mkdirSync(join(elsewhere, 'node_modules'), { recursive: true });
    symlinkSync(join(prefix, 'lib/node_modules/briefing'), join(elsewhere, 'node_modules/briefing'), 'dir');
    const output = execFileSync(process.execPath, [script], { cwd: elsewhere, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(['function', 'function', 'function', 'function', 'function', 'function', 'function']);
  });

  it('serves the review page and every file it loads from the installed package (no CDN, works offline)', () => {
    const script = join(elsewhere, 'serve.mjs');
    copyFileSync(SAMPLES[4]!.path, join(elsewhere, 'qinshui.txt'));
    writeFileSync(
      script,
      [
        "const { loadReviewSet, serve } = await import('briefing');",
        "const server = await serve({ set: await loadReviewSet({ inputs: ['qinshui.txt'], outDir: 'reviewed' }), port: 0 });",
        "const paths = ['/', ...['app.js', 'review.css', 'pdf.mjs', 'pdf.worker.mjs', 'sans.ttf'].map((name) => `/assets/${name}`)];",
        'const statuses = [];',
        'for (const path of paths) statuses.push((await fetch(`http://127.0.0.1:${server.port}${path}?token=${server.token}`)).status);',
        'await server.close();',
        'console.log(JSON.stringify(statuses));',
      ].join('\n'),
    );
    const output = execFileSync(process.execPath, [script], { cwd: elsewhere, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([200, 200, 200, 200, 200, 200]);
  });
});

// Installs like any npm CLI: the packed tarball, installed into a fresh prefix, runs `briefing build` from another
// folder and serves the library API to `import('briefing')`.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-install-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  npm(['pack', '--pack-destination', work], ROOT);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
  npm(
    ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)],
    work,
  );
  mkdirSync(elsewhere);
}, 600_000);

describe('the packed package', () => {
  it('ships what it needs: compiled code, templates, fonts, data, schema', () => {
    const installed = join(prefix, 'lib/node_modules/briefing');
    for (const path of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/extract/keywordWorker.js',
      'templates/handout/template.json',
      'data/indicators.json',
      'src/summary/briefing-summary.schema.json',
      'bin/briefing.js',
    ]) {
      expect(existsSync(join(installed, path)), path).toBe(true);
    }
    expect(existsSync(join(installed, 'tests'))).toBe(false);
  });

  it('runs briefing --version and briefing build from another folder', () => {
    const cli = join(prefix, 'bin/briefing');
    expect(execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim()).toBe(version);
    copyFileSync(SAMPLES[0]!.path, join(elsewhere, '沁源县报告.txt'));
    execFileSync(cli, ['build', '沁源县报告.txt', '-o', 'handouts'], {
      cwd: elsewhere,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pdfs = readdirSync(join(elsewhere, 'handouts')).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    expect(
      readFileSync(join(elsewhere, 'handouts', pdfs[0]!))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it("serves the library API to import('briefing')", () => {
    const script = join(elsewhere, 'api.mjs');
    writeFileSync(
      script,
      "const api = await import('briefing');\nconsole.log(JSON.stringify(['extract', 'render', 'build', 'archive', 'verify', 'mail', 'serve'].map((name) => typeof api[name])));\n",
    );
    // As a project that depends on it would see it: node_modules/briefing is the installed package.
    mkdirSync(join(elsewhere, 'node_modules'), { recursive: true });
    symlinkSync(join(prefix, 'lib/node_modules/briefing'), join(elsewhere, 'node_modules/briefing'), 'dir');
    const output = execFileSync(process.execPath, [script], { cwd: elsewhere, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
    ]);
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

  it('installs the pdfkit and fontkit it was tested with (npm-shrinkwrap.json), though pdfmake would take a newer pdfkit', () => {
    const installed = join(prefix, 'lib/node_modules/briefing');
    expect(existsSync(join(installed, 'npm-shrinkwrap.json'))).toBe(true);
    expect(
      Object.fromEntries(
        Object.entries(dependencyManifests()).map(([name, file]) => [
          name,
          JSON.parse(readFileSync(file, 'utf8')).version,
        ]),
      ),
    ).toEqual({ pdfkit: '0.19.1', fontkit: '2.0.4' });
  });

  it('renders with pdfmake’s own code paths and one warning when newer pdfkit and fontkit are forced in', () => {
    // No newer release is in the offline npm cache: the installed ones are made to say they are 0.19.2 and 2.0.5.
    const manifests = dependencyManifests();
    const originals = Object.fromEntries(
      Object.entries(manifests).map(([name, file]) => [name, readFileSync(file, 'utf8')]),
    );
    const forced = { pdfkit: '0.19.2', fontkit: '2.0.5' };
    try {
      for (const [name, file] of Object.entries(manifests))
        writeFileSync(
          file,
          JSON.stringify({ ...JSON.parse(originals[name]!), version: forced[name as keyof typeof forced] }),
        );
      // Eight inputs: a batch on worker processes, which must not repeat the warning.
      const inputs = join(work, 'newer-inputs');
      mkdirSync(inputs);
      for (let copy = 0; copy < 8; copy += 1)
        copyFileSync(SAMPLES[copy % SAMPLES.length]!.path, join(inputs, `r${copy}.txt`));
      const run = spawnSync(join(prefix, 'bin/briefing'), ['build', inputs, '-o', 'newer'], {
        cwd: elsewhere,
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr.match(/BRIEFING_UNTESTED_VERSIONS/g)).toHaveLength(1);
      expect(run.stderr).toContain('pdfkit 0.19.2 (written for 0.19.1), fontkit 2.0.5 (written for 2.0.4)');
      const pdfs = readdirSync(join(elsewhere, 'newer')).filter((name) => name.endsWith('.pdf'));
      expect(pdfs).toHaveLength(8);
      for (const pdf of pdfs)
        expect(
          readFileSync(join(elsewhere, 'newer', pdf))
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
    } finally {
      for (const [name, file] of Object.entries(manifests)) writeFileSync(file, originals[name]!);
    }
  });
});

/** package.json of the pdfkit and fontkit the installed briefing loads (pdfkit through pdfmake, fontkit through pdfkit). */
function dependencyManifests(): Record<'pdfkit' | 'fontkit', string> {
  const installed = join(prefix, 'lib/node_modules/briefing');
  const pdfmake = createRequire(join(installed, 'package.json')).resolve('pdfmake');
  const pdfkit = createRequire(pdfmake).resolve('pdfkit');
  const fontkit = createRequire(pdfkit).resolve('fontkit');
  return { pdfkit: manifestAbove(pdfkit, 'pdfkit'), fontkit: manifestAbove(fontkit, 'fontkit') };
}

/** The package.json of package `name` that holds `entry` (fontkit exports no ./package.json to resolve). */
function manifestAbove(entry: string, name: string): string {
  for (let folder = dirname(entry); folder !== dirname(folder); folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).name === name) return file;
  }
  throw new Error(`no package.json of ${name} above ${entry}`);
}

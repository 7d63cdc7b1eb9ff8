#!/usr/bin/env node
// How fast `briefing build` stops on SIGTERM in the middle of extracting the largest class of accepted input: a 7 MB
// report (the 沁水县 sample repeated), signalled 0.8, 1.2 and 1.6 s after the start. Prints the exit code and the time
// from signal to exit. BRIEFING_WORKERS=1 measures the main-thread path.
// Usage: npm run bench:interrupt
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = readFileSync(join(root, 'data/reports/004_02e8585f2ada8328.txt'), 'utf8');
const folder = mkdtempSync(join(tmpdir(), 'bench-interrupt-'));
const report = join(folder, 'large.txt');
writeFileSync(report, sample.repeat(Math.floor(7e6 / Buffer.byteLength(sample))));
for (const delay of [800, 1200, 1600]) {
  const child = spawn(process.execPath, [join(root, 'bin/briefing.js'), 'build', report, '-o', mkdtempSync(join(folder, 'out-'))], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, delay));
  const signalled = performance.now();
  child.kill('SIGTERM');
  const code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(signal ?? exitCode)));
  console.log(`SIGTERM ${delay} ms after the start: exit ${code}, ${(performance.now() - signalled).toFixed(0)} ms after the signal`);
}

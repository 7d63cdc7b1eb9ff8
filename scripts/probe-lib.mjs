// Shared by the probes (scripts/probe-*.mjs): the compiled CLI run as a child process, killed on demand, and the
// bundled sample reports. The probes need the build (`npm run build`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(ROOT, 'bin/briefing.js');
export const SAMPLES = readdirSync(join(ROOT, 'data/reports')).filter((name) => name.endsWith('.txt')).sort().map((name) => join(ROOT, 'data/reports', name));

if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
  console.error('the probes run the compiled CLI: run npm run build first');
  process.exit(2);
}

export const scratch = (name) => mkdtempSync(join(tmpdir(), `briefing-probe-${name}-`));

/** Starts `briefing …`; `killAfterMs` sends SIGKILL that long after the start. Resolves with code, signal and output. */
export function briefing(args, { killAfterMs, env = {}, onStdout } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    onStdout?.(stdout, child);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const done = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, killed: signal === 'SIGKILL' });
    }),
  );
  return Object.assign(done, { child });
}

/** A seeded random number generator, so a probe's trials can be replayed (PROBE_SEED). */
export function seededRandom(seed = Number(process.env.PROBE_SEED ?? 23)) {
  let state = seed >>> 0 || 1;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Hidden temporaries and half-written files under a folder (names only). */
export function leftovers(folder) {
  return readdirSync(folder, { recursive: true }).map(String).filter((name) => /(^|\/)\.[^/]*\.tmp(\.old|\.keep)?$/.test(name));
}

export function summarize(outcomes) {
  const counts = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return Object.entries(counts).map(([outcome, count]) => `${count} × ${outcome}`).join(', ');
}

#!/usr/bin/env node
// kill -9 at random moments while `briefing serve` saves a correction into a session folder (which rebuilds the
// region's PDF, book.pdf and manifest.json under the session lock and swaps the folder); after each kill,
// `briefing verify` must be green or refuse clearly, with the mail ledger still in the folder. PROBE_TRIALS (20),
// PROBE_SEED.
// Usage: npm run probe:kill-review-save
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { briefing, leftovers, SAMPLES, scratch, seededRandom, summarize } from './probe-lib.mjs';

const TRIALS = Number(process.env.PROBE_TRIALS ?? 20);
const random = seededRandom();
const base = scratch('save-base');
const first = await briefing(['archive', SAMPLES[3], SAMPLES[4], '--session', '探针', '--date', '2026-01-17', '-o', base]);
if (first.code !== 0) throw new Error(`the archive failed: ${first.stderr}`);
const folderName = '2026-01-17-探针';
const ledger = '{"probe":"ledger line"}\n';
writeFileSync(join(base, folderName, 'mail-ledger.jsonl'), ledger);

/** Starts serve on a copy of the session; resolves once it listens, with what a save needs. */
async function startServe(folder) {
  let ready;
  const listening = new Promise((resolve) => (ready = resolve));
  const run = briefing(['serve', folder, '--port', '0'], { onStdout: (text) => text.includes('\n') && ready(text.trim()) });
  const url = new URL(await Promise.race([listening, run.then((result) => Promise.reject(new Error(`serve exited: ${result.stderr}`)))]));
  const token = url.searchParams.get('token');
  const api = (path, body) =>
    fetch(new URL(path, url), { method: body ? 'POST' : 'GET', headers: { 'X-Briefing-Token': token, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  const { regions } = await (await api('/api/regions')).json();
  const document = await (await api(`/api/regions/${regions[0].id}`)).json();
  const save = () =>
    api(`/api/regions/${regions[0].id}/save`, { summary: { ...document.summary, title: '审定稿' }, origins: document.summary.figures.map((_, index) => index), version: document.version });
  return { run, save };
}

const timing = scratch('save-timing');
cpSync(base, timing, { recursive: true });
const server = await startServe(join(timing, folderName));
const started = performance.now();
const answer = await server.save();
const duration = performance.now() - started;
if (!answer.ok) throw new Error(`a save failed: ${answer.status} ${await answer.text()}`);
server.run.child.kill('SIGKILL');
await server.run;
console.log(`a save into the session folder takes ${duration.toFixed(0)} ms; ${TRIALS} kills spread over 0–${(duration * 1.1).toFixed(0)} ms after it is sent`);

const outcomes = [];
for (let trial = 1; trial <= TRIALS; trial += 1) {
  const out = scratch('save-trial');
  cpSync(base, out, { recursive: true });
  const folder = join(out, folderName);
  const { run, save } = await startServe(folder);
  const delay = Math.round(random() * duration * 1.1);
  const saving = save().then((response) => `answered ${response.status}`, () => 'no answer');
  await new Promise((resolve) => setTimeout(resolve, delay));
  run.child.kill('SIGKILL');
  const saved = await saving;
  await run;
  const verify = await briefing(['verify', folder]);
  const ledgerKept = existsSync(join(folder, 'mail-ledger.jsonl')) && readFileSync(join(folder, 'mail-ledger.jsonl'), 'utf8') === ledger;
  const refusedClearly = verify.code !== 0 && verify.stderr.includes(folder);
  const outcome = (verify.code === 0 ? 'verify green' : refusedClearly ? 'verify refused clearly' : 'verify UNCLEAR') + (ledgerKept ? '' : ' LOST ledger') + (leftovers(out).length === 0 ? '' : ' LEFTOVERS');
  outcomes.push(outcome);
  console.log(`trial ${String(trial).padStart(2)}: kill at ${String(delay).padStart(5)} ms (save ${saved}): ${outcome}${verify.code === 0 ? '' : ` — ${verify.stderr.trim().split('\n').at(-1)}`}`);
}
console.log(`\n${TRIALS} trials: ${summarize(outcomes)}`);
process.exitCode = outcomes.every((outcome) => /^verify (green|refused clearly)$/.test(outcome)) ? 0 : 1;

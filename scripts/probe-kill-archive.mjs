#!/usr/bin/env node
// kill -9 at random moments during `briefing archive` replacing a session folder that holds a mail ledger and a
// summary a person corrected; after each kill, `briefing verify` must be green or refuse clearly, and the ledger and
// the correction must still be there (in the folder, whichever archive it is). Then a re-run of the archive must
// succeed and keep both. Every fifth trial is killed between the two renames of the swap (BRIEFING_TEST_KILL_AT).
// PROBE_TRIALS (20), PROBE_SEED.
// Usage: npm run probe:kill-archive
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { briefing, leftovers, SAMPLES, scratch, seededRandom, summarize } from './probe-lib.mjs';

const TRIALS = Number(process.env.PROBE_TRIALS ?? 20);
const random = seededRandom();
const base = scratch('archive-base');
const session = ['--session', '探针', '--date', '2026-01-17'];
const first = await briefing(['archive', SAMPLES[3], SAMPLES[4], ...session, '-o', base]);
if (first.code !== 0) throw new Error(`the first archive failed: ${first.stderr}`);
const folderName = '2026-01-17-探针';
const manifest = JSON.parse(readFileSync(join(base, folderName, 'manifest.json'), 'utf8'));
const corrected = manifest.regions[0].summary.path;
const summary = JSON.parse(readFileSync(join(base, folderName, corrected), 'utf8'));
writeFileSync(join(base, folderName, corrected), JSON.stringify({ ...summary, title: '审定稿' }, null, 2));
const kept = await briefing(['archive', SAMPLES[3], SAMPLES[4], ...session, '-o', base]);
if (kept.code !== 0) throw new Error(`keeping the correction failed: ${kept.stderr}`);
const ledger = '{"probe":"ledger line"}\n';
writeFileSync(join(base, folderName, 'mail-ledger.jsonl'), ledger);

// How long a replacing run takes, to spread the kills over all of it.
const timing = scratch('archive-timing');
cpSync(base, timing, { recursive: true });
const started = performance.now();
await briefing(['archive', ...SAMPLES.slice(1, 5), ...session, '-o', timing]);
const duration = performance.now() - started;
console.log(`an archive run replacing the folder takes ${duration.toFixed(0)} ms; ${TRIALS} kills spread over 0–${(duration * 1.1).toFixed(0)} ms`);

const outcomes = [];
for (let trial = 1; trial <= TRIALS; trial += 1) {
  const out = scratch('archive-trial');
  cpSync(base, out, { recursive: true });
  const folder = join(out, folderName);
  // Every fifth trial dies at the one moment a random kill seldom hits: between the two renames of the swap.
  const atSwap = trial % 5 === 0;
  const delay = Math.round(random() * duration * 1.1);
  const run = await briefing(['archive', ...SAMPLES.slice(1, 5), ...session, '-o', out], atSwap ? { env: { BRIEFING_TEST_KILL_AT: 'archive-swap' } } : { killAfterMs: delay });
  const verify = await briefing(['verify', folder]);
  const ledgerKept = existsSync(join(folder, 'mail-ledger.jsonl')) && readFileSync(join(folder, 'mail-ledger.jsonl'), 'utf8') === ledger;
  const correctionKept = existsSync(join(folder, corrected)) && JSON.parse(readFileSync(join(folder, corrected), 'utf8')).title === '审定稿';
  const refusedClearly = verify.code !== 0 && verify.stderr.includes(folder);
  const rerun = await briefing(['archive', ...SAMPLES.slice(1, 5), ...session, '-o', out]);
  const afterRerun = await briefing(['verify', folder]);
  const rerunKept = readFileSync(join(folder, 'mail-ledger.jsonl'), 'utf8') === ledger && JSON.parse(readFileSync(join(folder, corrected), 'utf8')).title === '审定稿';
  const outcome =
    (verify.code === 0 ? 'verify green' : refusedClearly ? 'verify refused clearly' : 'verify UNCLEAR') +
    (ledgerKept && correctionKept ? '' : ' LOST ledger/correction') +
    (rerun.code === 0 && afterRerun.code === 0 && rerunKept ? '' : ' RERUN FAILED') +
    (leftovers(out).length === 0 ? '' : ' LEFTOVERS');
  outcomes.push(outcome);
  const when = atSwap ? 'kill between the renames' : `kill at ${String(delay).padStart(5)} ms`;
  console.log(`trial ${String(trial).padStart(2)}: ${when} (${run.killed ? 'killed' : `finished first, exit ${run.code}`}): ${outcome}${verify.code === 0 ? '' : ` — ${verify.stderr.trim().split('\n').at(-1)}`}`);
}
console.log(`\n${TRIALS} trials: ${summarize(outcomes)}`);
process.exitCode = outcomes.every((outcome) => /^verify (green|refused clearly)$/.test(outcome)) ? 0 : 1;

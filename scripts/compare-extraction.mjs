#!/usr/bin/env node
// Extraction time before and after a change, on a shared noisy machine: extractSummary of two built trees in ONE
// process, alternating run by run (35 timed runs each, after 5 warm-up), on the 沁水县 sample and on the
// 40,000-character report `briefing bench` builds. Build the old tree with `git worktree add /tmp/before REV`, then
// `npx tsc -p tsconfig.build.json` there (node_modules linked from here).
import { readFileSync, readdirSync } from 'node:fs';
const [beforeDist, afterDist = new URL('../dist', import.meta.url).pathname] = process.argv.slice(2);
if (!beforeDist) throw new Error('usage: node scripts/compare-extraction.mjs <dist of the tree before> [<dist of the tree after>]');
const trees = { before: beforeDist, after: afterDist };
const libs = {};
for (const [name, dist] of Object.entries(trees)) libs[name] = { ...(await import(`${dist}/ingest/readReport.js`)), ...(await import(`${dist}/extract/extractSummary.js`)) };
const dir = new URL('../data/reports', import.meta.url).pathname;
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const longest = texts.reduce((a, b) => (b.length > a.length ? b : a));
let text = longest;
for (let shift = 1; [...text].length < 40000; shift += 1) text += `\n\n${longest.replace(/\d/g, (d) => String((Number(d) + shift) % 10))}`;
text = [...text].slice(0, 40000).join('');
for (const [label, t] of [['沁水县 13,792 chars', texts[4]], ['40,000 chars', text]]) {
  const bytes = Buffer.from(t);
  const times = { before: [], after: [] };
  for (let round = 0; round < 40; round++) for (const name of round % 2 ? ['after', 'before'] : ['before', 'after']) {
    const s = performance.now(); await libs[name].extractSummary(libs[name].decodeReport('004_x.txt', bytes)); const ms = performance.now() - s;
    if (round >= 5) times[name].push(ms);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
  console.log(label, 'before', median(times.before), 'ms; after', median(times.after), 'ms');
}

#!/usr/bin/env node
// What a change to extraction changed: the summaries of every report we have (the samples, tests/corpus/reports and,
// when present, ../shared/corpus) extracted by two built trees, and each difference of region, session, figures or
// targets printed per report. A refactoring must print nothing. Keep the old tree first: copy dist/, data/,
// templates/ and package.json to /tmp/before and link node_modules there; then node scripts/diff-extraction.mjs /tmp/before/dist
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [beforeDist, afterDist = new URL('../dist', import.meta.url).pathname] = process.argv.slice(2);
if (!beforeDist) throw new Error('usage: node scripts/diff-extraction.mjs <dist before> [<dist after>]');
const root = new URL('..', import.meta.url).pathname;
const folders = ['data/reports', 'tests/corpus/reports', '../shared/corpus/full/reports', '../shared/corpus/cities/reports', '../shared/corpus/series'];
const files = folders
  .map((folder) => join(root, folder))
  .filter((folder) => existsSync(folder))
  .flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => join(folder, name)));

async function extractorOf(dist) {
  const { decodeReport } = await import(`${dist}/ingest/readReport.js`);
  const { extractSummary } = await import(`${dist}/extract/extractSummary.js`);
  return async (file) => {
    try {
      const summary = await extractSummary(decodeReport(file, readFileSync(file)));
      const { region, session, figures, targets } = summary;
      return { region: region.code, session, figures: figures.map((figure) => JSON.stringify(figure)), targets };
    } catch (error) {
      return { error: `${error.code ?? ''} ${error.message}` };
    }
  };
}

const before = await extractorOf(beforeDist);
const after = await extractorOf(afterDist);
let changed = 0;
for (const file of files) {
  const [old, now] = [await before(file), await after(file)];
  const lines = [];
  for (const key of ['error', 'region', 'session', 'targets']) {
    if (JSON.stringify(old[key]) !== JSON.stringify(now[key])) lines.push(`  ${key}: ${JSON.stringify(old[key])} → ${JSON.stringify(now[key])}`);
  }
  const oldFigures = new Set(old.figures ?? []);
  const newFigures = new Set(now.figures ?? []);
  for (const figure of oldFigures) if (!newFigures.has(figure)) lines.push(`  - ${figure}`);
  for (const figure of newFigures) if (!oldFigures.has(figure)) lines.push(`  + ${figure}`);
  if (lines.length > 0) {
    changed += 1;
    console.log(`${file.replace(root, '')}\n${lines.join('\n')}`);
  }
}
console.log(`${changed} of ${files.length} reports changed`);
process.exitCode = 0;

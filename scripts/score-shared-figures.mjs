#!/usr/bin/env node
// The figures of ../shared/corpus/full (10 full-length reports and 4 hard-wrapped) scored against their labels, for a
// built tree: node scripts/score-shared-figures.mjs [<dist>] — run it on the tree before and after a change.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTotals, scoreFacts, sumScores } from '../tests/corpus/scoreShared.mjs';

const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
const full = new URL('../../shared/corpus/full/', import.meta.url).pathname;
if (!existsSync(full)) throw new Error(`${full} is absent`);
const { decodeReport } = await import(`${dist}/ingest/readReport.js`);
const { extractSummary } = await import(`${dist}/extract/extractSummary.js`);
const scores = [];
for (const labels of ['labels.json', 'labels_wrapped.json']) {
  for (const report of JSON.parse(readFileSync(join(full, labels), 'utf8'))) {
    const path = join(full, report.file);
    const bytes = readFileSync(path);
    const summary = await extractSummary(decodeReport(path, bytes), { region: report.gb2260 });
    const score = scoreFacts(summary, bytes.toString('utf8'), report.facts);
    scores.push(score);
    console.log(`${report.file.padEnd(40)} found ${score.found}/${score.facts} ${[...score.missed.map((m) => `missed ${m}`), ...score.wrong].join('; ')}`);
  }
}
console.log(formatTotals(sumScores(scores)));

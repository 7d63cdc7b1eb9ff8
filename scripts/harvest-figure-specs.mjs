#!/usr/bin/env node
// Finds, for every entry of data/figure-words.json, every unit of data/units.json and every alias of
// data/indicators.json (--only <indicator id> for one), the shortest real phrase of
// our own reports (data/reports, tests/corpus/reports) whose figures change when the entry is removed: the candidate
// spec that justifies the entry. Prints them as spec JSON (answers as the extractor gives them today, to be checked by
// a person before they go into tests/extract/specs/figures.json) and lists the entries no phrase needs.
// Run after `npm run build`: node scripts/harvest-figure-specs.mjs [--only listName] > /tmp/candidates.json
// (the answers are today's: check each by hand; tests/extract/specs/figures.json holds only checked ones).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const lib = {
  ...(await import(`${root}dist/extract/figures/figuresOf.js`)),
  ...(await import(`${root}dist/extract/figures/placeFigure.js`)),
  ...(await import(`${root}dist/ingest/normalizeText.js`)),
};
const { withDataReplaced } = await import(`${root}dist/util/dataFile.js`);
const { decodeReport } = await import(`${root}dist/ingest/readReport.js`);
const { answerOf, aliasesOf, entriesOf } = await import(`${root}tests/extract/figureSpecs.mjs`);

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const files = ['data/reports', 'tests/corpus/reports'].flatMap((folder) =>
  readdirSync(join(root, folder)).filter((name) => name.endsWith('.txt')).sort().map((name) => join(root, folder, name)),
);
const sentences = new Set();
for (const file of files) {
  const report = decodeReport(file, readFileSync(file));
  for (const paragraph of report.paragraphs) {
    if (paragraph.kind === 'furniture') continue;
    for (const sentence of paragraph.text.match(/[^。；！？]+[。；！？]?/g) ?? []) if (/\d|[十百千万]/.test(sentence)) sentences.add(sentence.trim());
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const windowsOf = (sentence, entry) => {
  const clauses = sentence.match(/[^，；]+[，；]?/g) ?? [sentence];
  const windows = [];
  for (let size = 1; size <= clauses.length; size += 1) {
    for (let first = 0; first + size <= clauses.length; first += 1) windows.push(clauses.slice(first, first + size).join('').replace(/[，；]$/, ''));
  }
  return windows.filter((text) => text.includes(entry));
};
const SENTENCES_TRIED = 400;

const specs = [];
const unneeded = [];
const entries = [
  ...entriesOf(JSON.parse(readFileSync(join(root, 'data/figure-words.json'), 'utf8')), JSON.parse(readFileSync(join(root, 'data/units.json'), 'utf8'))),
  ...aliasesOf(JSON.parse(readFileSync(join(root, 'data/indicators.json'), 'utf8'))),
];
for (const { file, list, entry, without } of entries) {
  if (only && list !== only) continue;
  const holding = [...sentences].filter((sentence) => sentence.includes(entry)).sort((a, b) => a.length - b.length).slice(0, SENTENCES_TRIED);
  // The smallest window of clauses first, in the shortest sentences first; the review part, then the plan part.
  const windows = holding.flatMap((sentence) => windowsOf(sentence, entry)).flatMap((input) => [{ input }, { input, part: 'plan' }]);
  const answer = ({ input, part }) => answerOf(input, part, lib);
  const withoutAnswers = await withDataReplaced(file, without, async () => windows.map(answer));
  const index = windows.findIndex((window, at) => !same(answer(window), withoutAnswers[at]));
  if (index >= 0) specs.push({ rule: `${file} ${list}: ${entry}`, ...windows[index], expect: answer(windows[index]), without: withoutAnswers[index] });
  else unneeded.push(`${file} ${list}: ${entry} (${holding.length} sentences hold it)`);
  process.stderr.write(index >= 0 ? '.' : 'x');
}
process.stderr.write(`\n${specs.length} entries with a phrase; ${unneeded.length} without:\n${unneeded.join('\n')}\n`);
console.log(JSON.stringify(specs, null, 1));

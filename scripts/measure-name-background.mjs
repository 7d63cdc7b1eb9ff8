#!/usr/bin/env node
// Measures how often each division's names are written as words in reports about OTHER regions (城区, 资源, 北京 …),
// per 10,000 characters, and writes data/region-name-background.json. The region stage counts a name's mentions only
// above that background. Reads the labelled reports of tests/corpus and ../shared/corpus (when present); needs `npm run build`.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '../shared/corpus');
const { decodeReport } = await import(join(root, 'dist/ingest/readReport.js'));
const { wholeWordMentions } = await import(join(root, 'dist/extract/region/mentions.js'));
const { loadGazetteer } = await import(join(root, 'dist/extract/gazetteer.js'));

/** Names seen in fewer foreign reports than this are chance, not background. */
const MIN_REPORTS = 3;

const reports = [];
for (const file of readdirSync(join(root, 'tests/corpus/golden'))) {
  const golden = JSON.parse(readFileSync(join(root, 'tests/corpus/golden', file), 'utf8'));
  reports.push({ path: golden.report ? join(root, golden.report) : join(root, 'tests/corpus/reports', `${golden.id}.txt`), code: golden.region.code });
}
if (existsSync(shared)) {
  for (const entry of JSON.parse(readFileSync(join(shared, 'cities/regions.json'), 'utf8'))) reports.push({ path: join(shared, 'cities', entry.file), code: entry.code ?? null });
  for (const entry of JSON.parse(readFileSync(join(shared, 'full/labels.json'), 'utf8'))) reports.push({ path: join(shared, 'full', entry.file), code: entry.gb2260 });
} else {
  process.stderr.write(`measure-name-background: ${shared} is absent; measuring on tests/corpus alone\n`);
}

const { byCode } = loadGazetteer();
/** A division and its ancestors and descendants: their names are the report's own, not background. */
const related = (code, other) => {
  if (code === null) return false;
  const chain = (start) => { const codes = []; for (let at = byCode.get(start); at; at = byCode.get(at.parentCode)) codes.push(at.code); return codes; };
  return chain(code).includes(other) || chain(other).includes(code);
};

const counts = new Map();
const reportsWith = new Map();
let characters = 0;
for (const { path, code } of reports) {
  const { normalized } = decodeReport(path, readFileSync(path));
  characters += normalized.length;
  const atPosition = new Map();
  for (const mention of await wholeWordMentions(normalized)) {
    const key = `${mention.start}:${mention.name}`;
    atPosition.set(key, (atPosition.get(key) ?? true) && !related(code, mention.division.code));
  }
  const seen = new Set();
  for (const [key, foreign] of atPosition) {
    if (!foreign) continue;
    const name = key.slice(key.indexOf(':') + 1);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    seen.add(name);
  }
  for (const name of seen) reportsWith.set(name, (reportsWith.get(name) ?? 0) + 1);
}

const perTenThousand = Object.fromEntries(
  [...counts]
    .filter(([name]) => (reportsWith.get(name) ?? 0) >= MIN_REPORTS)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, count]) => [name, Math.round((count / characters) * 10_000 * 1000) / 1000]),
);
const out = {
  $comment: `How often each name is written as a whole word in reports about other regions (not the report's region, its ancestors or descendants), per 10,000 characters; names seen in fewer than ${MIN_REPORTS} such reports are left out. Measured by scripts/measure-name-background.mjs; read by src/extract/region/evidence.ts.`,
  measuredOn: { reports: reports.length, characters },
  perTenThousand,
};
writeFileSync(join(root, 'data/region-name-background.json'), `${JSON.stringify(out, null, 2)}\n`);
process.stderr.write(`measured ${reports.length} reports, ${characters} characters: ${Object.keys(perTenThousand).length} names with a background\n`);

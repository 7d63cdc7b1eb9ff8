// Extraction time of a built tree on every report at hand (tests/corpus and ../shared/corpus), warm, three rounds:
// `node scripts/time-extraction.mjs <dist>`. Alternate two trees in the same minutes to compare them (BENCHMARKS.md).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const { readReport } = await import(join(dist, 'ingest/readReport.js'));
const { extractSummary } = await import(join(dist, 'extract/extractSummary.js'));
const dirs = [
  join(ROOT, 'tests/corpus/reports'),
  join(ROOT, '../shared/corpus/cities/reports'),
  join(ROOT, '../shared/corpus/full/reports'),
];
const files = dirs
  .filter((d) => existsSync(d))
  .flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(d, f)),
  );
const reports = [];
for (const f of files) reports.push(await readReport(f));
// A report whose region is refused costs its extraction all the same: the refusal is timed, not reported.
const run = async () => {
  for (const r of reports) {
    try {
      await extractSummary(r, {});
    } catch {}
  }
};
await run();
const t = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < 3; i++) await run();
const c = process.cpuUsage(c0);
console.log(
  dist,
  reports.length,
  'reports x3:',
  Math.round(performance.now() - t),
  'ms wall,',
  Math.round((c.user + c.system) / 1000),
  'ms cpu',
);

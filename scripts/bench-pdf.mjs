#!/usr/bin/env node
// A text-layer PDF page's time (issue 21: ≤ 100 ms a page): readReport of each producer's PDFs of the five samples
// (tests/fixtures/pdf/) — pdfjs-dist's text layer, the reading order, normalising and cleaning — from the built tree
// (npm run build), per page: the first file in a new process (pdfjs loaded), then the warm median of 5 runs over all.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
const root = new URL('../', import.meta.url).pathname;
const { readReport } = await import(`${root}dist/ingest/readReport.js`);
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const { readFileSync } = await import('node:fs');

const folder = join(root, 'tests/fixtures/pdf');
const files = readdirSync(folder).flatMap((producer) => readdirSync(join(folder, producer)).map((name) => join(folder, producer, name)));
const pagesOf = async (file) => {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = document.numPages;
  await document.destroy();
  return pages;
};
const pages = (await Promise.all(files.map(pagesOf))).reduce((total, count) => total + count, 0);

let start = performance.now();
await readReport(files[0]);
const firstMs = performance.now() - start;
const runs = [];
for (let run = 0; run < 5; run += 1) {
  start = performance.now();
  for (const file of files) await readReport(file);
  runs.push((performance.now() - start) / pages);
}
runs.sort((a, b) => a - b);
console.log(JSON.stringify({ files: files.length, pages, firstFileMs: Math.round(firstMs), warmMsPerPage: Number(runs[2].toFixed(1)), slowestRunMsPerPage: Number(runs[4].toFixed(1)) }));

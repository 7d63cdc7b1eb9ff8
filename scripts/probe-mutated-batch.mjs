#!/usr/bin/env node
// 200 mutated reports in one `briefing build` batch: the five samples with bytes flipped, cut mid-character, binary and
// control characters spliced in, numbers scrambled, lines shuffled or dropped, re-encoded (GBK, UTF-16, Big5-ish
// garbage), CR-only, one 9 MB and one empty. The batch must not crash (exit 0 or 1, one JSON document), every input
// must get a PDF of one page or an error naming it, and no partial or temporary file may be left. PROBE_SEED.
// Usage: npm run probe:mutated-batch
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { briefing, leftovers, SAMPLES, scratch, seededRandom, summarize } from './probe-lib.mjs';

const COUNT = Number(process.env.PROBE_COUNT ?? 200);
const random = seededRandom();
const pick = (items) => items[Math.floor(random() * items.length)];
const texts = SAMPLES.map((file) => readFileSync(file, 'utf8'));

const MUTATIONS = {
  'bytes flipped': (text) => {
    const bytes = Buffer.from(text);
    for (let index = 0; index < 1 + random() * 200; index += 1) bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
    return bytes;
  },
  'cut mid-character': (text) => Buffer.from(text).subarray(0, Math.floor(random() * Buffer.byteLength(text))),
  'binary spliced in': (text) => {
    const bytes = Buffer.from(text);
    const at = Math.floor(random() * bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(Array.from({ length: 64 + random() * 4096 }, () => Math.floor(random() * 256))), bytes.subarray(at)]);
  },
  'control characters': (text) => text.replace(/。/g, () => pick(['。', '\u0000', '\u001b[2J', '\u202e', '\ufeff', '\ud800', '。\u0007'])),
  'numbers scrambled': (text) => text.replace(/\d/g, () => (random() < 0.3 ? pick(['', '9'.repeat(30), '.', '０', '一']) : String(Math.floor(random() * 10)))),
  'lines shuffled': (text) => text.split('\n').sort(() => random() - 0.5).join('\n'),
  'lines dropped': (text) => text.split('\n').filter(() => random() < 0.3).join('\n'),
  'GBK': (text) => iconv.encode(text, 'gbk'),
  'UTF-16 with BOM': (text) => iconv.encode(text, 'utf16-le', { addBOM: true }),
  'UTF-16 without BOM': (text) => iconv.encode(text, 'utf16-be'),
  'CR-only line endings': (text) => text.replace(/\n/g, '\r'),
  'one long line': (text) => text.replace(/\n/g, ' ').repeat(3),
  'region names removed': (text) => text.replace(/[\u4e00-\u9fff]{1,3}[县区市]/g, ''),
  'traditional and full-width': (text) => text.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit))),
};

const folder = scratch('mutated');
const inputs = join(folder, 'in');
mkdirSync(inputs);
const kinds = new Map();
for (let index = 0; index < COUNT - 2; index += 1) {
  const kind = pick(Object.keys(MUTATIONS));
  const name = `m${String(index).padStart(3, '0')}.txt`;
  kinds.set(name, kind);
  writeFileSync(join(inputs, name), MUTATIONS[kind](pick(texts)));
}
writeFileSync(join(inputs, 'empty.txt'), '');
kinds.set('empty.txt', 'empty');
writeFileSync(join(inputs, 'huge.txt'), texts[4].repeat(Math.ceil(9e6 / Buffer.byteLength(texts[4]))));
kinds.set('huge.txt', 'over 8 MB');

const out = join(folder, 'out');
const started = performance.now();
const run = await briefing(['build', inputs, '-o', out, '--json']);
const seconds = (performance.now() - started) / 1000;
let document;
try {
  document = JSON.parse(run.stdout);
} catch {
  console.log(`the batch did not print one JSON document (exit ${run.code}, signal ${run.signal}):\n${run.stderr.slice(-2000)}`);
  process.exit(1);
}
const outcomes = [];
const problems = [];
for (const result of document.results) {
  const name = result.input.split('/').at(-1);
  if (result.error) {
    outcomes.push(`error ${result.error.code}`);
    if (!result.error.message) problems.push(`${name}: an error without a message`);
    continue;
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [result.pdf], { encoding: 'utf8' }))[1]);
  outcomes.push(pages === 1 ? 'one-page PDF' : `PDF of ${pages} pages`);
  if (pages !== 1) problems.push(`${name} (${kinds.get(name)}): ${pages} pages`);
  JSON.parse(readFileSync(result.summary, 'utf8'));
}
for (const file of readdirSync(out).filter((name) => name.endsWith('.json'))) JSON.parse(readFileSync(join(out, file), 'utf8'));
const temporaries = leftovers(out);
console.log(`${COUNT} mutated reports in one batch: exit ${run.code} in ${seconds.toFixed(1)} s; ${document.results.length} results: ${summarize(outcomes)}`);
console.log(`mutations: ${summarize([...kinds.values()])}`);
console.log(`temporary or partial files left: ${temporaries.length}; problems: ${problems.length ? problems.join('; ') : 'none'}`);
process.exitCode = [0, 1].includes(run.code) && document.results.length === COUNT && temporaries.length === 0 && problems.length === 0 ? 0 : 1;

// Keywords come from jieba on its own thread: the answers must not depend on how requests interleave, and the
// thread must never keep a process alive once the work is done.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { findKeywords } from '../../src/extract/findKeywords.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

it('gives each report its own keywords, also when asked for many at once', async () => {
  const texts = SAMPLES.map((sample) => readFileSync(sample.path, 'utf8'));
  const oneByOne: string[][] = [];
  for (const text of texts) oneByOne.push(await findKeywords(text, []));
  const atOnce = await Promise.all(texts.map((text) => findKeywords(text, [])));
  expect(atOnce).toEqual(oneByOne);
  expect(oneByOne[4]).toEqual(expect.arrayContaining(['煤层气', '产业园'])); // 沁水县: whole words, not character n-grams
  expect(new Set(oneByOne.map((keywords) => keywords.join())).size).toBe(texts.length);
});

it('lets the process end when the keywords are found', () => {
  const script = `import(${JSON.stringify(`${ROOT}/dist/extract/findKeywords.js`)}).then((m) => m.findKeywords('煤层气产业园建设加快推进', [])).then((k) => console.log(k.join(',')))`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(output).toContain('煤层气');
});

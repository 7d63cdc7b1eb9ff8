// The code is laid out by Prettier (120 columns, .prettierrc.json), so a diff shows changes, not re-wrapping:
// `npm run format` fixes what this finds.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/samples.js';

const CODE = /\.(?:ts|mts|mjs)$/;

const codeFiles = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? codeFiles(join(folder, entry.name))
      : CODE.test(entry.name)
        ? [join(ROOT, folder, entry.name)]
        : [],
  );

describe('the code layout', () => {
  it('is what Prettier makes of src/ and tests/', async () => {
    const options = await prettier.resolveConfig(join(ROOT, 'src/index.ts'));
    const unformatted: string[] = [];
    for (const file of [...codeFiles('src'), ...codeFiles('tests')]) {
      if (!(await prettier.check(readFileSync(file, 'utf8'), { ...options, filepath: file })))
        unformatted.push(relative(ROOT, file));
    }
    expect(unformatted, 'run npm run format').toEqual([]);
  });
});

#!/usr/bin/env node
// `npm pack` (prepack): ships package-lock.json as npm-shrinkwrap.json, so `npm install -g briefing-*.tgz` installs
// exactly the dependency tree the tests ran on (pdfkit and fontkit among them: pdfmake asks only for `pdfkit ^0.19.1`,
// and the fast paths of src/pdf/pdfmakeFastPaths.ts are written for one version of each). `--remove` (postpack) deletes
// it again: in the repository package-lock.json stays the one lock file, and `npm ci` would otherwise prefer the copy.
import { copyFileSync, rmSync } from 'node:fs';

const shrinkwrap = new URL('../npm-shrinkwrap.json', import.meta.url);
if (process.argv.includes('--remove')) rmSync(shrinkwrap, { force: true });
else copyFileSync(new URL('../package-lock.json', import.meta.url), shrinkwrap);

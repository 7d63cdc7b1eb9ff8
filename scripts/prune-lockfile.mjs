#!/usr/bin/env node
// The npm registry reachable here lacks the other platforms' builds of native packages (@node-rs/jieba-darwin-x64 …).
// `npm install` then writes a lock file that names those optional packages without entries for them, and `npm ci`
// refuses it. This drops the names that have no entry, so `npm ci` works on a fresh machine. Run it after every
// `npm install` that changes package-lock.json; tests/lockfile.test.ts fails until it has been run.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pruned = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    const nested = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) {
      delete entry.optionalDependencies[name];
      pruned.push(`${path || '(root)'} → ${name}`);
    }
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(pruned.length ? `pruned ${pruned.length} unavailable optional dependencies:\n  ${pruned.join('\n  ')}` : 'package-lock.json is consistent');

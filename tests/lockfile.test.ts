// `npm ci` on a fresh machine needs a lock file in which every optional dependency it names has an entry.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('package-lock.json names no optional dependency it has no entry for (run scripts/prune-lockfile.mjs)', () => {
  const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
    packages: Record<string, { optionalDependencies?: Record<string, string> }>;
  };
  const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
    Object.keys(entry.optionalDependencies ?? {}).filter(
      (name) =>
        !lock.packages[`${path ? `${path}/` : ''}node_modules/${name}`] && !lock.packages[`node_modules/${name}`],
    ),
  );
  expect(missing).toEqual([]);
});

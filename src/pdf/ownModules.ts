/**
 * pdfmake, pdfkit and fontkit as this library's own copy. The fast paths (pdfmakeFastPaths.ts) replace methods of
 * pdfmake's classes, and fonts.ts gives pdfkit a fontkit that parses each font once. Done to the modules everyone
 * shares, that would change the pdfmake of a program that imports this library and uses pdfmake itself. So these
 * packages are loaded once more with Node's CommonJS module cache set aside, and their modules are kept here, where
 * nobody else reaches them; the shared cache is put back as it was, untouched.
 *
 * Every module of these packages is required at the top of its file (checked for pdfmake 0.3, pdfkit 0.19,
 * fontkit 2), so once loaded here a copy never reaches for a module of the shared cache.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Filename → module, for every module loaded as this library's own. */
const ownModules: Record<string, NodeJS.Module> = {};

/**
 * Runs `work` with the CommonJS cache holding this library's own modules only, so what it requires is loaded (or
 * found) among them; what it loads joins them. The shared cache is restored afterwards. Synchronous: nothing else runs
 * while the cache is swapped.
 */
export function withOwnModules<T>(work: (ownRequire: NodeJS.Require) => T): T {
  const cache = require.cache;
  const shared = { ...cache };
  replaceContents(cache, ownModules);
  try {
    return work(require);
  } finally {
    Object.assign(ownModules, cache);
    replaceContents(cache, shared);
  }
}

/** This library's own copy of a module of pdfmake (`pdfmake/js/…`), pdfkit or fontkit. */
export function requireOwn<T>(id: string): T {
  return withOwnModules((ownRequire) => ownRequire(id) as T);
}

function replaceContents(cache: NodeJS.Dict<NodeJS.Module>, contents: NodeJS.Dict<NodeJS.Module>): void {
  for (const key of Object.keys(cache)) delete cache[key];
  Object.assign(cache, contents);
}

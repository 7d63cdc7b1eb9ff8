/**
 * One loader for the domain data in data/*.json: parsed once per process and validated against its zod schema, so a
 * broken entry stops with the file and the entry named instead of surfacing later as a wrong region or figure.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

const loaded = new Map<string, unknown>();

export function dataPath(name: string): string {
  return decodeURIComponent(new URL(`../../data/${name}`, import.meta.url).pathname);
}

/** One schema per file: each data file has one loader module, so the first read is always the full validation. */
export function loadDataFile<T extends z.ZodType>(name: string, schema: T): z.infer<T> {
  if (loaded.has(name)) return loaded.get(name) as z.infer<T>;
  const data = parseDataFile(name, JSON.parse(readFileSync(dataPath(name), 'utf8')), schema);
  loaded.set(name, data);
  return data;
}

/** The data of a file, checked: an error names the file, the entry (its JSON path) and what is wrong with it. */
export function parseDataFile<T extends z.ZodType>(name: string, raw: unknown, schema: T): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const entry = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  throw new Error(
    `data/${name}: $${entry}: ${issue.message} (a broken entry of the package's own data: reinstall briefing, or fix the file)`,
  );
}

/**
 * Runs `action` with the data file `name` replaced by `data`: how tests/extract/specs.test.ts shows that every entry of
 * a word list is needed by some spec (without it, a spec's answer changes).
 */
export async function withDataReplaced<T>(name: string, data: unknown, action: () => Promise<T>): Promise<T> {
  const saved = loaded.get(name);
  loaded.set(name, data);
  try {
    return await action();
  } finally {
    if (saved === undefined) loaded.delete(name);
    else loaded.set(name, saved);
  }
}

/** The five bundled sample reports and their hand-labelled golden data (tests/corpus/golden/sample-NNN, one label set). */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REPORTS_DIR = join(ROOT, 'data/reports');
export const GOLDEN_DIR = join(ROOT, 'tests/corpus/golden');

export interface GoldenFigure {
  label: string;
  value: number;
  valueText: string;
  unit: string;
  growthPct: number | null;
  year: number | null;
  kind: 'actual' | 'target';
  quote: string;
}

export interface Golden {
  /** Where the report is, from the repository root (data/reports/…). */
  report: string;
  kind: string;
  region: { name: string; code: string; parent: string; level: string; asWritten?: string };
  session: { name: string | null; date: string | null; year: number | null };
  reviewYear: number | null;
  planYear: number | null;
  figures: GoldenFigure[];
}

export interface Sample {
  file: string;
  path: string;
  golden: Golden;
}

const goldens = readdirSync(GOLDEN_DIR)
  .filter((name) => name.startsWith('sample-'))
  .map((name) => JSON.parse(readFileSync(join(GOLDEN_DIR, name), 'utf8')) as Golden);

export const SAMPLES: Sample[] = readdirSync(REPORTS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((file) => {
    const golden = goldens.find((each) => basename(each.report) === file);
    if (!golden) throw new Error(`no golden labels for the sample ${file} in ${GOLDEN_DIR}`);
    return { file, path: join(REPORTS_DIR, file), golden };
  });

/** 2026-01-17 → 2026年1月17日, as briefings print dates. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

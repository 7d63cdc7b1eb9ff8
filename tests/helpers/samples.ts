/** The five bundled sample reports and their hand-labelled golden data (tests/extract/golden). */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REPORTS_DIR = join(ROOT, 'data/reports');
export const GOLDEN_DIR = join(ROOT, 'tests/extract/golden');

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
  file: string;
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

export const SAMPLES: Sample[] = readdirSync(REPORTS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((file) => ({
    file,
    path: join(REPORTS_DIR, file),
    golden: JSON.parse(readFileSync(join(GOLDEN_DIR, `${basename(file, '.txt')}.golden.json`), 'utf8')) as Golden,
  }));

/** 2026-01-17 → 2026年1月17日, as briefings print dates. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

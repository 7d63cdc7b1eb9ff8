/**
 * Handlebars helpers for templates that produce pdfmake JSON. Every value reaches the document through one of
 * these, and each returns a complete JSON literal (SafeString), so no report text (quotes, backslashes, braces,
 * `{{`, HTML, control characters) can break or alter the document structure.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';

type SafeStringClass = new (text: string) => unknown;

/** Helpers that print a value; the template linter allows no other mustache. */
export const VALUE_HELPERS = ['json', 'pt', 'zhDate', 'growth', 'join'] as const;

export function valueHelpers(SafeString: SafeStringClass): Record<(typeof VALUE_HELPERS)[number], HelperDelegate> {
  const literal = (value: unknown): unknown => new SafeString(toJson(value));
  return {
    /** Any value as a JSON literal: {{json region.name}} → "屯留区". */
    json: (value: unknown) => literal(value),
    /** A size in points, scaled by the fitting factor: {{pt 10.5}} → 9.87 at scale 0.94. */
    pt: (size: unknown, options: HelperOptions) => {
      const scale = Number(options.data?.root?.scale ?? 1);
      return literal(Math.round(Number(size) * scale * 100) / 100);
    },
    /** 2026-01-17 → "2026年1月17日". */
    zhDate: (iso: unknown) => literal(formatChineseDate(iso)),
    /** 3.2 → "▲3.2%", -1.5 → "▼1.5%", missing → "". */
    growth: (percent: unknown) => literal(formatGrowth(percent)),
    /** Several values as one string: {{join region.parent " · " region.name}}. */
    join: (...args: unknown[]) =>
      literal(
        args
          .slice(0, -1)
          .filter((part) => part !== undefined && part !== null && part !== '')
          .join(''),
      ),
  };
}

/** JSON.stringify, plus escapes that keep the literal inert wherever it lands (no raw U+2028/9, no control chars). */
export function toJson(value: unknown): string {
  return (JSON.stringify(value ?? null) ?? 'null').replace(
    /[\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16)}`,
  );
}

export function formatChineseDate(iso: unknown): string {
  const match = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return '';
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

export function formatGrowth(percent: unknown): string {
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return '';
  if (percent === 0) return '持平';
  return `${percent > 0 ? '▲' : '▼'}${Math.abs(percent)}%`;
}

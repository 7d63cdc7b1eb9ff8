/**
 * Tells a summary written by the extractor from one a person has edited since: the extractor stores the
 * sha256 of the summary's canonical JSON (keys sorted, without the fingerprint itself) in `fingerprint`.
 */
import { createHash } from 'node:crypto';

export function fingerprintOf(summary: object): string {
  const { fingerprint: _ignored, ...content } = summary as { fingerprint?: string };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** True when the summary carries a fingerprint that no longer matches its content. */
export function isEditedByHand(summary: object): boolean {
  const recorded = (summary as { fingerprint?: unknown }).fingerprint;
  return typeof recorded !== 'string' || recorded !== fingerprintOf(summary);
}

export function withFingerprint<T extends object>(summary: T): T & { fingerprint: string } {
  return { ...summary, fingerprint: fingerprintOf(summary) };
}

/** JSON with object keys sorted at every level, so key order (an editor's choice) does not count as an edit. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

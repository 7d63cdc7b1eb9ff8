/** The archive manifest (manifest.json): what a session folder holds, with checksums to verify it years later. */
import { createHash } from 'node:crypto';

export const MANIFEST_FILE = 'manifest.json';
export const BOOK_FILE = 'book.pdf';
/** Files that may live in a session folder beside what the manifest lists (the mail stage's ledger). */
export const KNOWN_EXTRA_FILES = ['mail-ledger.jsonl'];

export interface ManifestFile {
  /** Path relative to the session folder. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface ManifestRegion {
  name: string;
  code: string;
  parent: string;
  pdf: ManifestFile & { pages: number };
  summary: ManifestFile;
  /** The report the summary was extracted from. */
  source: { file: string; sha256: string };
  /** The summary is a person's (a reviewed summary given as input, or one edited in the session folder), kept over extraction. */
  reviewed?: true;
}

export interface Manifest {
  manifestVersion: 1;
  session: { name: string; date: string };
  tool: { name: string; version: string };
  template: string;
  pdfa: boolean;
  /** Who issues the briefings (the official template's masthead), when given. */
  issuer?: string;
  /** book.pdf has a blank page after each briefing, for printing on both sides. */
  duplex?: true;
  regions: ManifestRegion[];
  book: ManifestFile & { pages: number };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function describeFile(path: string, bytes: Uint8Array | string): ManifestFile {
  return { path, sha256: sha256(bytes), bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length };
}

/** What changed between two manifests of the same session, for a person. */
export function manifestChanges(before: Manifest, after: Manifest): string[] {
  const changes: string[] = [];
  const previous = new Map(before.regions.map((region) => [region.code, region]));
  const current = new Map(after.regions.map((region) => [region.code, region]));
  for (const region of after.regions) {
    const old = previous.get(region.code);
    if (!old) {
      changes.push(`added ${region.name}`);
      continue;
    }
    const parts = [
      old.source.sha256 !== region.source.sha256 ? 'source report' : '',
      old.summary.sha256 !== region.summary.sha256 ? 'summary' : '',
      old.pdf.sha256 !== region.pdf.sha256 ? 'PDF' : '',
    ].filter(Boolean);
    if (parts.length > 0) changes.push(`changed ${region.name}: ${parts.join(', ')}`);
  }
  for (const region of before.regions) if (!current.has(region.code)) changes.push(`removed ${region.name}`);
  if (before.template !== after.template) changes.push(`template ${before.template} → ${after.template}`);
  if (before.tool.version !== after.tool.version)
    changes.push(`tool version ${before.tool.version} → ${after.tool.version}`);
  if (before.pdfa !== after.pdfa) changes.push(after.pdfa ? 'now PDF/A-2b' : 'no longer PDF/A');
  if (changes.length === 0 && before.book.sha256 !== after.book.sha256) changes.push('book.pdf');
  return changes;
}

/** Whether a parsed manifest.json names the files it lists the way this version writes them. */
export function isManifest(value: unknown): value is Manifest {
  const isFile = (file: unknown): boolean =>
    typeof file === 'object' &&
    file !== null &&
    typeof (file as ManifestFile).path === 'string' &&
    typeof (file as ManifestFile).sha256 === 'string';
  const manifest = value as Manifest | null;
  return (
    typeof manifest === 'object' &&
    manifest !== null &&
    Array.isArray(manifest.regions) &&
    manifest.regions.every(
      (region) => typeof region === 'object' && region !== null && isFile(region.pdf) && isFile(region.summary),
    ) &&
    isFile(manifest.book)
  );
}

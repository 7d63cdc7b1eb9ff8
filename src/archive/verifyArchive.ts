/** `briefing verify DIR`: re-hashes a session folder against its manifest and reports missing, extra or altered files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BriefingError } from '../errors.js';
import { isManifest, KNOWN_EXTRA_FILES, MANIFEST_FILE, type Manifest, type ManifestFile, sha256 } from './manifest.js';

export interface VerifyResult {
  folder: string;
  ok: boolean;
  checked: number;
  missing: string[];
  extra: string[];
  altered: string[];
}

export function verifyArchive(folder: string): VerifyResult {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch (error) {
    throw new BriefingError('INPUT_NOT_FOUND', `no readable ${MANIFEST_FILE}: ${(error as Error).message}`, {
      file: folder,
      hint: 'give a session folder made by briefing archive',
    });
  }
  // A manifest cut short or edited into another shape names no files to check: that is not a folder that verifies.
  if (!isManifest(manifest)) {
    throw new BriefingError(
      'INPUT_UNREADABLE',
      `${MANIFEST_FILE} is not a session manifest (regions or book missing)`,
      { file: folder, hint: 'give a session folder made by briefing archive' },
    );
  }
  const listed: ManifestFile[] = [...manifest.regions.flatMap((region) => [region.pdf, region.summary]), manifest.book];
  const present = new Set(readdirSync(folder));
  const missing: string[] = [];
  const altered: string[] = [];
  for (const file of listed) {
    if (!present.has(file.path)) {
      missing.push(file.path);
      continue;
    }
    const bytes = readFileSync(join(folder, file.path));
    if (bytes.length !== file.bytes || sha256(bytes) !== file.sha256) altered.push(file.path);
  }
  const known = new Set([MANIFEST_FILE, ...KNOWN_EXTRA_FILES, ...listed.map((file) => file.path)]);
  const extra = [...present].filter((name) => !known.has(name)).sort();
  return {
    folder,
    ok: missing.length + extra.length + altered.length === 0,
    checked: listed.length,
    missing,
    extra,
    altered,
  };
}

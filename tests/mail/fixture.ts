/**
 * A session folder for the mail tests, archived once per test file from three bundled reports (沁源县, 沁水县,
 * 屯留区), and copied for each test so every test has its own ledger; plus a delegates file writer. Every folder
 * made here goes away with removeTemporaryFolders().
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArchive } from '../../src/archive/buildArchive.js';
import type { Manifest } from '../../src/archive/manifest.js';
import { SAMPLES } from '../helpers/samples.js';

export const SESSION = '长治两会';
export const DATE = '2026-01-17';
export const REGIONS = ['沁源县', '沁水县', '屯留区'];

const temporaryFolders: string[] = [];

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

export function removeTemporaryFolders(): void {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

export interface ArchivedSession {
  folder: string;
  manifest: Manifest;
}

export async function archiveSession(): Promise<ArchivedSession> {
  const files = SAMPLES.filter((sample) => REGIONS.includes(sample.golden.region.name)).map((sample) => sample.path);
  const result = await buildArchive({
    files,
    session: SESSION,
    date: DATE,
    outDir: temporaryFolder('briefing-mail-archive-'),
  });
  if (!result.folder || !result.manifest) throw new Error('the test archive was not built');
  return { folder: result.folder, manifest: result.manifest };
}

/** A fresh copy of the session folder (its own ledger) and a scratch folder beside it. */
export function copySession(session: ArchivedSession): { folder: string; scratch: string } {
  const scratch = temporaryFolder('briefing-mail-');
  const folder = join(scratch, `${DATE}-${SESSION}`);
  cpSync(session.folder, folder, { recursive: true });
  return { folder, scratch };
}

export function writeDelegates(scratch: string, rows: string[], name = 'delegates.csv'): string {
  const file = join(scratch, name);
  writeFileSync(file, `name,email,regions\n${rows.join('\n')}\n`);
  return file;
}

export function pdfOf(session: ArchivedSession, region: string): { path: string; sha256: string } {
  const entry = session.manifest.regions.find((item) => item.name === region);
  if (!entry) throw new Error(`no ${region} in the test archive`);
  return { path: entry.pdf.path, sha256: entry.pdf.sha256 };
}

/**
 * Writes files so that readers only ever see the old file or the complete new one: the bytes go to a temporary
 * file in the same folder, which is then renamed into place. Temporary files and folders in flight are tracked, so
 * an interrupted run (SIGINT, SIGTERM) removes them before it exits; a killed run leaves at most hidden
 * `.*.tmp` files, never a truncated file under a real name.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BriefingError } from '../errors.js';

const inFlight = new Set<string>();

/** A hidden temporary name beside `path`, unique to this process and call. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  inFlight.add(temporary);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new BriefingError('OUTPUT_UNWRITABLE', `cannot write ${path}: ${(error as Error).message}`, {
      file: path,
      hint: 'check that the output folder can be created and written, or choose another with -o',
      cause: error,
    });
  } finally {
    inFlight.delete(temporary);
  }
}

/** Registers a temporary folder (an archive being built) to be removed if the run is interrupted. */
export function trackTemporaryFolder(path: string): () => void {
  inFlight.add(path);
  return () => inFlight.delete(path);
}

let cleanupInstalled = false;

/** On SIGINT or SIGTERM: remove what is in flight, then exit with the conventional 128 + signal number. */
export function removeTemporaryFilesOnInterrupt(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      for (const path of inFlight) rmSync(path, { recursive: true, force: true });
      process.exit(code);
    });
  }
}

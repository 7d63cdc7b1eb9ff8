/**
 * One writer per session folder at a time. A mail run appends to the folder's ledger while an archive run may replace
 * the folder; two mail runs would both read the ledger before either wrote it. Both commands take this lock, a
 * proper-lockfile lock beside the folder (`<folder>.lock`, so `briefing verify` never sees it), whatever TMPDIR each
 * run has. A run that was killed stops refreshing its lock, which another run takes over after STALE_MS: a run
 * waits that long for the folder before it gives up, so a re-run right after a crash (or a second run started
 * beside a short first one) simply goes on when the folder is free.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { BriefingError } from '../errors.js';

const STALE_MS = 5_000;
/** Tries over a little more than STALE_MS. */
const WAIT = { retries: 8, minTimeout: 400, maxTimeout: 1_000, factor: 1.5 };

/** Takes the lock of `folder` (which need not exist yet); the returned function releases it. */
export async function lockSession(folder: string, purpose: string): Promise<() => Promise<void>> {
  const target = realPathOrResolved(folder);
  const options = { realpath: false, lockfilePath: `${target}.lock`, stale: STALE_MS, update: STALE_MS / 5 };
  // One try first: proper-lockfile retries on any error, and only a lock held by another run is worth waiting for
  // (a lock that cannot be made at all, in a folder that is a file, say, is said at once).
  const unlockable = (error: unknown): BriefingError =>
    new BriefingError(
      'OUTPUT_UNWRITABLE',
      `cannot take the lock of this session folder (${target}.lock): ${(error as Error).message}`,
      {
        file: folder,
        hint: 'check that the folder that holds it exists and can be written',
        cause: error,
      },
    );
  try {
    return await lockfile.lock(target, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw unlockable(error);
  }
  try {
    return await lockfile.lock(target, { ...options, retries: WAIT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw unlockable(error);
    throw new BriefingError('USAGE', `another briefing run is using this session folder; ${purpose} must wait for it`, {
      file: folder,
      hint: `run again when it has finished (this run waited ${STALE_MS / 1000} s; a run that was killed frees the folder within that)`,
    });
  }
}

function realPathOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Putting a freshly built session folder in place of the one there, and finishing that after a crash.
 *
 * The swap is two renames: the folder to `.<name>.<pid>.<hex>.tmp.old` beside it, then the staging folder
 * (`.<name>.<pid>.<hex>.tmp`) to the folder's name. A run killed between them (kill -9, power cut) leaves no session
 * folder at all, only the two hidden ones; the old one holds the mail ledger and any summary a person corrected. So a
 * leftover whose run is gone is never removed before it is accounted for: every command that opens a session folder
 * (archive, verify, mail, serve) first calls `recoverInterruptedSwap`, which puts the old folder back when the swap
 * did not happen, and removes it only once the new folder is in place, verifies and holds the ledger.
 */
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BriefingError } from '../errors.js';
import { lockSession } from '../util/sessionLock.js';
import { verifyArchive } from './verifyArchive.js';

const LEDGER = 'mail-ledger.jsonl';
/** The folder being replaced, while it is replaced. */
const OLD = '.old';
/** The folder being replaced by `archive --force`: kept afterwards as a visible copy (`keptCopyName`). */
const KEEP = '.keep';

/**
 * Test-only: `BRIEFING_TEST_KILL_AT=archive-swap` makes the process SIGKILL itself between the two renames, the one
 * moment a crash leaves no session folder (tests/archive/interruptedSwap.test.ts and scripts/probe-kill.mjs).
 */
function killHereIfTestAsks(point: string): void {
  if (process.env.BRIEFING_TEST_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}

/**
 * Replaces `folder` by `staging`, keeping files the archive does not own (the mail ledger). With `keepCopy`, the old
 * folder is kept beside it under a visible name, returned. The caller holds the session lock.
 */
export async function swapInto(
  staging: string,
  folder: string,
  options: { keepCopy?: boolean } = {},
): Promise<string | undefined> {
  if (!existsSync(folder)) {
    await rename(staging, folder);
    return undefined;
  }
  const ledger = join(folder, LEDGER);
  if (existsSync(ledger)) await writeFile(join(staging, LEDGER), await readFile(ledger));
  const old = `${staging}${options.keepCopy ? KEEP : OLD}`;
  await rename(folder, old);
  killHereIfTestAsks('archive-swap');
  await rename(staging, folder);
  return await retireOldFolder(old, folder, options.keepCopy === true);
}

/** The old folder once the new one is in place: removed, or (for --force) kept under a visible name. */
async function retireOldFolder(old: string, folder: string, keepCopy: boolean): Promise<string | undefined> {
  if (!keepCopy) {
    await rm(old, { recursive: true, force: true });
    return undefined;
  }
  const copy = keptCopyName(folder);
  await rename(old, copy);
  return copy;
}

/** `<folder>.replaced-1`, `-2` …: the first name not taken (never random, so a listing stays readable). */
function keptCopyName(folder: string): string {
  for (let index = 1; ; index += 1)
    if (!existsSync(`${folder}.replaced-${index}`)) return `${folder}.replaced-${index}`;
}

interface Leftover {
  path: string;
  pid: number;
  kind: 'staging' | 'old' | 'keep';
}

/** Hidden folders that runs on `folder` left beside it, with the process that made each. */
function leftoversOf(folder: string): Leftover[] {
  const parent = dirname(folder);
  if (!existsSync(parent)) return [];
  const prefix = `.${basename(folder)}.`;
  const found: Leftover[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-f]+\.tmp(\.old|\.keep)?$/.exec(name.slice(prefix.length));
    if (!match) continue;
    found.push({
      path: join(parent, name),
      pid: Number(match[1]),
      kind: match[2] === OLD ? 'old' : match[2] === KEEP ? 'keep' : 'staging',
    });
  }
  return found;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes what a killed run left of a swap on `folder`, taking the session lock if there is anything to do.
 * Returns what was done, for a person.
 */
export async function recoverInterruptedSwap(folder: string): Promise<string[]> {
  if (!leftoversOf(folder).some((leftover) => !isRunning(leftover.pid))) return [];
  const release = await lockSession(folder, 'recovering an interrupted archive');
  try {
    return await recoverInterruptedSwapLocked(folder);
  } finally {
    await release();
  }
}

/** `recoverInterruptedSwap` for a caller that holds the session lock already. */
export async function recoverInterruptedSwapLocked(folder: string): Promise<string[]> {
  const abandoned = leftoversOf(folder).filter((leftover) => !isRunning(leftover.pid));
  const notes: string[] = [];
  const previous = abandoned.filter((leftover) => leftover.kind !== 'staging');
  if (previous.length > 1) {
    throw new BriefingError(
      'ARCHIVE_INTERRUPTED',
      `more than one interrupted archive left a previous session folder: ${previous.map((leftover) => leftover.path).join(', ')}`,
      {
        file: folder,
        hint: 'keep the one to go on with as the session folder (rename it), move the others away, then run briefing verify',
      },
    );
  }
  for (const leftover of previous) {
    if (!existsSync(folder)) {
      // Killed between the renames: the swap did not happen. The old folder goes back; the staging one is removed
      // below and the next archive run builds it again.
      await rename(leftover.path, folder);
      notes.push(
        `restored ${folder} from an archive run that was killed while replacing it (${basename(leftover.path)})`,
      );
      continue;
    }
    // Killed after the second rename: the new folder is in place. The old one goes only once the new one verifies
    // and holds the mail ledger; otherwise a person decides.
    const check = verifyArchiveOrNull(folder);
    if (!check?.ok) {
      throw new BriefingError(
        'ARCHIVE_INTERRUPTED',
        `an interrupted archive run left ${leftover.path}, and ${folder} does not verify`,
        {
          file: folder,
          hint: `compare the two; keep the right one as ${basename(folder)} (rename it), move the other away, then run briefing verify`,
        },
      );
    }
    const oldLedger = join(leftover.path, LEDGER);
    if (existsSync(oldLedger) && !existsSync(join(folder, LEDGER))) copyFileSync(oldLedger, join(folder, LEDGER));
    const copy = await retireOldFolder(leftover.path, folder, leftover.kind === 'keep');
    notes.push(
      copy
        ? `finished an interrupted archive run: the folder it replaced is kept as ${copy}`
        : `finished an interrupted archive run on ${folder}`,
    );
  }
  // Staging folders of killed runs: never swapped in, nothing of a person's in them.
  for (const leftover of abandoned.filter((candidate) => candidate.kind === 'staging'))
    await rm(leftover.path, { recursive: true, force: true });
  return notes;
}

function verifyArchiveOrNull(folder: string): ReturnType<typeof verifyArchive> | null {
  try {
    return verifyArchive(folder);
  } catch {
    return null;
  }
}

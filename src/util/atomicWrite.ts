/**
 * Writes files so that readers only ever see the old file or the complete new one: the bytes go to a temporary
 * file in the same folder, which is then renamed into place. Temporary files and folders in flight are tracked, so
 * an interrupted run (SIGINT, SIGTERM) removes them, and waits for its workers to do the same, before it exits; a
 * killed run leaves at most hidden `.*.tmp` files, never a truncated file under a real name.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BriefingError } from '../errors.js';

const inFlight = new Set<string>();
/** The file-system work of writes under way: an interrupted run lets it settle before it removes what it made. */
const pendingWrites = new Set<Promise<void>>();

/** A hidden temporary name beside `path`, unique to this process and call. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  inFlight.add(temporary);
  const operation = (async () => {
    await makeDirectory(dirname(path));
    await writeFile(temporary, data);
    await rename(temporary, path);
  })();
  pendingWrites.add(operation);
  try {
    await operation;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    if (interrupted) return untilExit();
    throw new BriefingError('OUTPUT_UNWRITABLE', `cannot write ${path}: ${(error as Error).message}`, {
      file: path,
      hint: 'check that the output folder can be created and written, or choose another with -o',
      cause: error,
    });
  } finally {
    pendingWrites.delete(operation);
    inFlight.delete(temporary);
  }
}

/**
 * Creates a folder and its missing parents, one level at a time. Node's recursive mkdir loops forever where a level
 * cannot be created but does not exist either (`/proc/x`); this fails with that level's error instead.
 */
export async function makeDirectory(path: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(path); ;) {
    try {
      if (!(await stat(current)).isDirectory())
        throw Object.assign(new Error(`${current} is a file, not a folder`), {
          code: 'ENOTDIR',
          syscall: 'mkdir',
          path: current,
        });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** Registers a temporary folder (an archive being built) to be removed if the run is interrupted. */
export function trackTemporaryFolder(path: string): () => void {
  inFlight.add(path);
  return () => inFlight.delete(path);
}

/** What else an interrupted run must wait for before it exits: worker processes that are writing, say. */
const interruptCleanups = new Set<() => Promise<void>>();

/**
 * Registers `cleanup` to run, and be waited for, when the run is interrupted; returns the call that unregisters it.
 * A batch registers the stopping of its workers, so no worker goes on writing after the command has exited.
 */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  interruptCleanups.add(cleanup);
  return () => interruptCleanups.delete(cleanup);
}

/** How long an interrupted run waits for its cleanups (workers get 1 s from the pool before SIGKILL). */
const CLEANUP_WAIT_MS = 3_000;

let cleanupInstalled = false;
let interrupted = false;

/** Whether the run is being interrupted. */
export function isInterrupted(): boolean {
  return interrupted;
}

/**
 * A promise that never settles, for work cut short by an interrupt: the process is exiting, and that work is not a
 * failure to report.
 */
export function untilExit(): Promise<never> {
  return new Promise<never>(() => undefined);
}

/**
 * On SIGINT or SIGTERM: remove what is in flight, then exit with the conventional 128 + signal number; a second
 * signal exits at once. The listener stays registered while the cleanup runs: proper-lockfile's signal-exit, seeing
 * itself the last listener of a signal, re-sends it and the process dies before the cleanup is done.
 */
export function removeTemporaryFilesOnInterrupt(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.on(signal, () => (interrupted ? process.exit(code) : void stopInterrupted(code)));
}

/**
 * Removes the temporary files in flight, waits for the registered cleanups, and exits with `code`. The files are
 * removed again just before the exit, because a write that was already under way may have made its file since.
 */
export async function stopInterrupted(code: number): Promise<never> {
  interrupted = true;
  removeInFlight();
  // Workers are stopped and waited for; this process's own writes under way settle (a file an open() under way is
  // about to make would otherwise appear after the final removal, even after the exit).
  const cleanups = Promise.allSettled([...[...interruptCleanups].map((cleanup) => cleanup()), ...pendingWrites]);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([cleanups, new Promise((resolve) => (timer = setTimeout(resolve, CLEANUP_WAIT_MS)))]);
  clearTimeout(timer);
  removeInFlight();
  process.exit(code);
}

function removeInFlight(): void {
  for (const path of inFlight) rmSync(path, { recursive: true, force: true });
}

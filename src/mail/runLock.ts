/**
 * One mail run per session folder at a time: two runs started together would both read the ledger before either
 * wrote to it, and mail everyone twice. The lock is a file in the system's temporary folder (a file in the session
 * folder would make `briefing verify` report it), named after the folder's real path and holding the owner's pid;
 * a lock whose process is gone (a run that was killed) is taken over.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BriefingError } from '../errors.js';

/** Takes the lock of `folder`; the returned function releases it. */
export async function acquireRunLock(folder: string): Promise<() => Promise<void>> {
  const key = createHash('sha256').update(await realpath(folder)).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `briefing-mail-${key}.lock`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(file, 'utf8').catch(() => ''));
      if (isRunning(owner)) {
        throw new BriefingError('USAGE', `another mail run for this session is in progress (process ${owner})`, {
          file: folder,
          hint: `wait for it to finish; if no such run exists, delete ${file}`,
        });
      }
      await rm(file, { force: true });
    }
  }
  throw new BriefingError('USAGE', 'could not take the mail lock of this session', { file: folder, hint: `delete ${file} if no mail run is going on` });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

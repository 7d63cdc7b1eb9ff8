/**
 * Writes a file so that readers only ever see the old file or the complete new one:
 * the bytes go to a temporary file in the same folder, which is then renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BriefingError } from '../errors.js';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new BriefingError('OUTPUT_UNWRITABLE', `cannot write ${path}: ${(error as Error).message}`, {
      file: path,
      hint: 'check that the output folder exists and is writable, or choose another with -o',
      cause: error,
    });
  }
}

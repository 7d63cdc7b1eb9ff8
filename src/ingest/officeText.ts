/**
 * Text of old office formats (.doc, .wps, .rtf, .odt), which offices still send, through LibreOffice: `soffice
 * --headless --convert-to txt` into a temporary folder. LibreOffice is found at run time (on PATH, or where its
 * installer puts it on macOS and Windows); without it the input fails with the package to install.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { BriefingError } from '../errors.js';

export const OFFICE_EXTENSIONS = ['.doc', '.wps', '.rtf', '.odt'];
/** A conversion takes a few seconds (most of it LibreOffice starting); one that takes this long is stuck. */
const CONVERSION_TIMEOUT_MS = 90_000;
const INSTALL_HINT =
  'install LibreOffice: on Debian or Ubuntu `apt-get install libreoffice-writer-nogui`, on macOS and Windows from libreoffice.org';
/** Where LibreOffice's installer puts soffice, for systems whose PATH does not hold it. */
const USUAL_LOCATIONS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
  win32: [
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  ],
};

export function findSoffice(
  environment: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = isExecutable,
): string | undefined {
  const path = environment.PATH ?? environment.Path ?? '';
  const separator = platform === 'win32' ? ';' : delimiter;
  const name = platform === 'win32' ? 'soffice.exe' : 'soffice';
  const onPath = path
    .split(separator)
    .filter(Boolean)
    .map((folder) => (platform === 'win32' ? `${folder}\\${name}` : `${folder}/${name}`));
  return [...onPath, ...(USUAL_LOCATIONS[platform] ?? [])].find(exists);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function officeText(file: string): Promise<string> {
  const format = extname(file).toLowerCase();
  const soffice = findSoffice();
  if (soffice === undefined)
    throw new BriefingError(
      'INPUT_UNREADABLE',
      `reading ${format} files needs LibreOffice, and soffice is not on PATH`,
      { file, hint: INSTALL_HINT },
    );
  // A profile of its own per conversion: LibreOffice hands work to a running instance that shares its profile.
  const work = await mkdtemp(join(tmpdir(), 'briefing-soffice-'));
  try {
    const args = [
      '--headless',
      '--norestore',
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--convert-to',
      'txt:Text (encoded):UTF8',
      '--outdir',
      join(work, 'out'),
      file,
    ];
    try {
      await promisify(execFile)(soffice, args, { timeout: CONVERSION_TIMEOUT_MS });
    } catch (error) {
      throw new BriefingError(
        'INPUT_UNREADABLE',
        `LibreOffice failed on this ${format} file: ${(error as Error).message.split('\n')[0]}`,
        { file, hint: 'open it in LibreOffice or Word and save it as .docx', cause: error },
      );
    }
    const [converted] = await readdir(join(work, 'out')).catch(() => []);
    if (converted === undefined)
      throw new BriefingError('INPUT_UNREADABLE', `LibreOffice could not read this ${format} file`, {
        file,
        hint: 'check the file, or open it in LibreOffice or Word and save it as .docx',
      });
    return (await readFile(join(work, 'out', converted), 'utf8')).replace(/^\ufeff/, '');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

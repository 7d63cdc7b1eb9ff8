/**
 * Where the Tesseract program is: on PATH, else in the places its usual installers put it (the UB-Mannheim installer
 * on Windows, Homebrew on macOS), so a person who installed it need not edit PATH. Absent, the error names the package.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BriefingError } from '../../errors.js';

const TYPICAL_LOCATIONS: Record<string, string[]> = {
  win32: ['C:\\Program Files\\Tesseract-OCR\\tesseract.exe', 'C:\\Program Files (x86)\\Tesseract-OCR\\tesseract.exe'],
  darwin: ['/opt/homebrew/bin/tesseract', '/usr/local/bin/tesseract'],
};

export const TESSERACT_INSTALL_HINT =
  'install Tesseract with Simplified Chinese: Debian/Ubuntu `sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim` (scripts/setup.sh does it), ' +
  'macOS `brew install tesseract tesseract-lang`, Windows the UB-Mannheim installer (github.com/UB-Mannheim/tesseract/wiki) with the chi_sim language; or give the report as text';

export function findTesseract(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const program = platform === 'win32' ? 'tesseract.exe' : 'tesseract';
  const onPath = (env.PATH ?? env.Path ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, program));
  const found = [...onPath, ...(TYPICAL_LOCATIONS[platform] ?? [])].find(isExecutable);
  if (found) return found;
  throw new BriefingError(
    'OCR_UNAVAILABLE',
    'this is a scan or a photo, and reading it needs Tesseract OCR, which is not installed (not on PATH)',
    {
      file,
      hint: TESSERACT_INSTALL_HINT,
    },
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

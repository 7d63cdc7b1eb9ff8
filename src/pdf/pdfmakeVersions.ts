/**
 * The versions of pdfmake, pdfkit and fontkit the fast paths (pdfmakeFastPaths.ts) were written for, and what is
 * installed. The packed CLI pins them (npm-shrinkwrap.json), but a library install, a hand-edited tree or a package
 * manager that ignores the shrinkwrap can bring others: then rendering uses pdfmake's own code paths (slower, the same
 * pages) and says so once, instead of failing. The equivalence tests (tests/pdf/pdfmakeFastPaths.test.ts) fail on any
 * other version, so an upgrade is checked before WRITTEN_FOR changes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The versions these replacements were written against and checked with (tests/pdf/pdfmakeFastPaths.test.ts). */
export const WRITTEN_FOR = { pdfmake: '0.3.11', pdfkit: '0.19.1', fontkit: '2.0.4' } as const;

/** Each package's installed version, as pdfmake itself loads them (pdfkit through pdfmake, fontkit through pdfkit). */
export function installedVersions(): Record<keyof typeof WRITTEN_FOR, string> {
  const pdfmakeEntry = require.resolve('pdfmake');
  const pdfkitEntry = createRequire(pdfmakeEntry).resolve('pdfkit');
  const fontkitEntry = createRequire(pdfkitEntry).resolve('fontkit');
  return {
    pdfmake: versionAt(pdfmakeEntry, 'pdfmake'),
    pdfkit: versionAt(pdfkitEntry, 'pdfkit'),
    fontkit: versionAt(fontkitEntry, 'fontkit'),
  };
}

function versionAt(entry: string, name: string): string {
  for (let folder = dirname(entry); folder !== dirname(folder); folder = dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // No package.json at this level: go up.
    }
  }
  return 'unknown';
}

export function versionMismatches(
  installed: Record<string, string>,
  expected: Record<string, string> = WRITTEN_FOR,
): string[] {
  return Object.entries(expected)
    .filter(([name, version]) => installed[name] !== version)
    .map(([name, version]) => `${name} ${installed[name]} (written for ${version})`);
}

/**
 * In the environment of a batch's worker processes: the command that started them has checked the versions (and
 * warned if it had to), so they do not warn again. One warning per command.
 */
export const VERSIONS_CHECKED_ENV = { BRIEFING_DEPENDENCY_VERSIONS_CHECKED: '1' } as const;
const UNTESTED_VERSIONS_WARNING = 'BRIEFING_UNTESTED_VERSIONS';

let usable: boolean | undefined;

/** Whether the fast paths may be used with what is installed; on the first "no", one warning (process.emitWarning). */
export function fastPathsUsable(): boolean {
  if (usable !== undefined) return usable;
  const mismatches = versionMismatches(installedVersions());
  usable = mismatches.length === 0;
  if (!usable && process.env.BRIEFING_DEPENDENCY_VERSIONS_CHECKED !== '1') {
    process.emitWarning(
      `briefing renders with pdfmake's own code paths (slower, the same pages): it was tested with pdfmake ${WRITTEN_FOR.pdfmake}, pdfkit ${WRITTEN_FOR.pdfkit} and fontkit ${WRITTEN_FOR.fontkit}, ` +
        `but finds ${mismatches.join(', ')}. Reinstall briefing from its package (npm-shrinkwrap.json pins them), or run tests/pdf/pdfmakeFastPaths.test.ts against the new versions and update WRITTEN_FOR in src/pdf/pdfmakeVersions.ts`,
      { code: UNTESTED_VERSIONS_WARNING },
    );
  }
  return usable;
}

// The review page's browser tests: `briefing serve` started as a user starts it (the built CLI, a free port, the URL
// it prints) and Debian's chromium for playwright-core (scripts/setup.sh installs it).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './samples.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As root on a machine with no network: no sandbox, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `briefing serve` with these arguments, as a user starts it, and the URL it prints. */
export async function startServe(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/briefing.js'), 'serve', ...args, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printedUrl = await new Promise<string>((resolve, reject) => {
    let printed = '';
    let said = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const line = /^http:\/\/\S+/m.exec(printed);
      if (line) resolve(line[0]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`briefing serve exited with ${code}: ${said}`)));
  });
  return { child, url: printedUrl };
}

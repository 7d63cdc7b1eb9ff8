/**
 * vitest global setup: compiles src/ to dist/ once before the tests, so the tests that run the real `briefing`
 * command in a child process (interrupts, cold start) test the current source, not a stale build.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  for (const project of ['tsconfig.build.json', 'src/review/page/tsconfig.json'])
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
}

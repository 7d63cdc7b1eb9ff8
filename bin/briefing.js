#!/usr/bin/env node
// Entry point of `npx briefing`: runs the compiled CLI (built by `npm ci` / `npm install` through the prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('briefing: the compiled CLI is missing (dist/). Run `npm ci` or `npm run build` in the project folder.\n');
  process.exit(2);
}
// A reader that stops early (`briefing templates | head -1`) is not an error: stop quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));

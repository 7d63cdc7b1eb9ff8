/** `serve`: the local review page, where a person checks each figure against its sentence before printing. */
import { BriefingError } from '../../errors.js';
import { loadTemplate } from '../../layout/templates.js';
import { onInterrupt, untilExit } from '../../util/atomicWrite.js';
import { type RegisterCommand, withRegionOptions } from '../shared.js';
import { say } from '../terminal.js';
import type { ProjectConfig } from '../../config/projectConfig.js';
import { collectInputs, isReportFile } from '../../pipeline/collectInputs.js';
import { extractOptionsFor, regionSettings } from '../../pipeline/regionSettings.js';

interface ServeFlags {
  port: string;
  host: string;
  template: string;
  out: string;
  reports?: string[];
  reviewer?: string;
  open?: boolean;
  region?: string;
  scope?: string;
  previous?: string;
}

export const registerServeCommands: RegisterCommand = (program, context) => {
  withRegionOptions(program.command('serve'), context.config)
    .summary('open a local page to check every figure against its source sentence, fix it and see the page change')
    .description(
      "Serve a review page for the inputs: the report text with every figure's quote highlighted, the summary as a form\n" +
        '(correct, hide or reorder figures; choose highlights and targets) and a live preview of the printed page.\n' +
        'Inputs are what build takes (reports, summaries, folders) or a session folder made by archive, which is\n' +
        'reviewed in place: saving there rewrites the summary, its PDF, book.pdf and manifest.json together.\n' +
        'Summaries of reports are saved in the output folder (-o) as build names them. A corrected figure keeps its\n' +
        'source quote and records the extracted reading beside it (reviewed). The server listens on 127.0.0.1 and\n' +
        'answers only requests that carry the token of the URL it prints. Ctrl-C stops it.',
    )
    .argument('[inputs...]', 'report files, summary files, folders, or a session folder (default: data/reports)')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', '4173')
    .option(
      '--host <address>',
      'address to listen on; anything but loopback lets other machines reach the page',
      '127.0.0.1',
    )
    .option(
      '-t, --template <name|path>',
      'layout template of the preview and of saved PDFs',
      context.config.template ?? 'handout',
    )
    .option('-o, --out <dir>', 'where summaries of report inputs are saved', context.config.out ?? 'out')
    .option('--reports <dir...>', 'folders that hold the reports of summary inputs (found by name, checked by sha256)')
    .option('--reviewer <name>', 'who reviews, recorded with each correction (reviewed.by)')
    .option('--open', 'open the page in the default browser')
    .option(
      '--previous <dir>',
      "last year's reports, summaries or session folder: each of last year's targets beside this year's result, its verdict to check (去年目标完成情况)",
      context.config.previous,
    )
    .addHelpText(
      'after',
      '\nExamples:\n  briefing serve                              # the bundled reports; saves go to out/\n  briefing serve archive/2026-01-17-长治两会   # review a session folder in place\n  briefing serve out/ --reports data/reports --reviewer 王芳',
    )
    .action(async (inputs: string[], flags: ServeFlags) => {
      context.setExitCode(await runServe(inputs.length > 0 ? inputs : ['data/reports'], flags, context.config));
    });
};

async function runServe(inputs: string[], flags: ServeFlags, config: ProjectConfig): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new BriefingError('USAGE', `--port must be a number from 0 to 65535, got ${flags.port}`, { field: '--port' });
  loadTemplate(flags.template);
  const [{ loadReviewSet, pairLastYearTargets }, { startReviewServer }, { loadPreviousYear }] = await Promise.all([
    import('../../review/reviewSet.js'),
    import('../../review/server.js'),
    import('../../compare/loadPreviousYear.js'),
  ]);
  // Last year's folder is checked before any report is read: a wrong folder stops the command at once.
  const previousYear = flags.previous ? await loadPreviousYear(flags.previous) : undefined;
  const extractOptions = extractOptionsFor(regionSettings(flags, config), reportsAmong(inputs));
  const set = await loadReviewSet({
    inputs,
    outDir: flags.out,
    reportFolders: flags.reports,
    extractOptions,
    onProgress: (message) => say(`serve: ${message}\n`),
  });
  if (previousYear) for (const warning of pairLastYearTargets(set, previousYear)) say(`serve: ${warning}\n`);
  for (const failure of set.failures) say(`✗ ${failure.error.toLine()}\n`);
  for (const report of set.unsettled)
    say(`? ${report.input}: region not settled (${report.error.message}); pick it on the page\n`);
  if (set.documents.length === 0 && set.unsettled.length === 0)
    throw new BriefingError('USAGE', 'nothing to review: no input could be loaded', {
      hint: 'give report files, summary files, or a session folder',
    });
  const server = await startReviewServer({
    set,
    host: flags.host,
    port,
    template: flags.template,
    reviewer: flags.reviewer,
  });
  if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host))
    say(`serve: listening on ${flags.host}: other machines can reach this page (they still need the token)\n`);
  say(
    `serve: reviewing ${set.documents.length} region(s)${set.unsettled.length > 0 ? ` and ${set.unsettled.length} report(s) whose region is to be picked` : ''}; open this address in a browser (Ctrl-C stops):\n`,
  );
  // The URL with its token is the one line on stdout, for scripts that start the server.
  process.stdout.write(`${server.url}\n`);
  if (flags.open) void openInBrowser(server.url);
  // The server runs until Ctrl-C (SIGINT) or SIGTERM: the CLI's interrupt handling closes it, waits for a save under
  // way, and exits with 130 or 143.
  onInterrupt(() => server.close());
  return untilExit();
}

async function openInBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""', url]
        : ['xdg-open', url];
  const child = spawn(command!, args, { stdio: 'ignore', detached: true });
  child.on('error', () => say(`serve: could not open a browser; open ${url} yourself\n`));
  child.unref();
}

/** The report files among the inputs (a session folder holds none to extract); unreadable inputs are loadReviewSet's to report. */
function reportsAmong(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    try {
      return collectInputs([input], isReportFile);
    } catch {
      return [];
    }
  });
}

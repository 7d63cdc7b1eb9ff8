/** `archive` and `verify`: session folders with manifest and book, and their verification. */
import { BriefingError } from '../../errors.js';
import { loadTemplate } from '../../layout/templates.js';
import { collectInputs, isReportFile, isSummaryFile } from '../../pipeline/collectInputs.js';
import { EXIT_OK, EXIT_SOME_FAILED, printJson, type RegisterCommand, withRegionOptions } from '../shared.js';
import { say } from '../terminal.js';
import type { ProjectConfig } from '../../config/projectConfig.js';
import { extractOptionsFor, regionSettings } from '../../pipeline/regionSettings.js';

interface ArchiveFlags {
  verbose?: boolean;
  issuer?: string;
  duplex?: boolean;
  session: string;
  date?: string;
  template: string;
  pdfa?: boolean;
  force?: boolean;
  out: string;
  region?: string;
  scope?: string;
  previous?: string;
  json?: boolean;
}

export const registerArchiveCommands: RegisterCommand = (program, context) => {
  withRegionOptions(program.command('archive'), context.config)
    .summary('build a session folder: one PDF and summary per region, manifest.json, book.pdf')
    .description(
      'Build DIR/<date>-<session>/ with one PDF and one summary per region, manifest.json (sha256 of everything) and\n' +
        'book.pdf (cover, contents, every briefing in gazetteer order, one bookmark per region). Inputs are reports or\n' +
        'reviewed *.summary.json files (a summary wins over a report of the same region). Output is byte-for-byte\n' +
        'reproducible; an unchanged session is not rewritten; the folder is replaced whole or not at all.',
    )
    .argument('<inputs...>', 'report files, summary files or folders')
    .requiredOption('--session <name>', 'session name, e.g. 长治两会', context.config.session)
    .option('--date <YYYY-MM-DD>', 'session date (default: the latest date found in the reports)', context.config.date)
    .option('-t, --template <name|path>', 'layout template', context.config.template ?? 'handout')
    .option('--pdfa', 'write PDF/A-2b files')
    .option(
      '--issuer <name>',
      'who issues the briefings, shown by the official template (e.g. 长治市人大常委会办公室)',
      context.config.issuer,
    )
    .option('--duplex', 'in book.pdf, a blank page after each briefing, so each starts on a new sheet')
    .option('-o, --out <dir>', 'folder that holds the session folders', context.config.archive ?? 'archive')
    .option(
      '--force',
      'rebuild from the inputs even where the session folder cannot be checked; the old folder is kept as <folder>.replaced-N',
    )
    .option(
      '--previous <dir>',
      "last year's reports, summaries or session folder: their targets are checked against this year's results (去年目标完成情况)",
      context.config.previous,
    )
    .option('-v, --verbose', 'list every item trimmed to fit a page (default: one line with how many)')
    .option('--json', 'print the result as one JSON document')
    .addHelpText(
      'after',
      '\nExample:\n  briefing archive data/reports reviewed/ --session 长治两会 --date 2026-01-17 -o archive',
    )
    .action(async (inputs: string[], flags: ArchiveFlags) => {
      context.setExitCode(await runArchive(inputs, flags, context.config));
    });

  program
    .command('verify')
    .summary('re-hash a session folder and report missing, extra or altered files')
    .argument('<session-dir>', 'a folder made by briefing archive')
    .addHelpText('after', '\nExample:\n  briefing verify archive/2026-01-17-长治两会')
    .option('--json', 'print the result as one JSON document')
    .action(async (folder: string, flags: { json?: boolean }) => {
      const [{ verifyArchive }, { recoverInterruptedSwap }] = await Promise.all([
        import('../../archive/verifyArchive.js'),
        import('../../archive/sessionSwap.js'),
      ]);
      for (const note of await recoverInterruptedSwap(folder)) say(`verify: ${note}\n`);
      const result = verifyArchive(folder);
      if (flags.json) {
        printJson(result);
      } else {
        for (const path of result.missing) say(`missing: ${path}\n`);
        for (const path of result.altered) say(`altered: ${path}\n`);
        for (const path of result.extra) say(`extra:   ${path}\n`);
        say(
          result.ok
            ? `${folder}: all ${result.checked} files match the manifest\n`
            : `${folder}: does not match its manifest\n`,
        );
      }
      context.setExitCode(result.ok ? EXIT_OK : EXIT_SOME_FAILED);
    });
};

async function runArchive(inputs: string[], flags: ArchiveFlags, config: ProjectConfig): Promise<number> {
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) {
    throw new BriefingError('USAGE', `--date must be YYYY-MM-DD, got ${flags.date}`, { field: '--date' });
  }
  loadTemplate(flags.template);
  const files = collectInputs(inputs, (name) => isReportFile(name) || isSummaryFile(name));
  const extractOptions = extractOptionsFor(
    regionSettings(flags, config),
    files.filter((file) => !isSummaryFile(file)),
  );
  const previousYear = flags.previous
    ? await (await import('../../compare/loadPreviousYear.js')).loadPreviousYear(flags.previous)
    : undefined;
  // Loaded on use: the book binder (pdf-lib) is only needed here.
  const { buildArchive } = await import('../../archive/buildArchive.js');
  const result = await buildArchive({
    files,
    session: flags.session,
    date: flags.date,
    template: flags.template,
    pdfa: flags.pdfa,
    issuer: flags.issuer,
    duplex: flags.duplex,
    outDir: flags.out,
    extractOptions,
    force: flags.force,
    previousYear,
    onProgress: flags.json ? undefined : (message) => say(`archive: ${message}\n`),
  });
  // A refusal of the whole run (usage, a session folder that cannot be checked, the lock) is the CLI's usage error
  // (exit 2); failed inputs are exit 1.
  const refusal = result.failures.find((failure) => failure.input === null);
  if (refusal) throw refusal.error;
  if (flags.json) {
    printJson({
      ...result,
      failures: result.failures.map((failure) => ({ input: failure.input, error: failure.error.toJSON() })),
    });
  } else {
    for (const failure of result.failures) say(`✗ ${failure.error.toLine()}\n`);
    for (const warning of result.warnings) say(`  ! ${warning}\n`);
    if (flags.verbose) for (const item of result.trimmed) say(`  · ${item}\n`);
    else if (result.trimmed.length > 0)
      say(
        `${result.trimmed.length} notes on items left off the pages to fit one page each (the summaries keep them all; --verbose lists them)\n`,
      );
    const messages = {
      failed: `archive not written: ${result.failures.length} input(s) failed (an archive is complete or not made)`,
      unchanged: `${result.folder}: unchanged, nothing rewritten`,
      created: `${result.folder}: created with ${result.manifest?.regions.length} regions and book.pdf`,
      updated: `${result.folder}: updated (${result.changes.join('; ')})`,
    };
    say(`${messages[result.status]}\n`);
  }
  return result.status === 'failed' ? EXIT_SOME_FAILED : EXIT_OK;
}

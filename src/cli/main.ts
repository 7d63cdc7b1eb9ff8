/**
 * The command line: a thin shell over the library (src/index.ts). Parses arguments, prints results for
 * people on stderr (or one JSON document on stdout with --json) and sets the exit code:
 * 0 all inputs done, 1 some inputs failed (the others are written, whole), 2 usage or configuration error.
 */
import { Command, CommanderError, Option } from 'commander';
import { relative } from 'node:path';
import { BriefingError } from '../errors.js';
import { listTemplates, loadTemplate } from '../layout/templates.js';
import { collectInputs, isReportFile, isSummaryFile } from '../pipeline/collectInputs.js';
import { type BatchMode, type BatchResult, runBatch } from '../pipeline/runBatch.js';
import { summaryJsonSchema } from '../summary/jsonSchema.js';
import { type BenchResult, runBench } from '../bench/runBench.js';
import { buildArchive } from '../archive/buildArchive.js';
import { verifyArchive } from '../archive/verifyArchive.js';

const EXIT_OK = 0;
const EXIT_SOME_FAILED = 1;
const EXIT_USAGE = 2;

const DEFAULT_REPORTS = 'data/reports';
const DEFAULT_OUT = 'out';

interface BatchFlags {
  out: string;
  template: string;
  force?: boolean;
  json?: boolean;
  debug?: boolean;
}

interface BatchCommandSpec {
  mode: BatchMode;
  args: string;
  summary: string;
  example: string;
  defaultInputs?: string[];
  /** Which of the shared options apply. */
  writes: boolean;
  renders: boolean;
  extracts: boolean;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('briefing')
    .description('Turns long Chinese regional reports into one-page PDF briefings per region.')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .showHelpAfterError('(run briefing --help for usage)');
  let exitCode = EXIT_OK;

  const batchCommands: BatchCommandSpec[] = [
    {
      mode: 'build',
      args: '[inputs...]',
      summary: 'extract a summary from each report and render its one-page PDF',
      example: 'briefing build                      # every report in data/reports → out/\n  briefing build report.txt -o handouts',
      defaultInputs: [DEFAULT_REPORTS],
      writes: true,
      renders: true,
      extracts: true,
    },
    {
      mode: 'extract',
      args: '<inputs...>',
      summary: 'write <id>.summary.json per report, for review before rendering',
      example: 'briefing extract data/reports -o summaries',
      writes: true,
      renders: false,
      extracts: true,
    },
    {
      mode: 'render',
      args: '<summaries...>',
      summary: 'render one PDF per (possibly hand-edited) summary file',
      example: 'briefing render summaries -o out --template handout',
      writes: true,
      renders: true,
      extracts: false,
    },
    {
      mode: 'check',
      args: '<summaries...>',
      summary: 'validate summary files, naming the JSON path of every problem',
      example: 'briefing check summaries/*.summary.json',
      writes: false,
      renders: false,
      extracts: false,
    },
  ];
  for (const spec of batchCommands) {
    const readsSummaries = !spec.extracts;
    const command = program
      .command(spec.mode)
      .summary(spec.summary)
      .description(`${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.\nInputs are files or folders${spec.defaultInputs ? ` (default: ${spec.defaultInputs.join(' ')})` : ''}.`)
      .argument(spec.args, readsSummaries ? 'summary files (*.summary.json) or folders' : 'report files (.txt, .md; UTF-8 or GB18030) or folders');
    if (spec.writes) command.option('-o, --out <dir>', 'output folder', DEFAULT_OUT);
    if (spec.renders) command.option('-t, --template <name|path>', 'built-in template name (see briefing templates) or a template folder', 'handout');
    if (spec.extracts) command.option('--force', 'overwrite summaries that were edited by hand since extraction');
    command
      .option('--json', 'print one JSON document with every result on stdout')
      .option('--debug', 'show stack traces of errors')
      .addHelpText('after', `\nExample:\n  ${spec.example}`)
      .action(async (inputs: string[], flags: BatchFlags) => {
        exitCode = await runBatchCommand(spec, inputs.length > 0 ? inputs : (spec.defaultInputs ?? []), flags);
      });
  }

  program
    .command('archive')
    .summary('build a session folder: one PDF and summary per region, manifest.json, book.pdf')
    .description(
      'Build DIR/<date>-<session>/ with one PDF and one summary per region, manifest.json (sha256 of everything) and\n' +
        'book.pdf (cover, contents, every briefing in gazetteer order, one bookmark per region). Inputs are reports or\n' +
        'reviewed *.summary.json files (a summary wins over a report of the same region). Output is byte-for-byte\n' +
        'reproducible; an unchanged session is not rewritten; the folder is replaced whole or not at all.',
    )
    .argument('<inputs...>', 'report files, summary files or folders')
    .requiredOption('--session <name>', 'session name, e.g. 长治两会')
    .option('--date <YYYY-MM-DD>', 'session date (default: the latest date found in the reports)')
    .option('-t, --template <name|path>', 'layout template', 'handout')
    .option('--pdfa', 'write PDF/A-2b files')
    .option('-o, --out <dir>', 'folder that holds the session folders', 'archive')
    .option('--json', 'print the result as one JSON document')
    .addHelpText('after', '\nExample:\n  briefing archive data/reports reviewed/ --session 长治两会 --date 2026-01-17 -o archive')
    .action(async (inputs: string[], flags: { session: string; date?: string; template: string; pdfa?: boolean; out: string; json?: boolean }) => {
      exitCode = await runArchiveCommand(inputs, flags);
    });

  program
    .command('verify')
    .summary('re-hash a session folder and report missing, extra or altered files')
    .argument('<session-dir>', 'a folder made by briefing archive')
    .option('--json', 'print the result as one JSON document')
    .action((folder: string, flags: { json?: boolean }) => {
      const result = verifyArchive(folder);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        for (const path of result.missing) process.stderr.write(`missing: ${path}\n`);
        for (const path of result.altered) process.stderr.write(`altered: ${path}\n`);
        for (const path of result.extra) process.stderr.write(`extra:   ${path}\n`);
        process.stderr.write(result.ok ? `${folder}: all ${result.checked} files match the manifest\n` : `${folder}: does not match its manifest\n`);
      }
      exitCode = result.ok ? EXIT_OK : EXIT_SOME_FAILED;
    });

  program
    .command('bench')
    .summary('measure extraction and rendering speed on this machine')
    .option('--json', 'print the measurements as one JSON object')
    .action(async (flags: { json?: boolean }) => {
      const result = await runBench({ onProgress: flags.json ? undefined : (message) => process.stderr.write(`bench: ${message}…\n`) });
      process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatBench(result));
    });

  program
    .command('schema')
    .summary('print the JSON Schema of summary files')
    .action(() => {
      process.stdout.write(`${JSON.stringify(summaryJsonSchema(), null, 2)}\n`);
    });

  program
    .command('templates')
    .summary('list the built-in layout templates')
    .option('--json', 'print {"templates":[…]} on stdout')
    .action((flags: { json?: boolean }) => {
      const templates = listTemplates();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ templates }, null, 2)}\n`);
      } else {
        for (const template of templates) process.stdout.write(`${template.name.padEnd(12)} ${template.pageSize.padEnd(4)} ${template.description}\n`);
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof BriefingError) {
      process.stderr.write(`briefing: ${error.toLine()}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}

async function runArchiveCommand(inputs: string[], flags: { session: string; date?: string; template: string; pdfa?: boolean; out: string; json?: boolean }): Promise<number> {
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) {
    throw new BriefingError('USAGE', `--date must be YYYY-MM-DD, got ${flags.date}`, { field: '--date' });
  }
  loadTemplate(flags.template);
  const files = collectInputs(inputs, (name) => isReportFile(name) || isSummaryFile(name));
  const result = await buildArchive({
    files,
    session: flags.session,
    date: flags.date,
    template: flags.template,
    pdfa: flags.pdfa,
    outDir: flags.out,
    onProgress: flags.json ? undefined : (message) => process.stderr.write(`archive: ${message}\n`),
  });
  if (flags.json) {
    const failures = result.failures.map((failure) => ({ input: failure.input, error: failure.error.toJSON() }));
    process.stdout.write(`${JSON.stringify({ ...result, failures }, null, 2)}\n`);
  } else {
    for (const failure of result.failures) process.stderr.write(`✗ ${failure.error.toLine()}\n`);
    for (const warning of result.warnings) process.stderr.write(`  ! ${warning}\n`);
    const messages = {
      failed: `archive not written: ${result.failures.length} input(s) failed (an archive is complete or not made)`,
      unchanged: `${result.folder}: unchanged, nothing rewritten`,
      created: `${result.folder}: created with ${result.manifest?.regions.length} regions and book.pdf`,
      updated: `${result.folder}: updated (${result.changes.join('; ')})`,
    };
    process.stderr.write(`${messages[result.status]}\n`);
  }
  return result.status === 'failed' ? EXIT_SOME_FAILED : EXIT_OK;
}

async function runBatchCommand(spec: BatchCommandSpec, inputs: string[], flags: BatchFlags): Promise<number> {
  const { mode } = spec;
  // Configuration errors (unknown template, empty folder) stop before any work: exit 2.
  if (spec.renders) loadTemplate(flags.template);
  const files = collectInputs(inputs, spec.extracts ? isReportFile : isSummaryFile);
  const started = performance.now();
  const results = await runBatch({
    mode,
    files,
    outDir: flags.out,
    template: flags.template,
    force: flags.force,
    onResult: flags.json ? undefined : (result, done, total) => printResult(result, done, total, flags.debug ?? false),
  });
  const failed = results.filter((result) => result.error).length;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ results: results.map(toJsonResult) }, null, 2)}\n`);
  } else {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const done = results.length - failed;
    const what = mode === 'check' ? 'summaries valid' : `${mode === 'extract' ? 'summaries' : 'briefings'} written to ${flags.out}/`;
    process.stderr.write(`${done} of ${results.length} ${what} in ${seconds} s${failed ? `; ${failed} failed` : ''}\n`);
  }
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

function printResult(result: BatchResult, done: number, total: number, debug: boolean): void {
  const counter = `[${done}/${total}]`;
  if (result.error) {
    process.stderr.write(`${counter} ✗ ${result.error.toLine()}\n`);
    if (debug) process.stderr.write(`${stackOf(result.error)}\n`);
    return;
  }
  const output = result.pdf ?? result.summary;
  const destination = output ? ` → ${relative(process.cwd(), output) || output}` : ` (${result.input})`;
  process.stderr.write(`${counter} ✓ ${result.region}${destination}${result.pages ? ` (${result.pages} page)` : ''}\n`);
  for (const warning of result.warnings) process.stderr.write(`      ! ${warning}\n`);
}

function toJsonResult(result: BatchResult): Record<string, unknown> {
  return {
    input: result.input,
    id: result.id,
    region: result.region,
    summary: result.summary,
    pdf: result.pdf,
    pages: result.pages,
    warnings: result.warnings,
    error: result.error ? result.error.toJSON() : null,
  };
}

function formatBench(result: BenchResult): string {
  const lines = [
    `briefing bench — ${result.machine.date}, ${result.machine.cpus} CPUs, node ${result.machine.node}`,
    '',
    'extraction (warm, median):',
    ...result.extractMsPerReport.map((report) => `  ${report.file}  ${String(report.characters).padStart(6)} chars  ${report.ms.toFixed(1).padStart(6)} ms`),
    `  40,000-character report      ${String(result.extractLongReport.characters).padStart(6)} chars  ${result.extractLongReport.ms.toFixed(1).padStart(6)} ms`,
    '',
    `render one-page briefing (warm, median): ${result.renderMsPerBriefing.toFixed(1)} ms`,
    `mean PDF size: ${(result.meanPdfBytes / 1024).toFixed(1)} KiB`,
    `cold start, new process building one briefing: ${result.coldBuildMs} ms`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The stack of an error and of the errors that caused it. */
function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? `${error.stack}\nCaused by: ${stackOf(error.cause)}` : (error.stack ?? error.message);
}

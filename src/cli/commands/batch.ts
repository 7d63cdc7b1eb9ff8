/** `build`, `extract`, `render` and `check`: one result per input, --json, exit 1 if any input failed. */
import { join, relative } from 'node:path';
import { loadTemplate } from '../../layout/templates.js';
import { collectInputs, isReportFile, isSummaryFile } from '../../pipeline/collectInputs.js';
import type { BatchMode, BatchResult } from '../../pipeline/runBatch.js';
import {
  type CommandContext,
  EXIT_OK,
  EXIT_SOME_FAILED,
  printJson,
  type RegisterCommand,
  stackOf,
  withRegionOptions,
} from '../shared.js';
import type { Command } from 'commander';
import { say } from '../terminal.js';
import type { ProjectConfig } from '../../config/projectConfig.js';
import { extractOptionsFor, regionSettings } from '../../pipeline/regionSettings.js';

const DEFAULT_REPORTS = 'data/reports';
const DEFAULT_OUT = 'out';

interface BatchFlags {
  out: string;
  template: string;
  book?: string | boolean;
  duplex?: boolean;
  session?: string;
  issuer?: string;
  force?: boolean;
  region?: string;
  scope?: string;
  previous?: string;
  json?: boolean;
  debug?: boolean;
  verbose?: boolean;
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

const BATCH_COMMANDS: BatchCommandSpec[] = [
  {
    mode: 'build',
    args: '[inputs...]',
    summary: 'extract a summary from each report and render its one-page PDF',
    example:
      'briefing build                      # every report in data/reports → out/\n  briefing build reports/ -o handouts --book --duplex   # and handouts/book.pdf to print',
    defaultInputs: [DEFAULT_REPORTS],
    writes: true,
    renders: true,
    extracts: true,
  },
  {
    mode: 'extract',
    args: '<inputs...>',
    summary: 'write <code>-<region>.summary.json per report, for review before rendering',
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

export const registerBatchCommands: RegisterCommand = (program, context) => {
  for (const spec of BATCH_COMMANDS) registerBatchCommand(program, context, spec);
};

function registerBatchCommand(program: Command, context: CommandContext, spec: BatchCommandSpec): void {
  const command = program
    .command(spec.mode)
    .summary(spec.summary)
    .description(
      `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.\nInputs are files or folders${spec.defaultInputs ? ` (default: ${spec.defaultInputs.join(' ')})` : ''}.`,
    )
    .argument(
      spec.args,
      spec.extracts
        ? 'report files (.txt, .md; UTF-8 or GB18030) or folders'
        : 'summary files (*.summary.json) or folders',
    );
  const { config } = context;
  if (spec.writes) command.option('-o, --out <dir>', 'output folder', config.out ?? DEFAULT_OUT);
  if (spec.renders)
    command.option(
      '-t, --template <name|path>',
      'built-in template name (see briefing templates) or a template folder',
      config.template ?? 'handout',
    );
  if (spec.extracts) {
    withRegionOptions(
      command.option('--force', 'overwrite summaries that were edited by hand since extraction'),
      config,
    );
  }
  if (spec.mode === 'build') {
    command.option(
      '--previous <dir>',
      "last year's reports, summaries or session folder: their targets are checked against this year's results (去年目标完成情况)",
      config.previous,
    );
  }
  if (spec.renders) {
    command
      .option('-v, --verbose', 'list every item trimmed to fit the page (default: one line with how many)')
      .option(
        '--issuer <name>',
        'who issues the briefings, shown by the official template (e.g. 长治市人大常委会办公室)',
        config.issuer,
      )
      .option('--book [file]', 'also bind every briefing into one print-ready PDF (default: <out>/book.pdf)')
      .option('--duplex', 'in the book, a blank page after each briefing, so each starts on a new sheet')
      .option('--session <name>', "the book cover's title (default: the session the reports name)", config.session);
  }
  command
    .option('--json', 'print one JSON document with every result on stdout')
    .addHelpText('after', `\nExample:\n  ${spec.example}`)
    .action(async (inputs: string[], flags: BatchFlags) => {
      context.setExitCode(
        await runBatchCommand(spec, inputs.length > 0 ? inputs : (spec.defaultInputs ?? []), flags, context.config),
      );
    });
}

async function runBatchCommand(
  spec: BatchCommandSpec,
  inputs: string[],
  flags: BatchFlags,
  config: ProjectConfig,
): Promise<number> {
  const { mode } = spec;
  // Configuration errors (unknown template, empty folder, a region the gazetteer lacks) stop before any work: exit 2.
  if (spec.renders) loadTemplate(flags.template);
  const files = collectInputs(inputs, spec.extracts ? isReportFile : isSummaryFile);
  const extractOptions = spec.extracts ? extractOptionsFor(regionSettings(flags, config), files) : undefined;
  const started = performance.now();
  const previousYear = flags.previous
    ? await (await import('../../compare/loadPreviousYear.js')).loadPreviousYear(flags.previous)
    : undefined;
  // Loaded on use, so that `briefing --help` and the other commands start quickly.
  const { runBatch } = await import('../../pipeline/runBatch.js');
  const bar =
    !flags.json && process.stderr.isTTY && files.length > PROGRESS_BAR_FROM
      ? await progressBar(files.length)
      : undefined;
  const results = await runBatch({
    mode,
    files,
    outDir: flags.out,
    template: flags.template,
    issuer: flags.issuer,
    force: flags.force,
    extractOptions,
    previousYear,
    onResult: flags.json
      ? undefined
      : bar
        ? () => bar.increment()
        : (result, done, total) => printResult(result, done, total, flags),
  });
  if (bar) {
    bar.stop();
    // With a bar, only what needs attention is listed, after it.
    results.forEach((result, index) => {
      if (result.error || result.warnings.length > 0 || (flags.verbose && result.trimmed.length > 0))
        printResult(result, index + 1, results.length, flags);
    });
  }
  const failed = results.filter((result) => result.error).length;
  const book = flags.book && spec.renders ? await bookOf(results, flags) : undefined;
  if (flags.json) {
    printJson({ results: results.map(toJsonResult), ...(book ? { book } : {}) });
  } else {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const done = results.length - failed;
    const what =
      mode === 'check'
        ? 'summaries valid'
        : `${mode === 'extract' ? 'summaries' : 'briefings'} written to ${flags.out}/`;
    say(`${done} of ${results.length} ${what} in ${seconds} s${failed ? `; ${failed} failed` : ''}\n`);
    if (book) say(`book: ${relative(process.cwd(), book.file) || book.file} (${book.pages} pages)\n`);
    const trimmed = results.reduce((sum, result) => sum + result.trimmed.length, 0);
    if (trimmed > 0 && !flags.verbose)
      say(
        `${trimmed} notes on items left off the pages to fit one page (the summaries keep them all; --verbose lists them)\n`,
      );
  }
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

/** Binds the briefings of the batch's good results into one book. */
async function bookOf(results: BatchResult[], flags: BatchFlags): Promise<{ file: string; pages: number } | undefined> {
  const { readSummaryFile } = await import('../../pipeline/readSummaryFile.js');
  const summaries = await Promise.all(
    results
      .filter((result) => result.pdf && (result.summary ?? result.input))
      .map((result) => readSummaryFile(result.summary ?? result.input)),
  );
  if (summaries.length === 0) return undefined;
  const { bindBook } = await import('../../archive/bindBook.js');
  const file = typeof flags.book === 'string' ? flags.book : join(flags.out, 'book.pdf');
  return bindBook({
    summaries,
    file,
    session: flags.session,
    template: flags.template,
    issuer: flags.issuer,
    duplex: flags.duplex,
  });
}

/** Batches larger than this show a progress bar on a terminal instead of a line per input. */
const PROGRESS_BAR_FROM = 5;

async function progressBar(total: number): Promise<{ increment(): void; stop(): void }> {
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { format: 'briefing [{bar}] {value}/{total} · {eta}s left', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

function printResult(result: BatchResult, done: number, total: number, flags: BatchFlags): void {
  const counter = `[${done}/${total}]`;
  if (result.error) {
    say(`${counter} ✗ ${result.error.toLine()}\n`);
    if (flags.debug) say(`${stackOf(result.error)}\n`);
    return;
  }
  const output = result.pdf ?? result.summary;
  const destination = output ? ` → ${relative(process.cwd(), output) || output}` : ` (${result.input})`;
  say(`${counter} ✓ ${result.region}${destination}${result.pages ? ` (${result.pages} page)` : ''}\n`);
  for (const warning of result.warnings) say(`      ! ${warning}\n`);
  if (flags.verbose) for (const item of result.trimmed) say(`      · ${item}\n`);
}

/** The --json result of one input, as ../shared/DESIGN.md specifies it. */
function toJsonResult(result: BatchResult): Record<string, unknown> {
  return {
    input: result.input,
    id: result.id,
    region: result.region,
    summary: result.summary,
    pdf: result.pdf,
    pages: result.pages,
    // DESIGN.md: warnings tell a person everything, content trimmed included; trimmed lists that part on its own.
    warnings: [...result.warnings, ...result.trimmed],
    trimmed: result.trimmed,
    error: result.error ? result.error.toJSON() : null,
  };
}

/** `templates`, `schema` and `bench`: what the tool offers, its summary format, and its speed here. */
import type { BenchResult } from '../../bench/runBench.js';
import { BriefingError } from '../../errors.js';
import { listTemplates } from '../../layout/templates.js';
import { printJson, type RegisterCommand } from '../shared.js';
import { say } from '../terminal.js';

export const registerInfoCommands: RegisterCommand = (program) => {
  program
    .command('templates')
    .summary('list the built-in layout templates')
    .option('--json', 'print {"templates":[…]} on stdout')
    .addHelpText('after', '\nExample:\n  briefing templates --json')
    .action((flags: { json?: boolean }) => {
      const templates = listTemplates();
      if (flags.json) {
        printJson({ templates });
      } else {
        for (const template of templates)
          process.stdout.write(`${template.name.padEnd(12)} ${template.pageSize.padEnd(4)} ${template.description}\n`);
      }
    });

  program
    .command('init')
    .summary('write a commented project file (briefing.config.yaml) into this folder')
    .description(
      'Write briefing.config.yaml here: defaults for session, date, issuer, template, output folders, delegates\nfile, SMTP server and sender, for every command run in this folder or below it. Flags override it.\nIt never holds a password: set BRIEFING_SMTP_PASSWORD.',
    )
    .option('--force', 'replace a project file that is already here')
    .addHelpText('after', '\nExample:\n  briefing init && $EDITOR briefing.config.yaml')
    .action(async (flags: { force?: boolean }) => {
      const { writeProjectConfigTemplate } = await import('../../config/projectConfig.js');
      say(`wrote ${await writeProjectConfigTemplate(process.cwd(), flags.force)}\n`);
    });

  program
    .command('schema')
    .summary('print the JSON Schema of summary files')
    .addHelpText('after', '\nExample:\n  briefing schema > briefing-summary.schema.json')
    .action(async () => printJson((await import('../../summary/jsonSchema.js')).summaryJsonSchema()));

  program
    .command('bench')
    .summary('measure speed on this machine against the naive pdfmake pipeline')
    .description(
      'Render N synthetic regions (seeded; official names from the gazetteer) with `briefing render` in a new process ' +
        '(throughput, and peak memory of that process and its workers); time one briefing on one worker (steady state); ' +
        'draw the same pages with the naive pdfmake pipeline, in rounds alternating with ours (the speed-up); build one report in a new ' +
        'process (cold start); time extraction of the bundled reports. Figures and method: BENCHMARKS.md.',
    )
    .option('-n, --count <N>', 'number of synthetic regions', (value) => positiveInteger(value, '--count'), 200)
    .option('--workers <N>', 'worker processes for the batch (default: one per core)', (value) =>
      positiveInteger(value, '--workers'),
    )
    .option('--json', 'print the measurements as one JSON object')
    .addHelpText('after', '\nExample:\n  briefing bench --count 1000 --json')
    .action(async (flags: { count: number; workers?: number; json?: boolean }) => {
      const { runBench } = await import('../../bench/runBench.js');
      const result = await runBench({
        count: flags.count,
        workers: flags.workers,
        onProgress: flags.json ? undefined : (message) => say(`bench: ${message}…\n`),
      });
      if (flags.json) printJson(result);
      else process.stdout.write(formatBench(result));
    });
};

function formatBench(result: BenchResult): string {
  const lines = [
    `briefing bench — ${result.machine.date}, ${result.machine.cpus} × ${result.machine.model}, node ${result.machine.node}`,
    '',
    `one briefing, marginal (one worker, warm):  ${result.msPerDoc} ms`,
    `naive pdfmake pipeline, same pages:        ${result.baselineMsPerDoc} ms   → speed-up ${result.speedup}×`,
    `${result.count} briefings on ${result.workers} workers:            ${result.batchSeconds} s   → ${result.docsPerSec} briefings/s`,
    `peak memory (briefing render, workers):    ${result.peakRssMb} MB`,
    `mean PDF size:                             ${(result.meanPdfBytes / 1024).toFixed(1)} KiB`,
    `cold start, new process, one briefing:     ${result.coldMs} ms`,
    '',
    'extraction (warm, median of 9):',
    ...result.extraction.map(
      (report) =>
        `  ${report.file.padEnd(28)} ${String(report.characters).padStart(6)} chars  ${report.ms.toFixed(1).padStart(6)} ms`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function positiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new BriefingError('USAGE', `${option} must be a positive whole number, got ${value}`, { field: option });
  return number;
}

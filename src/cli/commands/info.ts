/** `templates`, `schema` and `bench`: what the tool offers, its summary format, and its speed here. */
import { type BenchResult, runBench } from '../../bench/runBench.js';
import { listTemplates } from '../../layout/templates.js';
import { summaryJsonSchema } from '../../summary/jsonSchema.js';
import { printJson, type RegisterCommand } from '../shared.js';

export const registerInfoCommands: RegisterCommand = (program) => {
  program
    .command('templates')
    .summary('list the built-in layout templates')
    .option('--json', 'print {"templates":[…]} on stdout')
    .action((flags: { json?: boolean }) => {
      const templates = listTemplates();
      if (flags.json) {
        printJson({ templates });
      } else {
        for (const template of templates) process.stdout.write(`${template.name.padEnd(12)} ${template.pageSize.padEnd(4)} ${template.description}\n`);
      }
    });

  program
    .command('schema')
    .summary('print the JSON Schema of summary files')
    .action(() => printJson(summaryJsonSchema()));

  program
    .command('bench')
    .summary('measure extraction and rendering speed on this machine')
    .option('--json', 'print the measurements as one JSON object')
    .action(async (flags: { json?: boolean }) => {
      const result = await runBench({ onProgress: flags.json ? undefined : (message) => process.stderr.write(`bench: ${message}…\n`) });
      if (flags.json) printJson(result);
      else process.stdout.write(formatBench(result));
    });
};

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

/** `compare`: the regions of a session side by side on one landscape page, with --json and --csv. */
import { EXIT_OK, EXIT_SOME_FAILED, printJson, type RegisterCommand } from '../shared.js';
import { say } from '../terminal.js';

interface CompareFlags {
  out: string;
  csv?: string;
  title?: string;
  json?: boolean;
}

export const registerCompareCommands: RegisterCommand = (program, context) => {
  program
    .command('compare')
    .summary('the regions side by side: one landscape page of indicators, growth and rank')
    .description(
      'Compare the regions of a session: a table of the catalogue indicators their reports give (value in one unit per\n' +
        'indicator, growth, rank; an empty cell where a report does not give it) and their growth rates ranked, on one\n' +
        'landscape A4 page for up to 20 regions. Inputs are reports, summaries or a session folder.',
    )
    .argument('<inputs...>', 'report files, summary files or folders (a session folder made by briefing archive)')
    .requiredOption('-o, --out <file.pdf>', 'the PDF to write')
    .option('--csv <file.csv>', 'also write the table as CSV (UTF-8 with BOM, opens in Excel)')
    .option(
      '--title <text>',
      'the page heading (default: <province or city>各地区主要指标对照)',
      context.config.session,
    )
    .option('--json', 'print the table as one JSON document')
    .addHelpText('after', '\nExample:\n  briefing compare archive/2026-01-17-长治两会 -o 对照.pdf --csv 对照.csv')
    .action(async (inputs: string[], flags: CompareFlags) => {
      const { compareSession } = await import('../../compare/compareSession.js');
      const result = await compareSession({
        inputs,
        pdfFile: flags.out,
        ...(flags.csv ? { csvFile: flags.csv } : {}),
        ...(flags.title ? { title: flags.title } : {}),
      });
      if (flags.json) {
        printJson({
          ...result,
          failures: result.failures.map((failure) => ({ input: failure.input, error: failure.error.toJSON() })),
        });
      } else {
        for (const failure of result.failures) say(`✗ ${failure.error.toLine()}\n`);
        say(
          `${result.pdf}: ${result.comparison.regions.length} regions, ${result.comparison.columns.length} indicators (${result.pages} page${result.pages > 1 ? 's' : ''})\n`,
        );
        if (result.leftOff.length > 0) say(`not on the page (in --json and --csv): ${result.leftOff.join('、')}\n`);
        if (result.csv) say(`${result.csv}: the table as CSV\n`);
      }
      context.setExitCode(result.failures.length > 0 ? EXIT_SOME_FAILED : EXIT_OK);
    });
};

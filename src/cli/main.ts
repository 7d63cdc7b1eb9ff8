/**
 * The command line: a thin shell over the library (src/index.ts). Each command lives in commands/; this file
 * builds the program, runs it and turns the outcome into an exit code: 0 all inputs done, 1 some inputs failed
 * (the others are written, whole), 2 usage or configuration error. People read stderr; --json puts exactly one
 * JSON document on stdout.
 */
import { Command, CommanderError } from 'commander';
import { BriefingError, toBriefingError } from '../errors.js';
import { removeTemporaryFilesOnInterrupt } from '../util/atomicWrite.js';
import { registerArchiveCommands } from './commands/archive.js';
import { registerBatchCommands } from './commands/batch.js';
import { registerCompareCommands } from './commands/compare.js';
import { registerInfoCommands } from './commands/info.js';
import { registerMailCommands } from './commands/mail.js';
import { registerServeCommands } from './commands/serve.js';
import { EXIT_OK, EXIT_USAGE, printJson, type RegisterCommand, stackOf } from './shared.js';
import { toolVersion } from '../version.js';
import { loadProjectConfig, type ProjectConfig } from '../config/projectConfig.js';
import { say } from './terminal.js';

const COMMANDS: RegisterCommand[] = [
  registerBatchCommands,
  registerArchiveCommands,
  registerCompareCommands,
  registerMailCommands,
  registerServeCommands,
  registerInfoCommands,
];

export async function main(argv: string[]): Promise<number> {
  removeTemporaryFilesOnInterrupt();
  let exitCode = EXIT_OK;
  const program = new Command()
    .name('briefing')
    .description('Turns long Chinese regional reports into one-page PDF briefings per region.')
    .version(toolVersion(), '-V, --version', 'print the version of briefing')
    .exitOverride()
    .configureOutput({ writeErr: (text) => say(text) })
    .showHelpAfterError('(run briefing --help for usage)');
  let config: ProjectConfig;
  try {
    config = loadProjectConfig();
  } catch (error) {
    if (!(error instanceof BriefingError)) throw error;
    say(`briefing: ${error.toLine()}\n`);
    return EXIT_USAGE;
  }
  for (const register of COMMANDS) register(program, { setExitCode: (code) => (exitCode = code), config });
  // Every command takes --debug: an error then shows its stack and causes.
  for (const command of program.commands)
    if (!command.options.some((option) => option.long === '--debug'))
      command.option('--debug', 'show stack traces of errors');
  const debug = argv.includes('--debug');

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)
        ? EXIT_OK
        : EXIT_USAGE;
    }
    // A file-system error of a command (an output path that is a file, a full disk) is a clear line, not a stack.
    const failure =
      error instanceof BriefingError
        ? error
        : isFileSystemError(error)
          ? toBriefingError(error, { code: 'OUTPUT_UNWRITABLE', file: (error as NodeJS.ErrnoException).path })
          : undefined;
    if (!failure) throw error;
    say(`briefing: ${failure.toLine()}\n`);
    if (debug) say(`${stackOf(failure)}\n`);
    // --json promises one document on stdout, also when the command could not run.
    if (argv.includes('--json')) printJson({ results: [], error: failure.toJSON() });
    return EXIT_USAGE;
  }
  return exitCode;
}

function isFileSystemError(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && typeof syscall === 'string';
}

/** What every command of the CLI shares: exit codes, the context a command reports through, error printing. */
import type { Command } from 'commander';
import type { ProjectConfig } from '../config/projectConfig.js';

export const EXIT_OK = 0;
/** Some inputs failed; the others were written, whole. */
export const EXIT_SOME_FAILED = 1;
/** Usage or configuration error: nothing was done. */
export const EXIT_USAGE = 2;

export interface CommandContext {
  /** A command's action sets the process exit code through this. */
  setExitCode(code: number): void;
  /** Defaults from the project file (briefing.config.json/.yaml); flags override them. */
  config: ProjectConfig;
}

/** Each file in commands/ exports one of these. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;

/** --region and --scope, which every command that reads reports takes, with the same words in its --help. */
export function withRegionOptions(command: Command, config: ProjectConfig): Command {
  return command
    .option(
      '--region <name|code>',
      'the region of the one report given, when its text does not settle it (沁源县, 沁源 or 140431)',
    )
    .option(
      '--scope <division>',
      'the division the session is about (e.g. 长治市): reports are read as it or a division inside it',
      config.scope,
    );
}

/** The stack of an error and of the errors that caused it (for --debug). */
export function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? `${error.stack}\nCaused by: ${stackOf(error.cause)}` : (error.stack ?? error.message);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

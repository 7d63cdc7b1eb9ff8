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

/** The stack of an error and of the errors that caused it (for --debug). */
export function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? `${error.stack}\nCaused by: ${stackOf(error.cause)}` : (error.stack ?? error.message);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

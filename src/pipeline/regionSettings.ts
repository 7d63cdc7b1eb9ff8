/**
 * What a person has said about the inputs' regions, turned into each report's extraction options: `--region` for the
 * one report of a command, `regions:` of the project file (file name or glob → region), and the session `scope:`.
 * Everything is checked against the gazetteer before any work, so a typo stops the run (exit 2) naming the flag or key.
 */
import { basename, dirname, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ProjectConfig } from '../config/projectConfig.js';
import { BriefingError } from '../errors.js';
import type { ExtractOptions } from '../extract/extractSummary.js';
import { resolveDivision } from '../extract/findRegion.js';

export interface RegionSettings {
  /** --region: the region of the command's one report. */
  region?: string;
  /** regions: of the project file: a file name, path or glob (relative to the project file's folder) → region. */
  regions?: Record<string, string>;
  /** --scope / scope: — the division the session is about; candidates are it and the divisions inside it. */
  scope?: string;
  /** The folder `regions:` paths are relative to (the project file's). */
  base?: string;
  /** The project file, named in errors about its keys. */
  configFile?: string;
  /** The scope is the project file's, not a flag's. */
  scopeFromConfig?: boolean;
}

export type ExtractOptionsFor = (input: string) => ExtractOptions;

/** Validates the settings for these report files and returns each file's extraction options. */
export function extractOptionsFor(settings: RegionSettings, reports: string[]): ExtractOptionsFor {
  if (settings.region !== undefined && reports.length !== 1) {
    throw new BriefingError('USAGE', `--region names the region of one report; ${reports.length} were given`, {
      field: '--region',
      hint: 'give one report with --region, or map file names to regions under regions: in briefing.config.yaml',
    });
  }
  const check = (query: string, field: string, file?: string): void => {
    try {
      resolveDivision(query, file ?? field, field === '--scope' || field === 'scope' ? 'scope' : 'region');
    } catch (error) {
      const failure = error as BriefingError;
      throw new BriefingError('USAGE', failure.message, { file, field, hint: failure.hint });
    }
  };
  if (settings.region !== undefined) check(settings.region, '--region');
  if (settings.scope !== undefined)
    check(
      settings.scope,
      settings.scopeFromConfig ? 'scope' : '--scope',
      settings.scopeFromConfig ? settings.configFile : undefined,
    );
  const patterns = Object.entries(settings.regions ?? {}).map(([pattern, region]) => {
    check(region, `regions.${pattern}`, settings.configFile);
    return {
      matches: picomatch(pattern.split(sep).join('/'), { basename: !pattern.includes('/'), dot: true }),
      region,
    };
  });
  const base = settings.base ?? process.cwd();
  return (input) => {
    const path = relative(base, input).split(sep).join('/');
    const mapped = patterns.find((pattern) => pattern.matches(path) || pattern.matches(basename(input)))?.region;
    const region = settings.region ?? mapped;
    return {
      ...(region !== undefined ? { region } : {}),
      ...(settings.scope !== undefined ? { scope: settings.scope } : {}),
    };
  };
}

/** The settings of a command: its flags, then the project file (a flag's scope overrides the file's). */
export function regionSettings(flags: { region?: string; scope?: string }, config: ProjectConfig): RegionSettings {
  // commander gives a flag's default from the project file: the same value is the file's.
  const scope = flags.scope ?? config.scope;
  return {
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...(config.regions ? { regions: config.regions } : {}),
    ...(scope !== undefined ? { scope, scopeFromConfig: scope === config.scope } : {}),
    ...(config.file ? { base: dirname(config.file), configFile: config.file } : {}),
  };
}

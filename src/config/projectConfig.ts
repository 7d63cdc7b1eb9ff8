/**
 * The project file: `briefing.config.json` or `briefing.config.yaml`, found in the working folder or the nearest
 * folder above it (as other tools find theirs, via lilconfig). It sets the defaults a session otherwise repeats on
 * every command; flags override it. It never holds a password: SMTP's comes from BRIEFING_SMTP_PASSWORD.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lilconfigSync } from 'lilconfig';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BriefingError } from '../errors.js';
import { writeFileAtomic } from '../util/atomicWrite.js';

export const SMTP_PASSWORD_VARIABLE = 'BRIEFING_SMTP_PASSWORD';
export const CONFIG_FILES = ['briefing.config.json', 'briefing.config.yaml', 'briefing.config.yml'];

const configSchema = z
  .object({
    session: z.string().min(1).describe('session name, e.g. 长治两会 (archive --session, the book cover)'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
      .describe('session date (archive --date)'),
    issuer: z.string().min(1).describe('who issues the briefings (--issuer), e.g. 长治市人大常委会办公室'),
    template: z.string().min(1).describe('layout template name or folder (--template)'),
    out: z.string().min(1).describe('output folder of build, extract and render (-o)'),
    archive: z.string().min(1).describe('folder that holds the session folders (archive -o)'),
    delegates: z.string().min(1).describe('delegates file (mail --delegates)'),
    smtp: z
      .string()
      .regex(/^smtps?:\/\//, 'expected smtp://… or smtps://…')
      .refine(
        (url) => !/^smtps?:\/\/[^/@]*:[^/@]*@/.test(url),
        `no password here: set ${SMTP_PASSWORD_VARIABLE} instead`,
      )
      .describe('SMTP server, with the user but never the password (mail --smtp)'),
    from: z.string().min(1).describe('sender address (mail --from)'),
    scope: z
      .string()
      .min(1)
      .describe(
        'the division the session is about (--scope), e.g. 长治市: reports are read as it or a division inside it',
      ),
    previous: z
      .string()
      .min(1)
      .describe(
        "last year's reports, summaries or session folder (build --previous): its targets against this year's results",
      ),
    regions: z
      .record(z.string().min(1), z.string().min(1))
      .describe(
        'the region of reports whose text does not settle it: file name, path or glob → name or code, e.g. 沁源.docx: 沁源县',
      ),
  })
  .partial()
  .strict();

export type ProjectConfig = z.infer<typeof configSchema> & {
  /** The file the settings came from; paths in it are relative to its folder. */
  file?: string;
};

/** The project file of `folder` or the nearest folder above it, validated; {} when there is none. */
export function loadProjectConfig(folder: string = process.cwd()): ProjectConfig {
  let found: { config: unknown; filepath: string } | null;
  try {
    found = lilconfigSync('briefing', {
      searchPlaces: CONFIG_FILES,
      loaders: { '.yaml': (_path, content) => parseYaml(content), '.yml': (_path, content) => parseYaml(content) },
    }).search(folder);
  } catch (error) {
    const file = (error as { filepath?: string }).filepath;
    throw new BriefingError('CONFIG_INVALID', `the project file cannot be read: ${(error as Error).message}`, {
      file,
      hint: 'fix its syntax, or run briefing init for a fresh one',
    });
  }
  if (!found) return {};
  const parsed = configSchema.safeParse(found.config ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
    throw new BriefingError('CONFIG_INVALID', `${field ? `${field}: ` : ''}${issue.message}`, {
      file: found.filepath,
      field: field || undefined,
      hint: `the project file may set ${Object.keys(configSchema.shape).join(', ')}`,
    });
  }
  // Paths are relative to the project file's folder, so every command finds the same files from any subfolder.
  const base = dirname(found.filepath);
  const relativeTo = (path: string | undefined): string | undefined =>
    path === undefined ? undefined : resolve(base, path);
  const config = parsed.data;
  return {
    ...config,
    ...(config.out ? { out: relativeTo(config.out) } : {}),
    ...(config.archive ? { archive: relativeTo(config.archive) } : {}),
    ...(config.delegates ? { delegates: relativeTo(config.delegates) } : {}),
    ...(config.previous ? { previous: relativeTo(config.previous) } : {}),
    ...(config.template && /[/\\]/.test(config.template) ? { template: relativeTo(config.template) } : {}),
    file: found.filepath,
  };
}

/** The SMTP URL with the password from the environment, when the URL names a user but no password. */
export function withPassword(url: string, password: string | undefined = process.env[SMTP_PASSWORD_VARIABLE]): string {
  if (!password) return url;
  const parsed = new URL(url);
  if (!parsed.username || parsed.password) return url;
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

const TEMPLATE = `# briefing project file: defaults for every command run in this folder or below it.
# Flags override it. Paths are relative to this file's folder. Remove the # to use a line.

# session: 长治两会                  # archive --session, and the cover of build --book
# date: 2026-01-17                  # archive --date (YYYY-MM-DD)
# issuer: 长治市人大常委会办公室       # shown by the official template's masthead (--issuer)
# template: official                # handout, official, compact, or a template folder (--template)
# out: out                          # where build, extract and render write (-o)
# archive: archive                  # where archive writes its session folders (archive -o)
# delegates: 代表名单.xlsx            # mail --delegates (CSV in UTF-8 or GBK, or .xlsx)
# smtp: smtp://renda%40example.org@mail.example.org:587   # mail --smtp; never the password:
#                                   # set ${SMTP_PASSWORD_VARIABLE} in the environment instead
# from: 长治市人大 <renda@example.org>  # mail --from
# previous: ../2025/archive/2025-01-16-长治两会   # last year's reports, summaries or session folder (build --previous)
# scope: 长治市                      # reports are read as this division or one inside it (--scope)
# regions:                          # the region of a report whose text does not settle it (--region for one)
#   沁源2026.docx: 沁源县             #   file name, path or glob (relative to this file) → name or six-digit code
#   屯留/*.txt: 140405
`;

/** Writes a commented project file into `folder`; refuses to replace one that is there. */
export async function writeProjectConfigTemplate(folder: string, force = false): Promise<string> {
  const existing = CONFIG_FILES.map((name) => join(folder, name)).find((path) => existsSync(path));
  if (existing && !force) {
    throw new BriefingError('USAGE', 'a project file is already here', {
      file: existing,
      hint: 'edit it, or run briefing init --force to replace it',
    });
  }
  const file = join(folder, 'briefing.config.yaml');
  await writeFileAtomic(file, TEMPLATE);
  return file;
}

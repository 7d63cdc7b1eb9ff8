/**
 * Loads layout templates (a folder with template.json, document.hbs and partials/*.hbs), checks them and
 * compiles them once per process. Built-in templates live in templates/ at the project root; shared partials
 * in templates/partials/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { BriefingError } from '../errors.js';
import { createRequire } from 'node:module';
import { FONT_FAMILIES, SANS } from '../pdf/fonts.js';
import { VALUE_HELPERS, valueHelpers } from './helpers.js';

const STANDARD_PAGE_SIZES = (
  createRequire(import.meta.url)('pdfmake/js/standardPageSizes.js') as { default: Record<string, [number, number]> }
).default;

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
const SHARED_PARTIALS_DIR = join(TEMPLATES_DIR, 'partials');

const margins = z.tuple([z.number().min(0), z.number().min(0), z.number().min(0), z.number().min(0)]);
/** A pdfmake style; its fontSize is scaled by the fitter. */
const styleSchema = z
  .record(z.string(), z.unknown())
  .refine((style) => style.fontSize === undefined || typeof style.fontSize === 'number', {
    message: 'fontSize must be a number',
  });

const manifestSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  /** A standard page size (A4, A5 …). */
  pageSize: z.string().refine((size) => size.toUpperCase() in STANDARD_PAGE_SIZES, {
    message: 'unknown page size (use A4, A5, B5, LETTER …)',
  }),
  pageOrientation: z.enum(['portrait', 'landscape']).default('portrait'),
  /** [left, top, right, bottom] in points. */
  pageMargins: margins.default([40, 40, 40, 40]),
  /** Font families the document uses (see fonts/); the first is the default and also draws the chart labels. */
  fonts: z
    .array(z.enum(FONT_FAMILIES.map((family) => family.name) as [string, ...string[]]))
    .min(1)
    .default([SANS.name]),
  /** Base text style (the font defaults to the first of `fonts`). */
  defaultStyle: styleSchema.default({}),
  /** Named styles the template's content refers to ("style": "section"). */
  styles: z.record(z.string(), styleSchema).default({}),
  /** How many items of each list are offered to the layout before fitting trims (figures beyond are not shown). */
  limits: z.object({
    figures: z.number().int().min(0),
    highlights: z.number().int().min(0),
    targets: z.number().int().min(0),
    /** Rows of 去年目标完成情况; a template that does not print the block leaves it 0, so none counts as shown. */
    attainment: z.number().int().min(0).default(0),
  }),
  /** Height of the chart in points at full scale; no chart when absent. */
  chart: z.object({ height: z.number().positive() }).optional(),
  /** Smallest type scale the fitter may use before it trims items. */
  minScale: z.number().min(0.5).max(1).default(0.8),
});

export type TemplateManifest = z.infer<typeof manifestSchema>;

export interface LayoutTemplate {
  name: string;
  folder: string;
  manifest: TemplateManifest;
  /** Width and height of the page's text area in points. */
  contentBox: { width: number; height: number };
  /** Template context → pdfmake document definition. */
  render(context: object): Record<string, unknown>;
}

const compiled = new Map<string, LayoutTemplate>();

/** A built-in template by name, or a user's template folder by path. */
export function loadTemplate(nameOrPath: string): LayoutTemplate {
  const folder = isBuiltInName(nameOrPath) ? join(TEMPLATES_DIR, nameOrPath) : resolve(nameOrPath);
  const cached = compiled.get(folder);
  if (cached) return cached;
  if (!existsSync(join(folder, 'template.json'))) {
    const names = listTemplates().map((template) => template.name);
    const near = names.find((name) => editDistance(name, nameOrPath.toLowerCase()) <= 2);
    throw new BriefingError(
      'TEMPLATE_NOT_FOUND',
      `template not found: ${nameOrPath}${near ? ` (did you mean ${near}?)` : ''}`,
      {
        file: folder,
        hint: `use one of: ${names.join(', ')}, or a folder with template.json and document.hbs`,
      },
    );
  }
  const template = compileTemplate(folder);
  compiled.set(folder, template);
  return template;
}

/** Levenshtein distance, for "did you mean" on a misspelled template name. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

export function listTemplates(): TemplateManifest[] {
  return readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(TEMPLATES_DIR, entry.name, 'template.json')))
    .map((entry) => readManifest(join(TEMPLATES_DIR, entry.name)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function isBuiltInName(name: string): boolean {
  return /^[a-z0-9-]+$/.test(name) && existsSync(join(TEMPLATES_DIR, name, 'template.json'));
}

function readManifest(folder: string): TemplateManifest {
  const file = join(folder, 'template.json');
  let data: unknown;
  const source = readFileSync(file, 'utf8');
  try {
    data = JSON.parse(source);
  } catch (error) {
    const position = Number(/position (\d+)/.exec((error as Error).message)?.[1]);
    const line = Number.isFinite(position) ? source.slice(0, position).split('\n').length : undefined;
    throw new BriefingError('TEMPLATE_INVALID', `template.json is not valid JSON: ${(error as Error).message}`, {
      file: line ? `${file}:${line}` : file,
    });
  }
  const result = manifestSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new BriefingError(
      'TEMPLATE_INVALID',
      `template.json: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      { file, field: issue.path.join('.') },
    );
  }
  return result.data;
}

function compileTemplate(folder: string): LayoutTemplate {
  const manifest = readManifest(folder);
  const handlebars = Handlebars.create();
  handlebars.registerHelper(valueHelpers(handlebars.SafeString));
  for (const partialsDir of [SHARED_PARTIALS_DIR, join(folder, 'partials')]) {
    if (!existsSync(partialsDir)) continue;
    for (const entry of readdirSync(partialsDir)
      .filter((name) => name.endsWith('.hbs'))
      .sort()) {
      const file = join(partialsDir, entry);
      handlebars.registerPartial(basename(entry, '.hbs'), checkedSource(handlebars, file));
    }
  }
  const documentFile = join(folder, 'document.hbs');
  const render = handlebars.compile(checkedSource(handlebars, documentFile), { strict: false, noEscape: false });
  const [pageWidth, pageHeight] = STANDARD_PAGE_SIZES[manifest.pageSize.toUpperCase()]!;
  const [width, height] = manifest.pageOrientation === 'landscape' ? [pageHeight, pageWidth] : [pageWidth, pageHeight];
  const [left, top, right, bottom] = manifest.pageMargins;
  return {
    name: manifest.name,
    folder,
    manifest,
    contentBox: { width: width - left - right, height: height - top - bottom },
    render(context) {
      const text = render(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        throw new BriefingError('TEMPLATE_INVALID', `template output is not valid JSON: ${(error as Error).message}`, {
          file: documentFile,
          hint: 'check commas between items, especially around {{#if}} and {{#each}} blocks',
        });
      }
    },
  };
}

/**
 * Reads and parses a template file, refusing any mustache that prints a value without an escaping helper:
 * {{title}} would HTML-escape and {{{title}}} would inject raw text into the JSON.
 */
function checkedSource(handlebars: typeof Handlebars, file: string): string {
  const source = readFileSync(file, 'utf8');
  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(source);
  } catch (error) {
    const line = /line (\d+)/.exec((error as Error).message)?.[1];
    throw new BriefingError('TEMPLATE_INVALID', `template syntax error: ${(error as Error).message.split('\n')[0]}`, {
      file: line ? `${file}:${line}` : file,
    });
  }
  visit(ast, (node) => {
    if (node.type !== 'MustacheStatement') return;
    const mustache = node as hbs.AST.MustacheStatement;
    const helper = mustache.path.type === 'PathExpression' ? (mustache.path as hbs.AST.PathExpression).original : '';
    if (!(VALUE_HELPERS as readonly string[]).includes(helper) || mustache.params.length === 0) {
      throw new BriefingError(
        'TEMPLATE_INVALID',
        `value printed without an escaping helper: use {{json …}} (or ${VALUE_HELPERS.join(', ')})`,
        {
          file: `${file}:${mustache.loc.start.line}`,
        },
      );
    }
  });
  return source;
}

function visit(node: hbs.AST.Node, callback: (node: hbs.AST.Node) => void): void {
  callback(node);
  const record = node as unknown as Record<string, unknown>;
  for (const key of ['body', 'program', 'inverse']) {
    const child = record[key];
    if (Array.isArray(child)) for (const item of child) visit(item as hbs.AST.Node, callback);
    else if (child && typeof child === 'object') visit(child as hbs.AST.Node, callback);
  }
}

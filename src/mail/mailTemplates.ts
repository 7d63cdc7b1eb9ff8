/**
 * The Handlebars templates of a delegate's mail: the HTML and plain-text bodies (templates/mail/) and the subject
 * line (--subject). Each set is compiled in its own Handlebars instance, so nothing registered elsewhere in the
 * process leaks in, and in strict mode, so a misspelt variable fails loudly instead of printing nothing.
 * The HTML body uses Handlebars' normal HTML escaping, which is the right escaping for HTML mail; the text body
 * and the subject are not HTML and are rendered unescaped. Prototype access stays disabled (the default).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { BriefingError } from '../errors.js';

export const MAIL_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/mail/', import.meta.url));

export const DEFAULT_SUBJECT = '{{session}} 简报（{{date}}）';

export interface MailFigure {
  label: string;
  /** Value and unit as written: "489.31亿元". */
  value: string;
  /** "▲3.2%", "▼1.5%", "持平" or "". */
  growth: string;
  /** "2026年目标", "2025年" or "". */
  note: string;
}

export interface MailItem {
  title: string;
  text: string;
}

/** A row of 去年目标完成情况: the indicator, last year's target as written, this year's result, the verdict. */
export interface MailAttainment {
  label: string;
  target: string;
  result: string;
  verdict: string;
}

export interface MailRegion {
  name: string;
  parent: string;
  title: string;
  subtitle: string;
  figures: MailFigure[];
  /** Some figure has a growth rate (else the HTML table has no growth column). */
  hasGrowth: boolean;
  /** Figures of the summary not listed in the mail (they are in the PDF). */
  moreFigures: number;
  highlights: MailItem[];
  targets: MailItem[];
  /** Last year's targets against this year's results (build/archive --previous); empty when there are none. */
  attainment: MailAttainment[];
  /** What the report says itself about last year's targets (报告自述：“…”), shown with the pairs; '' when nothing. */
  attainmentSaid: string;
  /** File name of the region's PDF attachment. */
  attachment: string;
}

/** Everything the body templates may print; every field is always present (strict mode). */
export interface MailBodyContext {
  subject: string;
  /** The delegate's name, for the greeting. */
  name: string;
  session: string;
  /** The session date as Chinese text: 2026年1月17日. */
  date: string;
  regionCount: number;
  /** Region names joined with 、. */
  regionNames: string;
  regions: MailRegion[];
  attachmentNames: string;
}

/** What a --subject template may use. */
export interface SubjectContext {
  session: string;
  date: string;
  name: string;
  regions: string;
}

export interface MailTemplates {
  html(context: MailBodyContext): string;
  text(context: MailBodyContext): string;
}

export function loadMailTemplates(folder: string = MAIL_TEMPLATES_DIR): MailTemplates {
  const handlebars = Handlebars.create();
  const compile = (file: string, noEscape: boolean) => {
    const path = join(folder, file);
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch (error) {
      throw new BriefingError('TEMPLATE_NOT_FOUND', `mail template not found: ${file}`, { file: path, cause: error });
    }
    const render = handlebars.compile<MailBodyContext>(source, { strict: true, noEscape });
    return (context: MailBodyContext) => {
      try {
        return render(context);
      } catch (error) {
        throw new BriefingError('TEMPLATE_INVALID', `mail template failed: ${(error as Error).message}`, {
          file: path,
          cause: error,
        });
      }
    };
  };
  return { html: compile('message.html.hbs', false), text: compile('message.txt.hbs', true) };
}

/**
 * A --subject template as a function. It is tried once here with sample values, so a syntax error or an unknown
 * variable is a usage error before any mail is made, not a failure halfway through a run.
 */
export function compileSubject(template: string): (context: SubjectContext) => string {
  const render = Handlebars.create().compile<SubjectContext>(template, { strict: true, noEscape: true });
  const subjectOf = (context: SubjectContext) => render(context).replace(/\s+/g, ' ').trim();
  try {
    subjectOf({ session: '会议', date: '2026年1月1日', name: '代表', regions: '某县' });
  } catch (error) {
    throw new BriefingError('USAGE', `--subject is not a usable template: ${(error as Error).message.split('\n')[0]}`, {
      field: '--subject',
      hint: 'use {{session}}, {{date}}, {{name}} and {{regions}}, e.g. "{{session}} 简报（{{date}}）"',
    });
  }
  return subjectOf;
}

/**
 * One delegate's message: subject, plain-text and HTML bodies rendered from the region summaries, and the PDFs of
 * the delegate's regions. Its content hash covers what the delegate reads (subject, recipient, both bodies, the
 * attachments' names and sha256) and nothing volatile (Date, Message-ID), so a later run can tell "the same mail"
 * from "a changed mail". The Message-ID and MIME boundaries derive from that hash: the same content always gives
 * the same message, and a mail system that sees the same Message-ID twice can drop the second.
 */
import type { SendMailOptions } from 'nodemailer';
import { sha256 } from '../archive/manifest.js';
import { formatChineseDate } from '../layout/helpers.js';
import type { Figure, Highlight } from '../summary/schema.js';
import { canonicalJson } from '../summary/fingerprint.js';
import type { SessionRegion, MailSession } from './loadSession.js';
import type {
  MailBodyContext,
  MailFigure,
  MailItem,
  MailRegion,
  MailTemplates,
  SubjectContext,
} from './mailTemplates.js';
import type { Delegate } from './readDelegates.js';
import type { Sender } from './resolveSender.js';
import { displayNumber, displayUnit, displayGrowth, printedFigures } from '../summary/figureText.js';
import { attainmentSaidOf, toAttainmentRow } from '../layout/buildDocDefinition.js';

/** How much of each summary the mail shows; the attached PDF has the rest. Summaries list items in rank order. */
export const MAIL_LIMITS = { figures: 8, highlights: 5, targets: 3 } as const;

export interface MailAttachment {
  filename: string;
  content: Buffer;
  sha256: string;
}

export interface ComposedMessage {
  delegate: Delegate;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  contentHash: string;
}

export interface ComposeOptions {
  templates: MailTemplates;
  subject: (context: SubjectContext) => string;
}

export function composeMessage(session: MailSession, delegate: Delegate, options: ComposeOptions): ComposedMessage {
  const regions = session.regions.filter((region) => delegate.regions.includes(region.name));
  const date = formatChineseDate(session.date);
  const regionNames = regions.map((region) => region.name).join('、');
  const subject = options.subject({ session: session.name, date, name: delegate.name, regions: regionNames });
  const context: MailBodyContext = {
    subject,
    name: delegate.name,
    session: session.name,
    date,
    regionCount: regions.length,
    regionNames,
    regions: regions.map(mailRegionOf),
    attachmentNames: regions.map((region) => region.pdf.filename).join('、'),
  };
  const text = options.templates.text(context);
  const html = options.templates.html(context);
  const attachments = regions.map((region) => ({
    filename: region.pdf.filename,
    content: region.pdf.bytes,
    sha256: region.pdf.sha256,
  }));
  const contentHash = sha256(
    canonicalJson({
      subject,
      to: delegate.email.toLowerCase(),
      text,
      html,
      attachments: attachments.map((attachment) => ({ filename: attachment.filename, sha256: attachment.sha256 })),
    }),
  );
  return { delegate, subject, text, html, attachments, contentHash };
}

/** The nodemailer message: the composed content plus sender and date, which are not part of the content. */
export function mailOptionsOf(message: ComposedMessage, envelope: { from: Sender; date: Date }): SendMailOptions {
  const fromDomain = envelope.from.address.slice(envelope.from.address.lastIndexOf('@') + 1);
  return {
    from: envelope.from.header,
    to: { name: message.delegate.name, address: message.delegate.email },
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      contentType: 'application/pdf',
    })),
    date: envelope.date,
    messageId: `<${message.contentHash.slice(0, 32)}.briefing@${fromDomain}>`,
    baseBoundary: message.contentHash.slice(32, 48),
  };
}

function mailRegionOf(region: SessionRegion): MailRegion {
  const { summary } = region;
  const printed = printedFigures(summary);
  const figures = printed.slice(0, MAIL_LIMITS.figures).map(mailFigureOf);
  return {
    name: region.name,
    parent: region.parent,
    title: summary.title,
    subtitle: summary.subtitle ?? '',
    figures,
    hasGrowth: figures.some((figure) => figure.growth !== ''),
    moreFigures: Math.max(0, printed.length - MAIL_LIMITS.figures),
    highlights: summary.highlights.slice(0, MAIL_LIMITS.highlights).map(mailItemOf),
    targets: summary.targets.slice(0, MAIL_LIMITS.targets).map(mailItemOf),
    // All of them: a message has no page to fit, and the delegate asks this first.
    attainment: (summary.lastYearTargets?.pairs ?? []).map((pair) => {
      const { label, target, result, verdict } = toAttainmentRow(pair);
      return { label, target, result, verdict };
    }),
    attainmentSaid: summary.lastYearTargets?.pairs.length ? (attainmentSaidOf(summary) ?? '') : '',
    attachment: region.pdf.filename,
  };
}

function mailFigureOf(figure: Figure): MailFigure {
  const year = figure.year === undefined ? '' : `${figure.year}年`;
  return {
    label: figure.label,
    value: `${displayNumber(figure)}${displayUnit(figure)}`,
    growth: displayGrowth(figure),
    note: figure.kind === 'target' ? `${year}目标` : year,
  };
}

function mailItemOf(item: Highlight): MailItem {
  return { title: item.title, text: item.text };
}

/**
 * `briefing mail`: one message per delegate with the briefings of the regions they follow, sent over SMTP exactly
 * once (see deliverOverSmtp) or written to an outbox folder as .eml files. In the order it runs: settings are
 * checked (subject template, sender, SMTP URL, outbox place), the session folder is verified and read, the
 * delegates file is read (bad rows are set aside with their line numbers), every message is composed, then
 * delivered or written. The result has one outcome per row of the delegates file, in file order.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { BriefingError } from '../errors.js';
import { composeMessage } from './composeMessage.js';
import { deliverOverSmtp } from './deliverOverSmtp.js';
import { loadSession } from './loadSession.js';
import { compileSubject, DEFAULT_SUBJECT, loadMailTemplates } from './mailTemplates.js';
import { invalidOutcomeOf, type DelegateOutcome, type MailStatus } from './outcome.js';
import { readDelegates } from './readDelegates.js';
import { resolveSender } from './resolveSender.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { parseSmtpUrl, type SmtpSettings } from './smtp.js';
import { writeOutbox } from './writeOutbox.js';

export type MailDelivery = ({ kind: 'smtp' } & SmtpSettings) | { kind: 'outbox'; dir: string };

export interface MailOptions {
  /** A session folder made by briefing archive. */
  folder: string;
  /** CSV name,email,regions. */
  delegatesFile: string;
  delivery: MailDelivery;
  /** The From header; by default the SMTP login when it is an address, else briefing@localhost. */
  from?: string;
  /** Handlebars template with session, date, name, regions; default `{{session}} 简报（{{date}}）`. */
  subject?: string;
  /** Send again to delegates who were mailed a different version of their message before. */
  resendChanged?: boolean;
  /** Send again to delegates whose message an earlier run may or may not have handed over (ledger says sending). */
  resendUncertain?: boolean;
  retry?: RetryPolicy;
  /** The clock (Date header of sent mail, ledger times). */
  now?: () => Date;
  onProgress?: (message: string) => void;
}

export interface MailResult {
  folder: string;
  /** smtp://host:port (never with credentials) or the outbox folder. */
  destination: string;
  outcomes: DelegateOutcome[];
  counts: Record<MailStatus, number>;
  warnings: string[];
}

export async function mailSession(options: MailOptions): Promise<MailResult> {
  const { delivery } = options;
  const subject = compileSubject(options.subject ?? DEFAULT_SUBJECT);
  const server = delivery.kind === 'smtp' ? parseSmtpUrl(delivery) : undefined;
  const from = resolveSender(options.from, server?.user);
  if (delivery.kind === 'outbox') refuseOutboxInside(options.folder, delivery.dir);
  const templates = loadMailTemplates();

  const session = await loadSession(options.folder);
  const { delegates, problems } = await readDelegates(
    options.delegatesFile,
    session.regions.map((region) => region.name),
  );
  const messages = delegates.map((delegate) => composeMessage(session, delegate, { templates, subject }));

  const warnings = [...session.warnings];
  let outcomes: DelegateOutcome[];
  if (delivery.kind === 'outbox') {
    const date = new Date(`${session.date}T00:00:00Z`);
    outcomes = await writeOutbox(messages, { dir: delivery.dir, from, date, onProgress: options.onProgress });
  } else {
    const run = await deliverOverSmtp(messages, {
      folder: options.folder,
      smtp: delivery,
      from,
      retry: options.retry ?? DEFAULT_RETRY,
      resendChanged: options.resendChanged ?? false,
      resendUncertain: options.resendUncertain ?? false,
      now: options.now ?? (() => new Date()),
      onProgress: options.onProgress,
    });
    outcomes = run.outcomes;
    warnings.push(...run.warnings);
  }
  const all = [...outcomes, ...problems.map(invalidOutcomeOf)].sort((a, b) => a.line - b.line);
  return {
    folder: options.folder,
    destination: server?.display ?? (delivery.kind === 'outbox' ? delivery.dir : ''),
    outcomes: all,
    counts: countsOf(all),
    warnings,
  };
}

/** True when some delegate was not mailed: a bad row or a failed delivery (the CLI exits 1). */
export function hasFailures(result: MailResult): boolean {
  return result.counts.failed + result.counts.invalid + result.counts.uncertain > 0;
}

function countsOf(outcomes: DelegateOutcome[]): Record<MailStatus, number> {
  const counts: Record<MailStatus, number> = { sent: 0, written: 0, skipped: 0, uncertain: 0, failed: 0, invalid: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return counts;
}

/** .eml files inside the session folder would make it fail `briefing verify` (and the next mail run). */
function refuseOutboxInside(folder: string, dir: string): void {
  const path = relative(resolve(folder), resolve(dir));
  if (path === '' || (!path.startsWith('..') && !isAbsolute(path))) {
    throw new BriefingError('USAGE', '--outbox must not be inside the session folder', {
      field: '--outbox',
      hint: 'choose a folder outside it, e.g. outbox/',
    });
  }
}

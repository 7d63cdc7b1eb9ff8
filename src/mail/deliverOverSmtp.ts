/**
 * Sends the messages over SMTP, exactly once per delegate and content: what the ledger shows as delivered is
 * skipped, each outcome is appended to the ledger (and on disk) before the next message goes out, temporary
 * failures are retried with backoff, permanent ones are reported for that delegate while the others go on, and
 * when the connection itself cannot be restored the rest are reported as not attempted, for a later run.
 *
 * The one case no client can rule out: the server takes a message and the connection drops before its "250"
 * arrives. The ledger then has no "sent" line and a re-run sends it again, with the same Message-ID.
 */
import { BriefingError } from '../errors.js';
import { type ComposedMessage, mailOptionsOf } from './composeMessage.js';
import { openLedger, readLedger, type LedgerEntry, type LedgerWriter } from './ledger.js';
import { outcomeOf, type DelegateOutcome } from './outcome.js';
import { type DeliveryPlan, planDelivery } from './planDelivery.js';
import type { Sender } from './resolveSender.js';
import { type Attempted, type FailureKind, isCertificateError, type RetryPolicy, withRetry } from './retry.js';
import { createSmtpSender, redact, type SmtpDelivery, type SmtpSender, type SmtpSettings } from './smtp.js';
import { lockSession } from '../util/sessionLock.js';

export interface SmtpRunOptions {
  folder: string;
  smtp: SmtpSettings;
  from: Sender;
  retry: RetryPolicy;
  resendChanged: boolean;
  resendUncertain: boolean;
  now: () => Date;
  onProgress?: (message: string) => void;
}

export interface SmtpRunResult {
  outcomes: DelegateOutcome[];
  warnings: string[];
}

const FAILURE_HINTS: Record<FailureKind | 'not-attempted', string> = {
  permanent: 'the server refused this for good; correct the address in the delegates file, then run again',
  transient: 'a temporary refusal; run again later (delegates already mailed are skipped)',
  connection: 'the server could not be reached; run again later (delegates already mailed are skipped)',
  fatal: 'check the SMTP settings (login, TLS), then run again',
  'not-attempted': 'run again once the server is back (delegates already mailed are skipped)',
};

export async function deliverOverSmtp(messages: ComposedMessage[], options: SmtpRunOptions): Promise<SmtpRunResult> {
  const release = await lockSession(options.folder, 'this mail run');
  let connection: Connection | undefined;
  try {
    const ledger = await readLedger(options.folder);
    const outcomes: DelegateOutcome[] = [];
    let stopped: string | undefined;
    for (const [index, message] of messages.entries()) {
      const plan = planDelivery(message, ledger.entries, options.resendChanged, options.resendUncertain);
      const label = `[${index + 1}/${messages.length}] ${message.delegate.name} <${message.delegate.email}>`;
      if (plan.action === 'skip') {
        outcomes.push(skippedOutcome(message, plan));
        continue;
      }
      if (stopped !== undefined) {
        outcomes.push(failedOutcome(message, `not attempted: ${stopped}`, 'not-attempted', 0, null));
        continue;
      }
      // Connect only when there is something to send: a run where everyone was mailed needs no server.
      connection ??= await connect(options);
      options.onProgress?.(`${label}: sending${plan.resend ? ' the changed version' : ''}`);
      const { result, kind } = await deliverOne(message, connection, options);
      outcomes.push(result);
      options.onProgress?.(`${label}: ${result.status} (${result.detail})`);
      if (kind === 'connection' || kind === 'fatal') stopped = result.detail;
    }
    return { outcomes, warnings: ledger.warnings };
  } finally {
    await connection?.close();
    await release();
  }
}

interface Connection {
  sender: SmtpSender;
  ledger: LedgerWriter;
  close(): Promise<void>;
}

/**
 * Opens the ledger for appending, then connects and logs in, before the first message: an unwritable ledger, a
 * wrong server or a wrong password stop the run with nothing sent.
 */
async function connect(options: SmtpRunOptions): Promise<Connection> {
  const sender = createSmtpSender(options.smtp);
  const ledger = await openLedger(options.folder).catch((error: unknown) => {
    sender.close();
    throw error;
  });
  const close = async () => {
    sender.close();
    await ledger.close();
  };
  const attempt = await withRetry(
    () => sender.verify(),
    options.retry,
    (error, delayMs) =>
      options.onProgress?.(`${sender.server.display}: ${describeError(error, sender)}; retrying in ${delayMs} ms`),
  );
  if (!attempt.ok) {
    await close();
    throw new BriefingError(
      'USAGE',
      `cannot use the SMTP server ${sender.server.display}: ${describeError(attempt.error, sender)}; nothing was sent`,
      {
        field: '--smtp',
        hint: connectionHint(attempt.error, attempt.kind),
      },
    );
  }
  return { sender, ledger, close };
}

/** What to do about a server that cannot be used: TLS problems are named, not taken for an unreachable server. */
function connectionHint(error: unknown, kind: FailureKind): string {
  if (isCertificateError(error)) {
    return "the server's TLS certificate is not trusted (self-signed, expired, or for another name): fix it on the server, or give its CA in NODE_EXTRA_CA_CERTS";
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'EREQUIRETLS' || (typeof message === 'string' && /STARTTLS/i.test(message))) {
    return 'the server offers no STARTTLS, and a login must not travel in clear: use smtps://, or have STARTTLS enabled on the server (or, knowingly, --insecure-auth)';
  }
  return FAILURE_HINTS[kind === 'permanent' ? 'fatal' : kind];
}

async function deliverOne(
  message: ComposedMessage,
  connection: Connection,
  options: SmtpRunOptions,
): Promise<{ result: DelegateOutcome; kind: FailureKind | null }> {
  const { sender, ledger } = connection;
  // The Message-ID (one per content, see composeMessage) names the message in the "sending" line before the server sees it.
  const mail = mailOptionsOf(message, { from: options.from, date: options.now() });
  const messageId = typeof mail.messageId === 'string' ? mail.messageId : null;
  const record = (status: LedgerEntry['status'], response: string | null, attempts: number): Promise<void> =>
    ledger.append({
      delegate: message.delegate.email,
      name: message.delegate.name,
      contentHash: message.contentHash,
      status,
      response,
      messageId,
      at: options.now().toISOString(),
      attempts,
    });
  const attempt: Attempted<SmtpDelivery> = await withRetry(
    async () => {
      await record('sending', null, 0);
      return sender.send(mail);
    },
    options.retry,
    (error, delayMs, number) =>
      options.onProgress?.(
        `${message.delegate.email}: attempt ${number} failed (${describeError(error, sender)}); retrying in ${delayMs} ms`,
      ),
  );
  const response = attempt.ok ? attempt.value.response : describeError(attempt.error, sender);
  await record(attempt.ok ? 'sent' : 'failed', response, attempt.attempts);
  if (!attempt.ok)
    return { result: failedOutcome(message, response, attempt.kind, attempt.attempts, response), kind: attempt.kind };
  return {
    result: outcomeOf(message, { status: 'sent', detail: response, response, messageId, attempts: attempt.attempts }),
    kind: null,
  };
}

function skippedOutcome(message: ComposedMessage, plan: Extract<DeliveryPlan, { action: 'skip' }>): DelegateOutcome {
  if (plan.reason === 'uncertain') {
    const detail = `an earlier run stopped while handing this message to the server (${plan.entry.at}, ${plan.entry.messageId}); it may have gone out`;
    const error = new BriefingError('OUTPUT_UNWRITABLE', `uncertain: ${detail}`, {
      field: message.delegate.email,
      hint: 'ask the delegate or check the server log for the Message-ID; to send it (again), run with --resend-uncertain',
    });
    return outcomeOf(message, { status: 'uncertain', detail, messageId: plan.entry.messageId, error });
  }
  const detail =
    plan.reason === 'delivered'
      ? `already delivered ${plan.entry.at}`
      : `content changed since the mail delivered ${plan.entry.at}; not sent again (use --resend-changed to send the new version)`;
  return outcomeOf(message, {
    status: 'skipped',
    detail,
    messageId: plan.entry.messageId,
    response: plan.entry.response,
  });
}

function failedOutcome(
  message: ComposedMessage,
  detail: string,
  kind: FailureKind | 'not-attempted',
  attempts: number,
  response: string | null,
): DelegateOutcome {
  const error = new BriefingError('OUTPUT_UNWRITABLE', `not delivered: ${detail}`, {
    field: message.delegate.email,
    hint: FAILURE_HINTS[kind],
  });
  return outcomeOf(message, { status: 'failed', detail, attempts, response, error });
}

/** The server's reply when there is one, else the error message; never with the password in it. */
function describeError(error: unknown, sender: SmtpSender): string {
  const { response, message } = (error ?? {}) as { response?: unknown; message?: unknown };
  const text =
    typeof response === 'string' && response ? response : typeof message === 'string' ? message : String(error);
  return redact(text, sender.server.secrets);
}

/** `mail`: one message per delegate with the briefings of their regions, over SMTP (exactly once) or into an outbox. */
import { BriefingError } from '../../errors.js';
import { formatOutcomes } from '../../mail/formatOutcomes.js';
import type { MailDelivery, MailResult } from '../../mail/mailSession.js';
import { DEFAULT_SUBJECT } from '../../mail/mailTemplates.js';
import { DEFAULT_RETRY } from '../../mail/retry.js';
import { EXIT_OK, EXIT_SOME_FAILED, printJson, type RegisterCommand } from '../shared.js';
import { SMTP_PASSWORD_VARIABLE, withPassword } from '../../config/projectConfig.js';
import { say } from '../terminal.js';

interface MailFlags {
  insecureAuth?: boolean;
  resendUncertain?: boolean;
  delegates: string;
  smtp?: string;
  outbox?: string;
  from?: string;
  subject?: string;
  resendChanged?: boolean;
  rate?: string;
  retries: string;
  retryDelay: string;
  json?: boolean;
}

export const SMTP_URL_VARIABLE = 'BRIEFING_SMTP_URL';
const INSECURE_AUTH_WARNING =
  '--insecure-auth: where the server offers no STARTTLS, the login and password travel in clear';

export const registerMailCommands: RegisterCommand = (program, context) => {
  program
    .command('mail')
    .summary('mail each delegate the briefings of their regions (over SMTP, once; or as .eml files)')
    .description(
      [
        'Send one message per delegate: a summary of each of their regions in the',
        "message (HTML and plain text), with the regions' PDFs attached. The session",
        'folder is verified first; an altered one is refused (exit 2).',
        'Deliveries are recorded in <session-dir>/mail-ledger.jsonl: a re-run skips',
        'what was delivered and retries what failed; someone already mailed gets a',
        'changed message only with --resend-changed.',
        'Delegates file: CSV with the header name,email,regions; regions is a',
        ';-separated list of official region names of the session, or * for all.',
        'Bad rows are reported with their line number and skipped (exit 1).',
      ].join('\n'),
    )
    .argument('<session-dir>', 'a folder made by briefing archive')
    .requiredOption(
      '--delegates <file>',
      'CSV (UTF-8 or GBK) or .xlsx: name,email,regions or 姓名,邮箱,地区',
      context.config.delegates,
    )
    .option(
      '--smtp <url>',
      `smtp://user@host:port (STARTTLS when offered) or smtps://…, the password in $${SMTP_PASSWORD_VARIABLE}; default: $${SMTP_URL_VARIABLE}`,
      context.config.smtp,
    )
    .option('--insecure-auth', 'log in even where the server offers no STARTTLS (the password then travels in clear)')
    .option('--outbox <dir>', 'write one .eml file per delegate into DIR instead of sending')
    .option(
      '--from <address>',
      'sender, e.g. "长治市人大 <renda@example.org>" (default: the SMTP login if it is an address)',
      context.config.from,
    )
    .option('--subject <template>', 'subject template with {{session}} {{date}} {{name}} {{regions}}', DEFAULT_SUBJECT)
    .option('--resend-changed', 'send the new version to delegates who were mailed a different one before')
    .option(
      '--resend-uncertain',
      'send again to delegates whose message an earlier, interrupted run may have handed over',
    )
    .option('--rate <n>', 'send at most N messages per minute')
    .option('--retries <n>', 'further attempts after a temporary failure', String(DEFAULT_RETRY.retries))
    .option(
      '--retry-delay <ms>',
      'wait before the first retry, doubled for each further one',
      String(DEFAULT_RETRY.baseDelayMs),
    )
    .option('--json', 'print the result as one JSON document')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        `  ${SMTP_URL_VARIABLE}='smtp://renda%40example.org:secret@mail.example.org:587' \\\n` +
        '    briefing mail archive/2026-01-17-长治两会 --delegates delegates.csv --rate 30\n' +
        '  briefing mail archive/2026-01-17-长治两会 --delegates delegates.csv --outbox outbox/',
    )
    .action(async (folder: string, flags: MailFlags) => {
      context.setExitCode(await runMail(folder, flags));
    });
};

async function runMail(folder: string, flags: MailFlags): Promise<number> {
  // Loaded here, not with the CLI: the other commands start faster without nodemailer and the mail stage.
  const { hasFailures, mailSession } = await import('../../mail/mailSession.js');
  const progress = !flags.json && process.stderr.isTTY;
  const result = await mailSession({
    folder,
    delegatesFile: flags.delegates,
    delivery: deliveryOf(flags),
    from: flags.from,
    subject: flags.subject,
    resendChanged: flags.resendChanged,
    resendUncertain: flags.resendUncertain,
    retry: {
      ...DEFAULT_RETRY,
      retries: count(flags.retries, '--retries', 0),
      baseDelayMs: count(flags.retryDelay, '--retry-delay', 0),
    },
    onProgress: progress ? (message) => say(`mail: ${message}\n`) : undefined,
  });
  if (flags.insecureAuth && flags.outbox === undefined) result.warnings.unshift(INSECURE_AUTH_WARNING);
  if (flags.json) printJson(jsonOf(result, flags.delegates));
  else printReport(result);
  return hasFailures(result) ? EXIT_SOME_FAILED : EXIT_OK;
}

/** --smtp, else --outbox, else $BRIEFING_SMTP_URL: exactly one destination. */
function deliveryOf(flags: MailFlags): MailDelivery {
  if (flags.smtp !== undefined && flags.outbox !== undefined) {
    throw new BriefingError('USAGE', 'give either --smtp or --outbox, not both', { field: '--smtp' });
  }
  const rate = flags.rate === undefined ? undefined : count(flags.rate, '--rate', 1);
  if (flags.outbox !== undefined) return { kind: 'outbox', dir: flags.outbox };
  const url = flags.smtp ?? process.env[SMTP_URL_VARIABLE];
  if (!url) {
    throw new BriefingError(
      'USAGE',
      `nowhere to deliver: give --smtp URL (or set ${SMTP_URL_VARIABLE}) or --outbox DIR`,
      { field: '--smtp' },
    );
  }
  return { kind: 'smtp', url: withPassword(url), ratePerMinute: rate, insecureAuth: flags.insecureAuth };
}

function count(text: string, option: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new BriefingError('USAGE', `${option} must be a whole number of at least ${minimum}, got ${text}`, {
      field: option,
    });
  }
  return value;
}

function printReport(result: MailResult): void {
  for (const warning of result.warnings) say(`  ! ${warning}\n`);
  for (const outcome of result.outcomes) if (outcome.error) say(`✗ ${outcome.error.toLine()}\n`);
  say(`${result.folder} → ${result.destination}\n${formatOutcomes(result.outcomes, result.counts)}\n`);
}

function jsonOf(result: MailResult, delegatesFile: string): object {
  return {
    folder: result.folder,
    destination: result.destination,
    counts: result.counts,
    warnings: result.warnings,
    results: result.outcomes.map(({ line, email, error, ...outcome }) => ({
      input: `${delegatesFile}:${line}`,
      line,
      delegate: email,
      ...outcome,
      warnings: [],
      error: error?.toJSON() ?? null,
    })),
  };
}

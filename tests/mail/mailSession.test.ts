// Mailing a session over real SMTP (smtp-server on 127.0.0.1, messages read back with mailparser): one message per
// delegate with the right recipients, PDFs and summaries; exactly once across re-runs, also when the server refuses a
// recipient for good, defers one, or drops the connection halfway; credentials never leak.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { LEDGER_FILE, type LedgerEntry } from '../../src/mail/ledger.js';
import { hasFailures, mailSession, type MailOptions } from '../../src/mail/mailSession.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.js';
import {
  archiveSession,
  copySession,
  DATE,
  pdfOf,
  REGIONS,
  removeTemporaryFolders,
  SESSION,
  writeDelegates,
  type ArchivedSession,
} from './fixture.js';

const LOGIN = { user: 'renda@example.org', pass: 'pa55:w/rd@秘密' };
const FAST_RETRY = { retries: 2, baseDelayMs: 5, maxDelayMs: 20 };
const DELEGATES = [
  '张伟,zhang.wei@example.org,沁源县',
  '李娜,li.na@example.org,沁水县;屯留区',
  '王芳,wang.fang@example.org,*',
];

let session: ArchivedSession;
let server: TestSmtpServer;

beforeAll(async () => {
  session = await archiveSession();
});
afterAll(removeTemporaryFolders);
afterEach(async () => {
  await server?.close();
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every line of the ledger, "sending" lines included. */
function allLedgerLines(folder: string): LedgerEntry[] {
  return readFileSync(join(folder, LEDGER_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LedgerEntry);
}

/** The outcomes the ledger records ("sent", "failed"), without the "sending" line before each attempt. */
function readLedgerLines(folder: string): LedgerEntry[] {
  return allLedgerLines(folder).filter((entry) => entry.status !== 'sending');
}

async function setUp(rows: string[] = DELEGATES, login = LOGIN) {
  server = await startSmtpServer({ login });
  const { folder, scratch } = copySession(session);
  const delegatesFile = writeDelegates(scratch, rows);
  // The test server offers no STARTTLS: logging in over it is what --insecure-auth allows (TLS has tests of its own).
  const options: MailOptions = {
    folder,
    delegatesFile,
    delivery: { kind: 'smtp', url: server.url(login), insecureAuth: true },
    retry: FAST_RETRY,
  };
  return { folder, scratch, options };
}

async function parsedFor(address: string): Promise<ParsedMail> {
  const mail = server.received.find((item) => item.to.includes(address));
  if (!mail) throw new Error(`nothing received for ${address}`);
  return simpleParser(mail.raw);
}

describe('mail over SMTP', () => {
  it('sends one message per delegate with their regions: recipients, PDFs, HTML and text summaries', async () => {
    const { folder, options } = await setUp();
    const result = await mailSession(options);

    expect(result.destination).toBe(`smtp://127.0.0.1:${server.port}`);
    expect(result.counts).toMatchObject({ sent: 3, skipped: 0, failed: 0, invalid: 0 });
    expect(hasFailures(result)).toBe(false);
    expect(server.received).toHaveLength(3);
    expect(server.received.map((mail) => mail.to)).toEqual([
      ['zhang.wei@example.org'],
      ['li.na@example.org'],
      ['wang.fang@example.org'],
    ]);
    expect(server.received.every((mail) => mail.user === LOGIN.user && mail.from === LOGIN.user)).toBe(true);

    const expected: Record<string, string[]> = {
      'zhang.wei@example.org': ['沁源县'],
      'li.na@example.org': ['屯留区', '沁水县'],
      'wang.fang@example.org': ['屯留区', '沁源县', '沁水县'],
    };
    for (const [address, regions] of Object.entries(expected)) {
      const mail = await parsedFor(address);
      expect(mail.subject).toBe('长治两会 简报（2026年1月17日）');
      expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(
        regions.map((region) => pdfOf(session, region).path),
      );
      for (const attachment of mail.attachments) {
        const region = regions.find((name) => attachment.filename?.includes(name))!;
        expect(attachment.contentType).toBe('application/pdf');
        expect(sha256(attachment.content)).toBe(pdfOf(session, region).sha256);
      }
      for (const region of regions) {
        expect(mail.text).toContain(`■ ${region}`);
        expect(mail.html).toContain(region);
      }
    }
    const zhang = await parsedFor('zhang.wei@example.org');
    expect(zhang.attachments[0]!.filename).toBe('140431-沁源县.pdf');
    expect(zhang.text).toMatch(/^张伟，您好：/);
    expect(zhang.html).toContain('张伟，您好：');
    // 沁源县's figures as the summary has them, in the text and in the HTML table.
    const summary = JSON.parse(readFileSync(join(folder, '140431-沁源县.summary.json'), 'utf8'));
    for (const figure of summary.figures.slice(0, 3)) {
      expect(zhang.text).toContain(`· ${figure.label}`);
      expect(zhang.text).toContain(`${figure.valueText}${figure.unit}`);
      expect(zhang.html).toContain(`${figure.valueText}${figure.unit}`);
    }
    expect(zhang.text).toContain(summary.highlights[0].title);
    expect(zhang.html).toMatch(/<table[^>]*>/);
    expect(zhang.html).not.toMatch(/<(link|img|script)\b|src=|url\(|<style/i);
    // Growth rates of 沁水县 come out as the briefings print them.
    const li = await parsedFor('li.na@example.org');
    expect(li.text).toContain('· 地区生产总值（2022年）：426.8亿元，▲11.3%');
    expect(li.html).toContain('▲11.3%');

    const ledger = readLedgerLines(folder);
    expect(ledger.map((entry) => [entry.delegate, entry.status, entry.attempts])).toEqual([
      ['zhang.wei@example.org', 'sent', 1],
      ['li.na@example.org', 'sent', 1],
      ['wang.fang@example.org', 'sent', 1],
    ]);
    for (const [index, entry] of ledger.entries()) {
      expect(entry.response).toBe(`250 Message queued as test-${index + 1}`);
      expect(entry.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.messageId).toBe((await simpleParser(server.received[index]!.raw)).messageId);
    }
  });

  it('a re-run sends nothing that was delivered, and needs no server for it', async () => {
    const { folder, options } = await setUp();
    await mailSession(options);
    const again = await mailSession(options);
    expect(again.counts).toMatchObject({ sent: 0, skipped: 3, failed: 0 });
    expect(again.outcomes.every((outcome) => outcome.detail.startsWith('already delivered'))).toBe(true);
    expect(server.received).toHaveLength(3);
    await server.close();
    const offline = await mailSession(options);
    expect(offline.counts).toMatchObject({ skipped: 3, failed: 0 });
    expect(readLedgerLines(folder)).toHaveLength(3);
  });

  it('skips bad rows with their line numbers and mails the others', async () => {
    const { options } = await setUp([
      '张伟,zhang.wei@example.org,沁源县',
      '无效,not-an-address,沁源县',
      '赵磊,zhao.lei@example.org,长子县',
      '李娜,li.na@example.org,沁水县',
    ]);
    const result = await mailSession(options);
    expect(hasFailures(result)).toBe(true);
    expect(result.counts).toMatchObject({ sent: 2, invalid: 2 });
    expect(result.outcomes.map((outcome) => [outcome.line, outcome.status])).toEqual([
      [2, 'sent'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'sent'],
    ]);
    expect(result.outcomes[1]!.error!.toLine()).toContain('line 3: skipped: invalid e-mail address "not-an-address"');
    expect(result.outcomes[2]!.error!.toLine()).toContain('line 4: skipped: not a region of this session: 长子县');
    expect(server.received.map((mail) => mail.to[0])).toEqual(['zhang.wei@example.org', 'li.na@example.org']);
  });

  it('reports a recipient the server refuses for good without retrying, and mails the others', async () => {
    const { folder, options } = await setUp();
    server.rejected.add('li.na@example.org');
    const result = await mailSession(options);
    expect(result.counts).toMatchObject({ sent: 2, failed: 1 });
    const failed = result.outcomes.find((outcome) => outcome.status === 'failed')!;
    expect(failed).toMatchObject({ email: 'li.na@example.org', attempts: 1 });
    expect(failed.detail).toContain('550');
    expect(failed.error).toBeInstanceOf(BriefingError);
    expect(readLedgerLines(folder).map((entry) => [entry.delegate, entry.status])).toEqual([
      ['zhang.wei@example.org', 'sent'],
      ['li.na@example.org', 'failed'],
      ['wang.fang@example.org', 'sent'],
    ]);

    // Once the mailbox is fixed, a re-run delivers only the missing message.
    server.rejected.clear();
    const again = await mailSession(options);
    expect(again.counts).toMatchObject({ sent: 1, skipped: 2, failed: 0 });
    for (const address of ['zhang.wei@example.org', 'li.na@example.org', 'wang.fang@example.org'])
      expect(server.countFor(address)).toBe(1);
  });

  it('retries a temporary refusal (451) with backoff and then delivers', async () => {
    const { folder, options } = await setUp();
    server.deferrals.set('wang.fang@example.org', 2);
    const result = await mailSession(options);
    expect(result.counts).toMatchObject({ sent: 3, failed: 0 });
    expect(result.outcomes[2]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(readLedgerLines(folder)[2]).toMatchObject({
      delegate: 'wang.fang@example.org',
      status: 'sent',
      attempts: 3,
    });
    expect(server.countFor('wang.fang@example.org')).toBe(1);
  });

  it('retries over a dropped connection and delivers in the same run', async () => {
    const { options } = await setUp();
    server.dropAfter = 1;
    server.dropLimit = 1;
    const result = await mailSession(options);
    expect(result.counts).toMatchObject({ sent: 3, failed: 0 });
    expect(result.outcomes.map((outcome) => outcome.attempts)).toEqual([1, 2, 1]);
    expect(server.drops).toBe(1);
    expect(server.received).toHaveLength(3);
  });

  it('when the server drops every connection after two messages, reports the rest as failed; a re-run completes with no duplicates', async () => {
    const rows = [...DELEGATES, '赵磊,zhao.lei@example.org,屯留区'];
    const { folder, options } = await setUp(rows);
    server.dropAfter = 2;
    const first = await mailSession(options);
    expect(hasFailures(first)).toBe(true);
    expect(first.outcomes.map((outcome) => [outcome.email, outcome.status, outcome.attempts])).toEqual([
      ['zhang.wei@example.org', 'sent', 1],
      ['li.na@example.org', 'sent', 1],
      ['wang.fang@example.org', 'failed', 3],
      ['zhao.lei@example.org', 'failed', 0],
    ]);
    expect(first.outcomes[3]!.detail).toMatch(/^not attempted: /);
    expect(server.received).toHaveLength(2);
    expect(readLedgerLines(folder).map((entry) => entry.status)).toEqual(['sent', 'sent', 'failed']);

    server.dropAfter = undefined;
    const second = await mailSession(options);
    expect(second.counts).toMatchObject({ sent: 2, skipped: 2, failed: 0 });
    expect(server.received).toHaveLength(4);
    for (const row of rows) expect(server.countFor(row.split(',')[1]!)).toBe(1);

    const third = await mailSession(options);
    expect(third.counts).toMatchObject({ sent: 0, skipped: 4 });
    expect(server.received).toHaveLength(4);
  });

  it('does not send a changed message to someone already mailed, unless --resend-changed', async () => {
    const { folder, options } = await setUp();
    await mailSession(options);
    const changed = { ...options, subject: '{{session}}：{{regions}}简报' };
    const skipped = await mailSession(changed);
    expect(skipped.counts).toMatchObject({ sent: 0, skipped: 3 });
    expect(skipped.outcomes[0]!.detail).toContain('content changed');
    expect(skipped.outcomes[0]!.detail).toContain('--resend-changed');
    expect(server.received).toHaveLength(3);

    const resent = await mailSession({ ...changed, resendChanged: true });
    expect(resent.counts).toMatchObject({ sent: 3 });
    expect(server.received).toHaveLength(6);
    expect((await simpleParser(server.received[3]!.raw)).subject).toBe('长治两会：沁源县简报');
    const afterwards = await mailSession({ ...changed, resendChanged: true });
    expect(afterwards.counts).toMatchObject({ sent: 0, skipped: 3 });
    expect(new Set(readLedgerLines(folder).map((entry) => entry.contentHash)).size).toBe(6);
  });

  it('upgrades to TLS when the server offers STARTTLS', async () => {
    server = await startSmtpServer({ starttls: true });
    const { folder, scratch } = copySession(session);
    const result = await mailSession({
      folder,
      delegatesFile: writeDelegates(scratch, DELEGATES.slice(0, 1)),
      // smtp-server's built-in test certificate is self-signed (and expired): trust it for this test only.
      delivery: { kind: 'smtp', url: server.url(), tls: { rejectUnauthorized: false } },
      retry: FAST_RETRY,
    });
    expect(result.counts.sent).toBe(1);
    expect(server.received[0]).toMatchObject({ secure: true, from: 'briefing@localhost', user: undefined });
  });

  it('refuses to log in without TLS: a server with no STARTTLS stops the run before anything is sent, and says why', async () => {
    const { folder, options } = await setUp();
    const error = await mailSession({ ...options, delivery: { kind: 'smtp', url: server.url(LOGIN) } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'USAGE', hint: expect.stringContaining('offers no STARTTLS') });
    expect((error as BriefingError).toLine()).not.toContain(LOGIN.pass);
    expect(server.received).toHaveLength(0);
    expect(readFileSync(join(folder, LEDGER_FILE), 'utf8')).toBe('');
  });

  it('logs in over STARTTLS when the server offers it', async () => {
    server = await startSmtpServer({ starttls: true, login: LOGIN });
    const { folder, scratch } = copySession(session);
    const result = await mailSession({
      folder,
      delegatesFile: writeDelegates(scratch, DELEGATES.slice(0, 1)),
      delivery: { kind: 'smtp', url: server.url(LOGIN), tls: { rejectUnauthorized: false } },
      retry: FAST_RETRY,
    });
    expect(result.counts.sent).toBe(1);
    expect(server.received[0]).toMatchObject({ secure: true, user: LOGIN.user });
  });

  it('names an untrusted certificate at once instead of retrying it as an unreachable server', async () => {
    server = await startSmtpServer({ starttls: true, login: LOGIN });
    const { folder, scratch } = copySession(session);
    const started = Date.now();
    const error = await mailSession({
      folder,
      delegatesFile: writeDelegates(scratch, DELEGATES.slice(0, 1)),
      delivery: { kind: 'smtp', url: server.url(LOGIN) },
      // A retry would wait 5 s: an answer well before that was not retried.
      retry: { retries: 3, baseDelayMs: 5000, maxDelayMs: 5000 },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'USAGE', hint: expect.stringContaining('certificate is not trusted') });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(server.received).toHaveLength(0);
  });

  it('refuses a wrong password before sending anything, without printing it', async () => {
    const { folder, options } = await setUp();
    const wrong = {
      ...options,
      delivery: {
        kind: 'smtp' as const,
        url: server.url({ user: LOGIN.user, pass: 'wrong-秘密' }),
        insecureAuth: true,
      },
    };
    const error = await mailSession(wrong).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).code).toBe('USAGE');
    expect((error as BriefingError).toLine()).toContain(`cannot use the SMTP server smtp://127.0.0.1:${server.port}`);
    expect((error as BriefingError).toLine()).not.toContain('wrong-秘密');
    expect(server.received).toHaveLength(0);
    expect(readFileSync(join(folder, LEDGER_FILE), 'utf8')).toBe('');
  });

  it('keeps credentials out of the result and the ledger', async () => {
    const { folder, options } = await setUp();
    const result = await mailSession(options);
    const everything = JSON.stringify(result) + readFileSync(join(folder, LEDGER_FILE), 'utf8');
    for (const secret of [LOGIN.pass, encodeURIComponent(LOGIN.pass), Buffer.from(LOGIN.pass).toString('base64')])
      expect(everything).not.toContain(secret);
  });

  it('refuses to mail from an altered archive', async () => {
    const { folder, options } = await setUp();
    const pdf = join(folder, pdfOf(session, '沁水县').path);
    const bytes = readFileSync(pdf);
    bytes[bytes.length >> 1]! ^= 1;
    writeFileSync(pdf, bytes);
    await expect(mailSession(options)).rejects.toThrow(
      /does not match its manifest \(altered: 140521-沁水县\.pdf\); nothing was mailed/,
    );
    expect(server.received).toHaveLength(0);
  });

  it('lets only one run at a time mail a session: the second waits, then finds everyone mailed', async () => {
    const { options } = await setUp();
    server.delayMs = 150;
    const [first, second] = await Promise.all([mailSession(options), mailSession(options)]);
    const statuses = [first, second].map((run) => run.outcomes.map((outcome) => outcome.status).join(','));
    expect(statuses.sort()).toEqual(['sent,sent,sent', 'skipped,skipped,skipped']);
    expect(server.received).toHaveLength(3);
  });
});

describe('one writer per session folder', () => {
  it('two mail runs with different TMPDIR: one proceeds, the other waits for it or gives up, nobody is mailed twice', async () => {
    const { folder, scratch } = await setUp();
    // Longer than a waiting run waits, so the second run most likely gives up; on a slow machine it may start late
    // enough to wait for the first and then find everyone mailed. Either way nobody gets two messages.
    server.delayMs = 4000;
    const { spawn } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            join(process.cwd(), 'bin/briefing.js'),
            'mail',
            folder,
            '--delegates',
            join(scratch, 'delegates.csv'),
            '--smtp',
            server.url(LOGIN),
            '--insecure-auth',
          ],
          {
            stdio: 'ignore',
            env: { ...process.env, TMPDIR: mkdtempSync(join(tmpdir(), 'briefing-tmpdir-')) },
          },
        );
        child.on('exit', (code) => resolve(code));
      });
    const codes = (await Promise.all([run(), run()])).sort();
    expect([
      [0, 2],
      [0, 0],
    ]).toContainEqual(codes);
    for (const row of DELEGATES) expect(server.countFor(row.split(',')[1]!)).toBe(1);
  }, 60_000);

  it('an archive run does not replace a session folder while a mail run appends to its ledger', async () => {
    const { folder, options } = await setUp();
    server.delayMs = 300;
    const { buildArchive } = await import('../../src/archive/buildArchive.js');
    const { dirname, basename } = await import('node:path');
    const { SAMPLES } = await import('../helpers/samples.js');
    expect(basename(folder)).toBe(`${DATE}-${SESSION}`);
    let mailed = false;
    const mailing = mailSession(options).then((result) => ((mailed = true), result));
    // The mail run holds the session's lock (it sits beside the folder) before the archive run starts.
    const { existsSync, realpathSync } = await import('node:fs');
    while (!existsSync(`${realpathSync(folder)}.lock`)) await new Promise((resolve) => setTimeout(resolve, 5));
    const files = [
      ...SAMPLES.filter((sample) => REGIONS.includes(sample.golden.region.name)).map((sample) => sample.path),
      SAMPLES.find((sample) => sample.golden.region.name === '襄垣县')!.path,
    ];
    // One region more: the archive really replaces the folder, once the mail run has finished with it.
    const archived = await buildArchive({ files, session: SESSION, date: DATE, outDir: dirname(folder) });
    expect(mailed).toBe(true);
    expect(archived.status).toBe('updated');
    expect((await mailing).counts.sent).toBe(3);
    expect(readLedgerLines(folder).filter((entry) => entry.status === 'sent')).toHaveLength(3);
  }, 60_000);
});

describe('exactly once, across a crash', () => {
  it('records "sending" with the Message-ID before each hand-over, and "sent" after the 250', async () => {
    const { folder, options } = await setUp();
    await mailSession(options);
    const lines = allLedgerLines(folder);
    for (const sent of lines.filter((entry) => entry.status === 'sent')) {
      const sending = lines.findIndex((entry) => entry.status === 'sending' && entry.messageId === sent.messageId);
      expect(sending).toBeGreaterThanOrEqual(0);
      expect(sending).toBeLessThan(lines.indexOf(sent));
    }
    expect(lines.map((entry) => entry.status)).toEqual(['sending', 'sent', 'sending', 'sent', 'sending', 'sent']);
  });

  it('reports a message whose hand-over an earlier run did not finish as uncertain, and resends it only when asked', async () => {
    const { folder, options } = await setUp(DELEGATES.slice(0, 1));
    await mailSession(options);
    // The state a run killed between handing the message over and recording the server's answer leaves behind.
    const [sending] = allLedgerLines(folder);
    writeFileSync(join(folder, LEDGER_FILE), `${JSON.stringify(sending)}\n`);
    server.received.length = 0;

    const again = await mailSession(options);
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual(['uncertain']);
    expect(again.outcomes[0]!.error?.hint).toContain('--resend-uncertain');
    expect(hasFailures(again)).toBe(true);
    expect(server.received).toHaveLength(0);

    const resent = await mailSession({ ...options, resendUncertain: true });
    expect(resent.outcomes.map((outcome) => outcome.status)).toEqual(['sent']);
    expect(server.received).toHaveLength(1);
    expect((await mailSession(options)).outcomes.map((outcome) => outcome.status)).toEqual(['skipped']);
  });

  it('killed (-9) while the server takes a message: never mailed twice without asking, never silently not at all', async () => {
    const { folder, scratch } = await setUp(DELEGATES.slice(0, 2));
    server.delayMs = 1500;
    const { spawn } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const child = spawn(
      process.execPath,
      [
        join(process.cwd(), 'bin/briefing.js'),
        'mail',
        folder,
        '--delegates',
        join(scratch, 'delegates.csv'),
        '--smtp',
        server.url(LOGIN),
        '--insecure-auth',
      ],
      { stdio: 'ignore' },
    );
    const ledger = join(folder, LEDGER_FILE);
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('the mail run never began sending')), 30_000);
      const poll = setInterval(() => {
        if (existsSync(ledger) && readFileSync(ledger, 'utf8').includes('"sending"')) {
          clearInterval(poll);
          clearTimeout(deadline);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the server finishes taking what it was given
    server.delayMs = 0;
    const first = DELEGATES[0]!.split(',')[1]!;
    const receivedBefore = server.countFor(first);

    const rerun = await mailSession({
      folder,
      delegatesFile: join(scratch, 'delegates.csv'),
      delivery: { kind: 'smtp', url: server.url(LOGIN), insecureAuth: true },
      retry: FAST_RETRY,
    });
    const statusOf = (address: string) => rerun.outcomes.find((outcome) => outcome.email === address)!.status;
    // The delegate in flight: reported uncertain (the message may have arrived), not mailed again.
    expect(statusOf(first)).toBe('uncertain');
    expect(server.countFor(first)).toBe(receivedBefore);
    expect(receivedBefore).toBeLessThanOrEqual(1);
    // The next one, never handed over, is mailed now.
    expect(statusOf(DELEGATES[1]!.split(',')[1]!)).toBe('sent');
  }, 60_000);
});

// --outbox: .eml files that parse, carry the same attachments and content as the mail sent over SMTP, come out
// byte-identical on every run, and leave the ledger alone.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_FILE } from '../../src/mail/ledger.js';
import { mailSession } from '../../src/mail/mailSession.js';
import { emlFileName } from '../../src/mail/writeOutbox.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.js';
import {
  archiveSession,
  copySession,
  pdfOf,
  removeTemporaryFolders,
  writeDelegates,
  type ArchivedSession,
} from './fixture.js';

const DELEGATES = ['张伟,zhang.wei@example.org,沁源县', '李娜,Li.Na@Example.org,沁水县；屯留区'];
const FROM = '长治市人大 <renda@example.org>';

let session: ArchivedSession;
let server: TestSmtpServer | undefined;

beforeAll(async () => {
  session = await archiveSession();
});
afterAll(removeTemporaryFolders);
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function comparable(mail: ParsedMail) {
  return {
    subject: mail.subject,
    to: mail.to,
    from: mail.from?.text,
    messageId: mail.messageId,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.map((attachment) => [
      attachment.filename,
      attachment.contentType,
      sha256(attachment.content),
    ]),
  };
}

describe('mail --outbox', () => {
  it('writes one .eml per delegate that parses, with the PDFs of their regions', async () => {
    const { folder, scratch } = copySession(session);
    const outbox = join(scratch, 'outbox');
    const result = await mailSession({
      folder,
      delegatesFile: writeDelegates(scratch, DELEGATES),
      delivery: { kind: 'outbox', dir: outbox },
      from: FROM,
    });

    expect(result.destination).toBe(outbox);
    expect(result.counts).toMatchObject({ written: 2, sent: 0, failed: 0 });
    expect(readdirSync(outbox).sort()).toEqual(['li.na@example.org.eml', 'zhang.wei@example.org.eml']);
    expect(result.outcomes.map((outcome) => outcome.file)).toEqual([
      join(outbox, 'zhang.wei@example.org.eml'),
      join(outbox, 'li.na@example.org.eml'),
    ]);
    expect(existsSync(join(folder, LEDGER_FILE))).toBe(false);

    const li = await simpleParser(readFileSync(join(outbox, 'li.na@example.org.eml')));
    expect(li.to).toMatchObject({ value: [{ name: '李娜', address: 'Li.Na@example.org' }] });
    expect(li.from?.value).toEqual([{ name: '长治市人大', address: 'renda@example.org' }]);
    expect(li.date?.toISOString()).toBe('2026-01-17T00:00:00.000Z');
    expect(li.attachments.map((attachment) => [attachment.filename, sha256(attachment.content)])).toEqual([
      ['140405-屯留区.pdf', pdfOf(session, '屯留区').sha256],
      ['140521-沁水县.pdf', pdfOf(session, '沁水县').sha256],
    ]);
    expect(li.text).toContain('■ 屯留区（长治市）');
    expect(li.html).toContain('沁水县 <span');
  });

  it('writes the same message the SMTP server receives, and the same bytes on every run', async () => {
    const { folder, scratch } = copySession(session);
    const delegatesFile = writeDelegates(scratch, DELEGATES);
    const first = join(scratch, 'first');
    const second = join(scratch, 'second');
    await mailSession({ folder, delegatesFile, delivery: { kind: 'outbox', dir: first }, from: FROM });
    await mailSession({ folder, delegatesFile, delivery: { kind: 'outbox', dir: second }, from: FROM });
    for (const name of readdirSync(first))
      expect(readFileSync(join(second, name)).equals(readFileSync(join(first, name)))).toBe(true);

    server = await startSmtpServer();
    await mailSession({ folder, delegatesFile, delivery: { kind: 'smtp', url: server.url() }, from: FROM });
    expect(server.received).toHaveLength(2);
    for (const received of server.received) {
      const sent = await simpleParser(received.raw);
      const written = await simpleParser(readFileSync(join(first, emlFileName(received.to[0]!))));
      expect(comparable(written)).toEqual(comparable(sent));
    }
  });

  it('refuses an outbox inside the session folder (it would fail verification)', async () => {
    const { folder, scratch } = copySession(session);
    await expect(
      mailSession({
        folder,
        delegatesFile: writeDelegates(scratch, DELEGATES),
        delivery: { kind: 'outbox', dir: join(folder, 'outbox') },
      }),
    ).rejects.toThrow('--outbox must not be inside the session folder');
  });

  it('names files after the address, with characters a file name cannot hold encoded', () => {
    expect(emlFileName('A.B@Example.org')).toBe('a.b@example.org.eml');
    expect(emlFileName('a/b|c?@example.org')).toBe('a%2Fb%7Cc%3F@example.org.eml');
  });
});

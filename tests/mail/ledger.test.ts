// The mail ledger and what a run decides from it: appended lines survive a crash that cut the last line short,
// and a message is sent, skipped as delivered, or held back as changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ComposedMessage } from '../../src/mail/composeMessage.js';
import { LEDGER_FILE, type LedgerEntry, openLedger, readLedger } from '../../src/mail/ledger.js';
import { planDelivery } from '../../src/mail/planDelivery.js';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function scratchFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'briefing-ledger-'));
  folders.push(folder);
  return folder;
}

function entry(fields: Partial<LedgerEntry>): LedgerEntry {
  return {
    delegate: 'zhang@example.org',
    name: '张伟',
    contentHash: 'a'.repeat(64),
    status: 'sent',
    response: '250 OK',
    messageId: '<m@x>',
    at: '2026-01-18T08:00:00.000Z',
    attempts: 1,
    ...fields,
  };
}

function message(email: string, contentHash: string): ComposedMessage {
  return {
    delegate: { line: 2, name: '张伟', email, regions: [] },
    subject: '',
    text: '',
    html: '',
    attachments: [],
    contentHash,
  };
}

describe('ledger', () => {
  it('appends one line per entry, and reads them back', async () => {
    const folder = scratchFolder();
    expect(await readLedger(folder)).toEqual({ entries: [], warnings: [] });
    const writer = await openLedger(folder);
    await writer.append(entry({}));
    await writer.append(entry({ delegate: 'li@example.org', status: 'failed', messageId: null }));
    await writer.close();
    expect(readFileSync(join(folder, LEDGER_FILE), 'utf8').split('\n')).toHaveLength(3);
    expect((await readLedger(folder)).entries.map((item) => [item.delegate, item.status])).toEqual([
      ['zhang@example.org', 'sent'],
      ['li@example.org', 'failed'],
    ]);
  });

  it('survives a last line cut short by a crash: it is ignored with a warning and the next line starts afresh', async () => {
    const folder = scratchFolder();
    const whole = JSON.stringify(entry({}));
    writeFileSync(join(folder, LEDGER_FILE), `${whole}\n${whole.slice(0, 40)}`);
    const writer = await openLedger(folder);
    await writer.append(entry({ delegate: 'li@example.org' }));
    await writer.close();
    const ledger = await readLedger(folder);
    expect(ledger.entries.map((item) => item.delegate)).toEqual(['zhang@example.org', 'li@example.org']);
    expect(ledger.warnings).toEqual(['mail-ledger.jsonl line 2: not a ledger entry, ignored']);
  });

  it('refuses to start when the ledger cannot be written', async () => {
    await expect(openLedger(join(tmpdir(), 'no-such-folder-for-briefing', 'x'))).rejects.toMatchObject({
      code: 'OUTPUT_UNWRITABLE',
    });
  });
});

describe('planDelivery', () => {
  const sent = entry({ contentHash: 'a'.repeat(64) });
  const failed = entry({ contentHash: 'b'.repeat(64), status: 'failed' });

  it('sends what was never delivered, including what failed before', () => {
    expect(planDelivery(message('new@example.org', 'a'.repeat(64)), [sent], false)).toEqual({
      action: 'send',
      resend: undefined,
    });
    expect(
      planDelivery(
        message('wang@example.org', 'b'.repeat(64)),
        [entry({ delegate: 'wang@example.org', contentHash: 'b'.repeat(64), status: 'failed' })],
        false,
      ),
    ).toMatchObject({ action: 'send' });
  });

  it('skips the same content delivered to the same address (any letter case)', () => {
    expect(planDelivery(message('Zhang@Example.org', 'a'.repeat(64)), [sent, failed], false)).toEqual({
      action: 'skip',
      reason: 'delivered',
      entry: sent,
    });
    expect(planDelivery(message('zhang@example.org', 'a'.repeat(64)), [sent], true)).toMatchObject({
      action: 'skip',
      reason: 'delivered',
    });
  });

  it('holds back changed content for someone already mailed, unless asked to resend', () => {
    expect(planDelivery(message('zhang@example.org', 'c'.repeat(64)), [sent, failed], false)).toEqual({
      action: 'skip',
      reason: 'changed',
      entry: sent,
    });
    expect(planDelivery(message('zhang@example.org', 'c'.repeat(64)), [sent, failed], true)).toEqual({
      action: 'send',
      resend: sent,
    });
  });
});

// `briefing mail` on the command line: one JSON document with --json, a final table otherwise, progress only on a
// terminal, exit codes 0/1/2, the SMTP URL from BRIEFING_SMTP_URL, and the password nowhere in the output.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerMailCommands, SMTP_URL_VARIABLE } from '../../src/cli/commands/mail.js';
import { BriefingError } from '../../src/errors.js';
import { formatOutcomes } from '../../src/mail/formatOutcomes.js';
import { LEDGER_FILE } from '../../src/mail/ledger.js';
import type { DelegateOutcome } from '../../src/mail/outcome.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.js';
import {
  archiveSession,
  copySession,
  removeTemporaryFolders,
  writeDelegates,
  type ArchivedSession,
} from './fixture.js';

const LOGIN = { user: 'renda@example.org', pass: 'Zh1-秘密-pass' };
const ROWS = ['张伟,zhang.wei@example.org,沁源县', '无效,not-an-address,沁源县', '李娜,li.na@example.org,*'];

let session: ArchivedSession;
let server: TestSmtpServer;
let stdout: string;
let stderr: string;

/** The program as src/cli/main.ts builds it, with only the mail command. */
async function briefing(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('briefing')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerMailCommands(program, { setExitCode: (code) => (exitCode = code), config: {} });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return 2;
    if (error instanceof BriefingError) {
      process.stderr.write(`briefing: ${error.toLine()}\n`);
      return 2;
    }
    throw error;
  }
  return exitCode;
}

beforeAll(async () => {
  session = await archiveSession();
});
afterAll(removeTemporaryFolders);
beforeEach(async () => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  server = await startSmtpServer({ login: LOGIN });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await server.close();
});

function expectNoPassword(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(LOGIN.pass);
    expect(text).not.toContain(encodeURIComponent(LOGIN.pass));
  }
}

describe('briefing mail', () => {
  it('--json prints one document with a result per row, and exits 1 for the bad row', async () => {
    const { folder, scratch } = copySession(session);
    const delegates = writeDelegates(scratch, ROWS);
    expect(
      await briefing([
        'mail',
        folder,
        '--delegates',
        delegates,
        '--smtp',
        server.url(LOGIN),
        '--insecure-auth',
        '--json',
      ]),
    ).toBe(1);
    const document = JSON.parse(stdout);
    expect(document).toMatchObject({
      destination: `smtp://127.0.0.1:${server.port}`,
      counts: { sent: 2, skipped: 0, failed: 0, invalid: 1 },
    });
    expect(document.results.map((result: { input: string; status: string }) => [result.input, result.status])).toEqual([
      [`${delegates}:2`, 'sent'],
      [`${delegates}:3`, 'invalid'],
      [`${delegates}:4`, 'sent'],
    ]);
    expect(document.results[0]).toMatchObject({
      delegate: 'zhang.wei@example.org',
      name: '张伟',
      regions: ['沁源县'],
      attempts: 1,
      warnings: [],
      error: null,
    });
    expect(document.results[1].error).toMatchObject({ code: 'INPUT_UNREADABLE', file: delegates, field: 'line 3' });
    expect(stderr).toBe('');
    expectNoPassword(stdout, stderr, readFileSync(join(folder, LEDGER_FILE), 'utf8'));

    stdout = '';
    expect(
      await briefing([
        'mail',
        folder,
        '--delegates',
        delegates,
        '--smtp',
        server.url(LOGIN),
        '--insecure-auth',
        '--json',
      ]),
    ).toBe(1);
    expect(JSON.parse(stdout).counts).toMatchObject({ sent: 0, skipped: 2, invalid: 1 });
    expect(server.received).toHaveLength(2);
  });

  it('prints progress on a terminal and a final table on stderr, and exits 0 when all went out', async () => {
    const { folder, scratch } = copySession(session);
    vi.stubEnv(SMTP_URL_VARIABLE, server.url(LOGIN));
    const terminal = process.stderr.isTTY;
    process.stderr.isTTY = true;
    try {
      expect(
        await briefing([
          'mail',
          folder,
          '--delegates',
          writeDelegates(scratch, [ROWS[0]!, ROWS[2]!]),
          '--retry-delay',
          '5',
          '--insecure-auth',
        ]),
      ).toBe(0);
    } finally {
      process.stderr.isTTY = terminal;
    }
    expect(stdout).toBe('');
    expect(stderr).toContain('mail: [1/2] 张伟 <zhang.wei@example.org>: sending');
    expect(stderr).toContain('mail: [2/2] 李娜 <li.na@example.org>: sent (250 Message queued as test-2)');
    expect(stderr).toContain(`${folder} → smtp://127.0.0.1:${server.port}`);
    expect(stderr).toMatch(/^line {2}delegate {2,}regions {2,}status {2}detail$/m);
    expect(stderr).toContain('sent 2 · failed 0');
    expectNoPassword(stdout, stderr);
  });

  it('exits 1 and names the delegate the server refused', async () => {
    const { folder, scratch } = copySession(session);
    server.rejected.add('li.na@example.org');
    expect(
      await briefing([
        'mail',
        folder,
        '--delegates',
        writeDelegates(scratch, [ROWS[0]!, ROWS[2]!]),
        '--smtp',
        server.url(LOGIN),
        '--insecure-auth',
      ]),
    ).toBe(1);
    expect(stderr).toMatch(
      /✗ li\.na@example\.org: not delivered: 550 .*mailbox unavailable \(the server refused this for good/,
    );
    expect(stderr).toContain('sent 1 · failed 1');
    expect(stderr).not.toContain('mail: [');
  });

  it('--outbox writes .eml files, and no credentials from the environment end up in them', async () => {
    const { folder, scratch } = copySession(session);
    vi.stubEnv(SMTP_URL_VARIABLE, server.url(LOGIN));
    const outbox = join(scratch, 'outbox');
    expect(
      await briefing([
        'mail',
        folder,
        '--delegates',
        writeDelegates(scratch, [ROWS[0]!]),
        '--outbox',
        outbox,
        '--from',
        'renda@example.org',
      ]),
    ).toBe(0);
    expect(readdirSync(outbox)).toEqual(['zhang.wei@example.org.eml']);
    expect(server.received).toHaveLength(0);
    expectNoPassword(readFileSync(join(outbox, 'zhang.wei@example.org.eml'), 'latin1'), stderr);
  });

  it('exits 2 on usage and configuration errors, with nothing sent and no password shown', async () => {
    const { folder, scratch } = copySession(session);
    const delegates = writeDelegates(scratch, [ROWS[0]!]);
    vi.stubEnv(SMTP_URL_VARIABLE, '');
    const cases: [string[], string][] = [
      [
        ['--smtp', server.url(LOGIN), '--insecure-auth', '--outbox', join(scratch, 'o')],
        'give either --smtp or --outbox, not both',
      ],
      [[], 'nowhere to deliver: give --smtp URL (or set BRIEFING_SMTP_URL) or --outbox DIR'],
      [
        ['--smtp', server.url(LOGIN), '--insecure-auth', '--rate', '0'],
        '--rate must be a whole number of at least 1, got 0',
      ],
      [
        ['--smtp', server.url(LOGIN), '--insecure-auth', '--subject', '{{sesion}}'],
        '--subject: --subject is not a usable template',
      ],
      [
        ['--smtp', server.url(LOGIN), '--insecure-auth', '--from', 'not an address'],
        '--from must be one e-mail address',
      ],
      [
        ['--smtp', server.url({ user: LOGIN.user, pass: `${LOGIN.pass}-wrong` }), '--insecure-auth'],
        `cannot use the SMTP server smtp://127.0.0.1:${server.port}`,
      ],
    ];
    for (const [flags, message] of cases) {
      stderr = '';
      expect(await briefing(['mail', folder, '--delegates', delegates, '--retries', '0', ...flags])).toBe(2);
      expect(stderr).toContain(message);
      expectNoPassword(stderr, stdout);
    }
    expect(await briefing(['mail', folder, '--smtp', server.url(LOGIN), '--insecure-auth'])).toBe(2);
    expect(server.received).toHaveLength(0);
  });

  it('exits 2 for an altered archive, and says so', async () => {
    const { folder, scratch } = copySession(session);
    writeFileSync(
      join(folder, 'manifest.json'),
      readFileSync(join(folder, 'manifest.json'), 'utf8').replace(/"sha256": "[0-9a-f]/, '"sha256": "x'),
    );
    expect(
      await briefing([
        'mail',
        folder,
        '--delegates',
        writeDelegates(scratch, [ROWS[0]!]),
        '--smtp',
        server.url(LOGIN),
        '--insecure-auth',
      ]),
    ).toBe(2);
    expect(stderr).toContain('the session folder does not match its manifest (altered: ');
    expect(server.received).toHaveLength(0);
  });
});

describe('formatOutcomes', () => {
  it('aligns columns by display width, Chinese characters counting two', () => {
    const outcome = (
      line: number,
      name: string,
      email: string,
      regions: string[],
      status: DelegateOutcome['status'],
      detail: string,
    ): DelegateOutcome => ({
      line,
      name,
      email,
      regions,
      status,
      detail,
      contentHash: null,
      messageId: null,
      response: null,
      attempts: 0,
      file: null,
      error: null,
    });
    const table = formatOutcomes(
      [
        outcome(2, '张伟', 'z@example.org', ['沁源县'], 'sent', '250 OK'),
        outcome(10, 'Li', 'li@example.org', ['屯留区', '沁源县', '沁水县', '上党区', '襄垣县'], 'failed', '550 no'),
      ],
      { sent: 1, written: 0, skipped: 0, uncertain: 0, failed: 1, invalid: 0 },
    );
    expect(table.split('\n')).toEqual([
      'line  delegate              regions                  status  detail',
      '2     张伟 <z@example.org>  沁源县                   sent    250 OK',
      '10    Li <li@example.org>   屯留区、沁源县、沁水县…  failed  550 no',
      'sent 1 · failed 1',
    ]);
  });
});

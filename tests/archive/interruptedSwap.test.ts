// A session folder is never lost nor rebuilt over a person's work: an archive run killed between the two renames of
// its swap is recovered by the next archive, verify, mail or serve (ledger and corrections kept, nobody mailed
// twice), and a folder whose manifest cannot be read or checked is refused until --force, which keeps a copy.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, reviseArchive } from '../../src/archive/buildArchive.js';
import { sha256 } from '../../src/archive/manifest.js';
import { recoverInterruptedSwap } from '../../src/archive/sessionSwap.js';
import { verifyArchive } from '../../src/archive/verifyArchive.js';
import { LEDGER_FILE } from '../../src/mail/ledger.js';
import { loadReviewSet } from '../../src/review/reviewSet.js';
import { lockSession } from '../../src/util/sessionLock.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const CLI = join(ROOT, 'bin/briefing.js');
const SESSION = '长治两会';
const DATE = '2026-01-17';
const [A, B, C] = [SAMPLES[3]!, SAMPLES[4]!, SAMPLES[1]!];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function briefing(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** A pid that is certainly not running: a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('an archive run killed between the renames of its swap', () => {
  let server: TestSmtpServer;
  beforeAll(async () => (server = await startSmtpServer()));
  afterAll(() => server.close());

  it('is recovered by verify, archive and mail: the ledger and a correction are kept, nobody is mailed twice', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-swap-'));
    const created = await buildArchive({ files: [A.path, B.path], session: SESSION, date: DATE, outDir });
    const folder = created.folder!;
    // A person's correction in the folder, kept (and marked reviewed) by the next run.
    const corrected = join(folder, created.manifest!.regions[0]!.summary.path);
    writeFileSync(
      corrected,
      JSON.stringify({ ...JSON.parse(readFileSync(corrected, 'utf8')), title: '审定稿' }, null, 2),
    );
    expect((await buildArchive({ files: [A.path, B.path], session: SESSION, date: DATE, outDir })).status).toBe(
      'updated',
    );

    const delegates = join(outDir, 'delegates.csv');
    const regions = created.manifest!.regions.map((region) => region.name);
    writeFileSync(delegates, `name,email,regions\n甲,a@example.org,${regions[0]}\n乙,b@example.org,${regions[1]}\n`);
    const mail = () =>
      briefing(['mail', folder, '--delegates', delegates, '--smtp', server.url(), '--from', 'renda@example.org']);
    expect((await mail()).code).toBe(0);
    expect(server.received).toHaveLength(2);
    const ledger = readFileSync(join(folder, LEDGER_FILE), 'utf8');

    // A third region makes the next run replace the folder; it is killed between the two renames.
    const archive = (env: Record<string, string> = {}) =>
      briefing(['archive', A.path, B.path, C.path, '--session', SESSION, '--date', DATE, '-o', outDir], env);
    const killed = await archive({ BRIEFING_TEST_KILL_AT: 'archive-swap' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(outDir).filter((name) => name.endsWith('.tmp.old'))).toHaveLength(1);

    const verified = await briefing(['verify', folder]);
    expect(verified.stderr).toContain(`restored ${folder}`);
    expect(verified.code).toBe(0);
    expect(readFileSync(join(folder, LEDGER_FILE), 'utf8')).toBe(ledger);
    expect(readdirSync(outDir).filter((name) => name.startsWith('.'))).toEqual([]);

    const rerun = await archive();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(verifyArchive(folder).ok).toBe(true);
    expect(JSON.parse(readFileSync(corrected, 'utf8')).title).toBe('审定稿');
    expect(readFileSync(join(folder, LEDGER_FILE), 'utf8')).toBe(ledger);

    writeFileSync(
      delegates,
      `name,email,regions\n甲,a@example.org,${regions[0]}\n乙,b@example.org,${regions[1]}\n丙,c@example.org,${C.golden.region.name}\n`,
    );
    expect((await mail()).code).toBe(0);
    expect(['a@example.org', 'b@example.org', 'c@example.org'].map((address) => server.countFor(address))).toEqual([
      1, 1, 1,
    ]);
  }, 60_000);

  it('is finished when the new folder was already in place: the old one goes only once the new one verifies', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-swap-done-'));
    const { folder } = await buildArchive({ files: [A.path], session: SESSION, date: DATE, outDir });
    const old = join(outDir, `.${basename(folder!)}.${deadPid()}.0badc0de.tmp.old`);
    cpSync(folder!, old, { recursive: true });
    writeFileSync(join(old, LEDGER_FILE), '{"old":"ledger"}\n');
    expect(await recoverInterruptedSwap(folder!)).toEqual([`finished an interrupted archive run on ${folder}`]);
    expect(existsSync(old)).toBe(false);
    // The ledger the new folder lacked is carried over before the old folder goes.
    expect(readFileSync(join(folder!, LEDGER_FILE), 'utf8')).toBe('{"old":"ledger"}\n');

    // A new folder that does not verify: a person decides, nothing is removed.
    cpSync(folder!, old, { recursive: true });
    writeFileSync(join(folder!, 'book.pdf'), 'damaged');
    await expect(recoverInterruptedSwap(folder!)).rejects.toMatchObject({ code: 'ARCHIVE_INTERRUPTED', file: folder });
    expect(existsSync(old)).toBe(true);
  });
});

describe('serve on a session folder whose swap was interrupted', () => {
  it('puts the old folder back and reviews it', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-swap-serve-'));
    const { folder } = await buildArchive({ files: [A.path], session: SESSION, date: DATE, outDir });
    const pid = deadPid();
    renameSync(folder!, join(outDir, `.${basename(folder!)}.${pid}.0badc0de.tmp.old`));
    mkdirSync(join(outDir, `.${basename(folder!)}.${pid}.0badc0de.tmp`));
    const set = await loadReviewSet({ inputs: [folder!], outDir });
    expect(set.failures).toEqual([]);
    expect(set.documents.map((document) => document.sessionFolder)).toEqual([folder]);
    expect(readdirSync(outDir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('a session folder that cannot be checked', () => {
  const options = (outDir: string, force = false) => ({
    files: [A.path, B.path],
    session: SESSION,
    date: DATE,
    outDir,
    force,
  });

  it.each([
    [
      'a manifest that is not JSON',
      (folder: string) => writeFileSync(join(folder, 'manifest.json'), '{"regions": ['),
      'no readable manifest.json',
    ],
    [
      'a manifest of another shape',
      (folder: string) => writeFileSync(join(folder, 'manifest.json'), '{"regions": 3}'),
      'is not a session manifest',
    ],
  ])(
    'is refused with %s, naming the folder and --force; --force rebuilds it and keeps a copy',
    async (_name, damage, message) => {
      const outDir = mkdtempSync(join(tmpdir(), 'briefing-unverified-'));
      const created = await buildArchive(options(outDir));
      const folder = created.folder!;
      const corrected = join(folder, created.manifest!.regions[0]!.summary.path);
      writeFileSync(
        corrected,
        JSON.stringify({ ...JSON.parse(readFileSync(corrected, 'utf8')), title: '审定稿' }, null, 2),
      );
      damage(folder);
      const before = sha256(readFileSync(corrected));

      const refused = await buildArchive(options(outDir));
      expect(refused.status).toBe('failed');
      expect(refused.failures).toEqual([
        { input: null, error: expect.objectContaining({ code: 'ARCHIVE_UNVERIFIED', file: folder }) },
      ]);
      expect(refused.failures[0]!.error.message).toContain(message);
      expect(refused.failures[0]!.error.toLine()).toContain('--force');
      expect(sha256(readFileSync(corrected))).toBe(before);

      const forced = await buildArchive(options(outDir, true));
      expect(forced.status).toBe('updated');
      expect(forced.keptCopy).toBe(`${folder}.replaced-1`);
      expect(verifyArchive(folder).ok).toBe(true);
      expect(JSON.parse(readFileSync(join(forced.keptCopy!, basename(corrected)), 'utf8')).title).toBe('审定稿');
    },
  );

  it('refuses a folder with files but no manifest, and an edited summary that is no longer valid (not rewritten)', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-unverified-'));
    const stray = join(outDir, `${DATE}-${SESSION}`);
    mkdirSync(stray);
    writeFileSync(join(stray, 'notes.txt'), '我的笔记');
    const noManifest = await buildArchive(options(outDir));
    expect(noManifest.failures[0]!.error).toMatchObject({ code: 'ARCHIVE_UNVERIFIED', file: stray });
    expect(noManifest.failures[0]!.error.message).toContain('no manifest.json');
    expect(readdirSync(stray)).toEqual(['notes.txt']);

    const other = mkdtempSync(join(tmpdir(), 'briefing-unverified-'));
    const created = await buildArchive(options(other));
    const summary = join(created.folder!, created.manifest!.regions[1]!.summary.path);
    writeFileSync(summary, '{ "title": "改了一半');
    const refused = await buildArchive(options(other));
    expect(refused.failures[0]!.error).toMatchObject({ code: 'ARCHIVE_UNVERIFIED', file: summary });
    expect(readFileSync(summary, 'utf8')).toBe('{ "title": "改了一半');
  });

  it('the CLI stops with exit 2 naming the folder and the fix', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-unverified-cli-'));
    const { folder } = await buildArchive({ files: [A.path], session: SESSION, date: DATE, outDir });
    writeFileSync(join(folder!, 'manifest.json'), 'garbage');
    const run = await briefing(['archive', A.path, '--session', SESSION, '--date', DATE, '-o', outDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`briefing: ${folder}: no readable manifest.json`);
    expect(run.stderr).toContain('--force');
  });
});

describe('one error channel in the archive layer', () => {
  it('turns a session lock that cannot be made into a BriefingError naming the folder', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'briefing-lock-')), 'a-file');
    writeFileSync(folder, '');
    await expect(lockSession(join(folder, 'session'), 'this test')).rejects.toMatchObject({
      name: 'BriefingError',
      code: 'OUTPUT_UNWRITABLE',
      file: join(folder, 'session'),
    });
  });

  it('returns a refusal of the whole run as a failure with input null, never throws', async () => {
    await expect(buildArchive({ files: [], session: SESSION, date: DATE, outDir: tmpdir() })).resolves.toMatchObject({
      status: 'failed',
      failures: [{ input: null, error: { code: 'USAGE' } }],
    });
    const missing = join(mkdtempSync(join(tmpdir(), 'briefing-revise-')), 'no-session');
    await expect(
      reviseArchive(missing, { summary: JSON.parse('{"region":{"code":"1"}}'), loadedSha256: 'x' }),
    ).resolves.toMatchObject({
      status: 'failed',
      failures: [{ input: null, error: { code: 'INPUT_NOT_FOUND', file: missing } }],
    });
  });
});

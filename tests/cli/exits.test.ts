// Every command exits when its work is done, whatever failed: run as a user runs it (a new process of the built CLI),
// with a time limit, on input that all fails, on empty folders and on outputs that cannot be written.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const CLI = join(ROOT, 'bin/briefing.js');
/** Far above what any of these takes (about half a second): a command still running then hangs. */
const LIMIT_MS = 20_000;
const folder = mkdtempSync(join(tmpdir(), 'briefing-exits-'));
const empty = join(folder, 'empty');
mkdirSync(empty);
const file = join(folder, 'a-file');
writeFileSync(file, 'not a folder');
const notReport = join(folder, 'letter.txt');
writeFileSync(notReport, '来信收悉，谢谢。');

function run(args: string[]): { status: number | null; signal: NodeJS.Signals | null; stderr: string } {
  const { status, signal, stderr } = spawnSync(process.execPath, [CLI, ...args], {
    cwd: folder,
    timeout: LIMIT_MS,
    encoding: 'utf8',
  });
  return { status, signal, stderr };
}

describe('commands exit when their work is done', () => {
  it.each([
    ['build of a mistyped path', ['build', 'data/report'], 1],
    ['build of a text that is no report', ['build', notReport, '-o', join(folder, 'out1')], 1],
    ['build into a folder that cannot be made (/proc/x)', ['build', SAMPLES[0]!.path, '-o', '/proc/x'], 1],
    ['build into a path that is a file', ['build', SAMPLES[0]!.path, '-o', file], 1],
    ['build of an empty folder', ['build', empty], 2],
    ['extract of a mistyped path', ['extract', 'nope.txt', '-o', join(folder, 'out2')], 1],
    ['render of a missing summary', ['render', 'nope.summary.json', '-o', join(folder, 'out3')], 1],
    ['check of a missing summary', ['check', 'nope.summary.json'], 1],
    ['archive of a mistyped path', ['archive', 'nope.txt', '--session', '测试', '-o', join(folder, 'session')], 1],
    ['verify of a folder that is no session', ['verify', empty], 2],
    ['compare of a mistyped path', ['compare', 'nope.txt', '-o', join(folder, 'compare.pdf')], 2],
    [
      'mail of a folder that is no session',
      ['mail', empty, '--delegates', 'nope.csv', '--outbox', join(folder, 'outbox')],
      2,
    ],
  ])('%s', (_name, args, expected) => {
    const { status, signal, stderr } = run(args as string[]);
    expect(signal, `still running after ${LIMIT_MS} ms: ${stderr}`).toBeNull();
    expect(status, stderr).toBe(expected);
    expect(stderr.length).toBeGreaterThan(0);
  });
});

describe('the time budget of one input', () => {
  it('stops an input that takes longer than its budget, names it, and goes on with the batch', () => {
    const inputs = join(folder, 'many');
    mkdirSync(inputs);
    for (let copy = 0; copy < 8; copy += 1) copyFileSync(SAMPLES[0]!.path, join(inputs, `r${copy}.txt`));
    const { status, stderr, signal } = spawnSync(
      process.execPath,
      [CLI, 'build', inputs, '-o', join(folder, 'budget-out')],
      {
        cwd: folder,
        timeout: LIMIT_MS,
        encoding: 'utf8',
        // A budget no input can meet here: every one is stopped, and the command still ends.
        env: { ...process.env, BRIEFING_TASK_BUDGET_MS: '1' },
      },
    );
    expect(signal).toBeNull();
    expect(status).toBe(1);
    expect(stderr).toContain('took longer than 0.001 s, the budget of one input, and was stopped');
    expect(stderr).toContain('0 of 8 briefings written');
  });
});

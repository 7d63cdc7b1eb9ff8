// No partial files: outputs appear whole or not at all, also when a run is interrupted or killed mid-batch.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomicWrite.js';
import { pageCount } from '../helpers/pdfTools.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const CLI = join(ROOT, 'bin/briefing.js');

/** A batch big enough to be interrupted halfway: 12 copies of the samples. */
function bigBatch(): { inputs: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'briefing-interrupt-'));
  const inputs = join(root, 'in');
  mkdirSync(inputs);
  for (let copy = 0; copy < 12; copy += 1)
    for (const sample of SAMPLES) copyFileSync(sample.path, join(inputs, `c${copy}-${sample.file}`));
  return { inputs, out: join(root, 'out') };
}

/** Starts a build and sends `signal` once the first PDF exists; resolves with the exit code or signal. */
function interruptBuild(signal: NodeJS.Signals, batch: { inputs: string; out: string }): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'build', batch.inputs, '-o', batch.out], { stdio: 'ignore' });
    const deadline = setTimeout(
      () => reject(new Error('the build neither finished nor could be interrupted in 60 s')),
      60_000,
    );
    const poll = setInterval(() => {
      if (existsSync(batch.out) && readdirSync(batch.out).some((name) => name.endsWith('.pdf'))) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    child.on('exit', (code, received) => {
      clearInterval(poll);
      clearTimeout(deadline);
      resolve(received ?? code ?? -1);
    });
  });
}

function expectOnlyWholeOutputs(out: string, allowHiddenTemporaries: boolean): void {
  const names = readdirSync(out);
  const pdfs = names.filter((name) => name.endsWith('.pdf'));
  expect(pdfs.length).toBeGreaterThan(0);
  expect(pdfs.length).toBeLessThan(60);
  for (const pdf of pdfs) expect(pageCount(join(out, pdf)), pdf).toBe(1);
  for (const summary of names.filter((name) => name.endsWith('.summary.json')))
    expect(() => JSON.parse(readFileSync(join(out, summary), 'utf8'))).not.toThrow();
  const temporaries = names.filter((name) => name.endsWith('.tmp'));
  if (allowHiddenTemporaries) for (const name of temporaries) expect(name.startsWith('.')).toBe(true);
  else expect(temporaries).toEqual([]);
}

describe('writeFileAtomic', () => {
  it('replaces a file whole, leaving no temporary file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-atomic-'));
    const file = join(folder, 'a.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(readdirSync(folder)).toEqual(['a.json']);
  });

  it('names the path and the fix when the output folder cannot be made', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefing-atomic-'));
    writeFileSync(join(folder, 'file'), 'x');
    await expect(writeFileAtomic(join(folder, 'file', 'out.pdf'), 'x')).rejects.toMatchObject({
      code: 'OUTPUT_UNWRITABLE',
      file: join(folder, 'file', 'out.pdf'),
      hint: expect.stringContaining('-o'),
    });
  });
});

describe('interrupted batches', () => {
  it('SIGTERM mid-batch: exit 143, only whole PDFs and summaries, no temporary files', async () => {
    const batch = bigBatch();
    expect(await interruptBuild('SIGTERM', batch)).toBe(143);
    expectOnlyWholeOutputs(batch.out, false);
    // The command waited for its workers: nothing goes on writing into the folder after it has exited.
    const namesAtExit = readdirSync(batch.out).sort();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(readdirSync(batch.out).sort()).toEqual(namesAtExit);
  });

  it('SIGKILL mid-batch: only whole PDFs and summaries under their real names', async () => {
    const batch = bigBatch();
    expect(await interruptBuild('SIGKILL', batch)).toBe('SIGKILL');
    expectOnlyWholeOutputs(batch.out, true);
  });

  it('SIGTERM mid-archive: exit 143 after removing the staging folder (the signal handler of the session lock does not cut it short)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefing-interrupt-archive-'));
    const child = spawn(
      process.execPath,
      [CLI, 'archive', ...SAMPLES.map((sample) => sample.path), '--session', '测试', '--date', '2026-01-17', '-o', out],
      { stdio: 'ignore' },
    );
    const outcome = await new Promise<number | string>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error('the archive neither finished nor could be interrupted in 60 s')),
        60_000,
      );
      const poll = setInterval(() => {
        if (readdirSync(out).some((name) => name.endsWith('.tmp'))) {
          clearInterval(poll);
          child.kill('SIGTERM');
        }
      }, 10);
      child.on('exit', (code, received) => {
        clearInterval(poll);
        clearTimeout(deadline);
        resolve(received ?? code ?? -1);
      });
    });
    expect(outcome).toBe(143);
    expect(readdirSync(out)).toEqual([]);
  });
});

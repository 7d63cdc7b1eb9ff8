/** What the CLI writes to stdout and stderr during each test of the file, captured instead of printed. */
import { afterEach, beforeEach, vi } from 'vitest';

export function captureOutput(): { stdout: string; stderr: string } {
  const output = { stdout: '', stderr: '' };
  beforeEach(() => {
    output.stdout = '';
    output.stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output.stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((output.stderr += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return output;
}

import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeReport, readReport } from '../../src/ingest/readReport.js';
import { SAMPLES } from '../helpers/samples.js';

describe('readReport', () => {
  const sample = SAMPLES[4]!;
  const utf8 = readFileSync(sample.path);

  it('decodes GB18030 bytes to the same text as the UTF-8 original, and records the encoding', () => {
    const text = utf8.toString('utf8');
    const gb = iconv.encode(text, 'gb18030');
    expect(gb.equals(utf8)).toBe(false);
    const fromGb = decodeReport(sample.file, gb);
    expect(fromGb.encoding).toBe('gb18030');
    expect(fromGb.original).toBe(text);
    expect(decodeReport(sample.file, utf8).encoding).toBe('utf-8');
  });

  it('drops a UTF-8 byte-order mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(decodeReport(sample.file, withBom).original).toBe(utf8.toString('utf8'));
  });

  it('names the file in its errors', async () => {
    await expect(readReport('/no/such/report.txt')).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND', file: '/no/such/report.txt' });
    expect(() => decodeReport('empty.txt', Buffer.from('  \n'))).toThrowError(expect.objectContaining({ code: 'INPUT_EMPTY', file: 'empty.txt' }));
  });
});

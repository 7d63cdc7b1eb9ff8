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
    await expect(readReport('/no/such/report.txt')).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
      file: '/no/such/report.txt',
    });
    expect(() => decodeReport('empty.txt', Buffer.from('  \n'))).toThrowError(
      expect.objectContaining({ code: 'INPUT_EMPTY', file: 'empty.txt' }),
    );
  });
});

describe('a stray bad byte', () => {
  it('is replaced and said, not taken for another encoding', async () => {
    const { decodeReport } = await import('../../src/ingest/readReport.js');
    const { readFileSync } = await import('node:fs');
    const { SAMPLES } = await import('../helpers/samples.js');
    const good = readFileSync(SAMPLES[4]!.path);
    const at = good.indexOf(0x0a, 5000); // between two characters
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    const report = decodeReport('bad.txt', bad);
    expect(report.encoding).toBe('utf-8');
    expect(report.warnings).toEqual(['1 byte sequence was not valid UTF-8 and was replaced by �']);
    expect(report.original.length).toBe(good.toString('utf8').length + 1);
  });
});

import { describe, expect, it } from 'vitest';
import { parseChineseNumber, parseYear } from '../../src/extract/chineseNumbers.js';

describe('parseChineseNumber', () => {
  it('reads years digit by digit and counts by position', () => {
    expect(
      ['二〇二五', '二零二三', '十二', '二十一', '一百零五', '三千', '两百', '十', '三万五千'].map(parseChineseNumber),
    ).toEqual([2025, 2023, 12, 21, 105, 3000, 200, 10, 35000]);
  });

  it('gives nothing for what is not a numeral', () => {
    expect(['', '十二五规划', '二x', 'abc'].map(parseChineseNumber)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('parseYear', () => {
  it('takes years from 1949 to 2100 in either script, and nothing else', () => {
    expect(['2025', '二〇二五', '1948', '2101', '十二', '202'].map(parseYear)).toEqual([
      2025,
      2025,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

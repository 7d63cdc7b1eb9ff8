import { describe, expect, it } from 'vitest';
import { groupLines } from '../../../src/ingest/pdf/groupLines.js';
import { run } from './items.js';

describe('groupLines', () => {
  it('joins the runs of one baseline into a line, left to right, whatever order they were drawn in', () => {
    // As Chromium draws 项⽬总投资: a radical's glyph in a run of its own, a justification space, a baseline off by a hair.
    const lines = groupLines([run('总投资', 50, 700.2), run('项', 30, 700), run(' ', 40, 700), run('⽬', 40, 700)]);
    expect(lines.map((found) => found.text)).toEqual(['项⽬总投资']);
    expect(lines[0]).toMatchObject({ left: 30, right: 80, y: 700, size: 10 });
  });

  it('keeps a word space between Latin runs and drops the spacing a producer writes beside CJK', () => {
    expect(groupLines([run('R&D', 0, 500), run('spending', 18, 500)]).map((found) => found.text)).toEqual([
      'R&D spending',
    ]);
    expect(groupLines([run('2026 年 1 月 18 日 星期日', 0, 500)]).map((found) => found.text)).toEqual([
      '2026年1月18日星期日',
    ]);
  });

  it('cuts a baseline at a gutter into the lines of two columns, and orders baselines top to bottom', () => {
    const lines = groupLines([run('第二栏第一行', 114, 700), run('第一栏第二行', 0, 685), run('第一栏第一行', 0, 700)]);
    expect(lines.map((found) => found.text)).toEqual(['第一栏第一行', '第二栏第一行', '第一栏第二行']);
  });

  it('keeps a superscript or subscript on the line it belongs to', () => {
    const lines = groupLines([
      run('蓄水3000万m', 30, 700),
      run('3', 85, 704, 6),
      run('，PM', 88, 700),
      run('2.5', 108, 698, 6),
      run('下降', 117, 700),
    ]);
    expect(lines).toEqual([{ text: '蓄水3000万m3，PM2.5下降', left: 30, right: 137, y: 700, size: 10 }]);
  });
});

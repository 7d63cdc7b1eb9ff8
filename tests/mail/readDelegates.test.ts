// The delegates file: rows with line numbers whatever the line endings, blank lines or quoted line breaks; bad rows
// reported and set aside; a file without the three columns refused.
import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { isEmailAddress, parseDelegates } from '../../src/mail/readDelegates.js';

const REGIONS = ['屯留区', '沁源县', '沁水县'];

function parse(text: string) {
  return parseDelegates(Buffer.from(text), 'delegates.csv', REGIONS);
}

describe('parseDelegates', () => {
  it('reads name, email and regions in the session order; * is every region; both semicolons separate', () => {
    const { delegates, problems } = parse(
      'name,email,regions\n张伟,zhang@example.org,沁水县;沁源县\n李娜,li@example.org,*\n王芳,wang@example.org, 沁水县 ；屯留区 \n',
    );
    expect(problems).toEqual([]);
    expect(delegates).toEqual([
      { line: 2, name: '张伟', email: 'zhang@example.org', regions: ['沁源县', '沁水县'] },
      { line: 3, name: '李娜', email: 'li@example.org', regions: REGIONS },
      { line: 4, name: '王芳', email: 'wang@example.org', regions: ['屯留区', '沁水县'] },
    ]);
  });

  it('counts lines as an editor shows them: BOM, CRLF, blank lines and a quoted line break', () => {
    const text =
      '\uFEFFregions,name,email\r\n沁源县,张伟,zhang@example.org\r\n\r\n"沁水县;\r\n屯留区","李\r\n娜",li@example.org\r\n沁源县,王芳,wang@example\r\n';
    const { delegates, problems } = parse(text);
    expect(delegates.map((delegate) => [delegate.line, delegate.name, delegate.regions])).toEqual([
      [2, '张伟', ['沁源县']],
      [4, '李 娜', ['屯留区', '沁水县']],
    ]);
    expect(problems.map((problem) => problem.line)).toEqual([7]);
  });

  it('reports each bad row with its line number and what is wrong, and keeps the good ones', () => {
    const { delegates, problems } = parse(
      [
        'name,email,regions',
        '张伟,zhang@example.org,沁源县',
        ',nameless@example.org,沁源县',
        '李娜,li.na@,沁源县',
        '王芳,wang@example.org,长子县;沁源县',
        '赵磊,zhao@example.org,',
        '张伟二,ZHANG@example.org,沁水县',
        '孙丽,sun@example.org',
      ].join('\n'),
    );
    expect(delegates.map((delegate) => delegate.line)).toEqual([2]);
    expect(problems.map((problem) => [problem.line, problem.error.message])).toEqual([
      [3, 'skipped: no name'],
      [4, 'skipped: invalid e-mail address "li.na@"'],
      [5, 'skipped: not a region of this session: 长子县'],
      [6, 'skipped: no regions'],
      [7, 'skipped: a second row for ZHANG@example.org (the first is on line 2)'],
      [8, 'skipped: no regions'],
    ]);
    expect(problems[2]!.error.toLine()).toBe(
      'delegates.csv: line 5: skipped: not a region of this session: 长子县 (regions of this session: 屯留区; 沁源县; 沁水县 (or * for all))',
    );
    expect(problems.every((problem) => problem.error.code === 'INPUT_UNREADABLE')).toBe(true);
  });

  it('refuses a file without the name, email and regions columns', () => {
    expect(() => parse('名字,邮箱\n张伟,zhang@example.org\n')).toThrow(BriefingError);
    expect(() => parse('name,email\n张伟,zhang@example.org\n')).toThrow('the delegates file has no regions column');
    expect(() => parse('')).toThrow('has no name, email, regions column');
  });

  it('refuses a file that is not CSV, naming the line', () => {
    expect(() => parse('name,email,regions\n张伟,"zhang@example.org,沁源县\n')).toThrow(/not a readable CSV file/);
  });

  it('takes ordinary addresses and rejects malformed ones', () => {
    for (const address of ['a@example.org', 'first.last+tag@mail.example.com.cn', 'x_y-z@sub-domain.example.org'])
      expect(isEmailAddress(address)).toBe(true);
    for (const address of [
      '',
      'plain',
      'a@b',
      'a b@example.org',
      '张伟@example.org',
      'a@example..org',
      '<a@example.org>',
      'a@example.org,b@example.org',
    ]) {
      expect(isEmailAddress(address)).toBe(false);
    }
  });
});

describe('delegates files as offices save them', () => {
  it('reads CSV saved by Excel on Chinese Windows: GBK, Chinese headers, regions separated by 、 or commas in quotes', async () => {
    const iconv = (await import('iconv-lite')).default;
    const text =
      '姓名,邮箱,地区\r\n张伟,zhang@example.org,沁水县、沁源县\r\n李娜,li@example.org,"屯留区,沁水县"\r\n王芳,wang@example.org,*\r\n';
    const { delegates, problems } = parseDelegates(iconv.encode(text, 'gbk'), 'delegates.csv', REGIONS);
    expect(problems).toEqual([]);
    expect(delegates).toEqual([
      { line: 2, name: '张伟', email: 'zhang@example.org', regions: ['沁源县', '沁水县'] },
      { line: 3, name: '李娜', email: 'li@example.org', regions: ['屯留区', '沁水县'] },
      { line: 4, name: '王芳', email: 'wang@example.org', regions: REGIONS },
    ]);
    expect(
      parseDelegates(iconv.encode('名字,电子邮件,区域\n赵敏,zhao@example.org,沁源县\n', 'gb18030'), 'd.csv', REGIONS)
        .delegates,
    ).toHaveLength(1);
  });

  it('reads the first sheet of an .xlsx workbook, with row numbers as lines', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-xlsx-')), '代表名单.xlsx');
    const cell = (value: string) => ({ value, type: String });
    await writeXlsxFile([
      [cell('姓名'), cell('电子邮件'), cell('地区')],
      [cell('张伟'), cell('zhang@example.org'), cell('沁水县；沁源县')],
      [cell('李娜'), cell('not-an-address'), cell('屯留区')],
    ]).toFile(file);
    const { readDelegates } = await import('../../src/mail/readDelegates.js');
    const { delegates, problems } = await readDelegates(file, REGIONS);
    expect(delegates).toEqual([{ line: 2, name: '张伟', email: 'zhang@example.org', regions: ['沁源县', '沁水县'] }]);
    expect(problems.map((problem) => [problem.line, problem.error.message])).toEqual([
      [3, 'skipped: invalid e-mail address "not-an-address"'],
    ]);
  });

  it('names the missing column, and the Chinese headers it takes', () => {
    expect(() => parse('姓名,地区\n张伟,沁水县\n')).toThrowError(
      expect.objectContaining({
        message: expect.stringContaining('no email column'),
        hint: expect.stringContaining('姓名,邮箱,地区'),
      }),
    );
  });
});

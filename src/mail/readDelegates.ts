/**
 * Reads the delegates file as offices keep it: CSV saved by Excel (UTF-8 with or without BOM, or GBK/GB18030 on
 * Chinese Windows, detected) or an .xlsx workbook (its first sheet), with the header `name,email,regions` in English
 * or Chinese (姓名, 邮箱/电子邮件, 地区). Regions are official region names of the session separated by `;`, `；`,
 * `、` or, inside a quoted cell, `,`; or `*` for all of them. A row that cannot be mailed (no name, an invalid
 * address, no region, a region the session does not have, a second row for the same address) is returned as a
 * problem with its line number; the other rows still proceed. A file that is not CSV at all, or lacks one of the
 * three columns, is a usage error.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { BriefingError } from '../errors.js';
import { decodeText } from '../ingest/decodeText.js';

export interface Delegate {
  /** Line of the delegates file the row starts on (the header is line 1). */
  line: number;
  name: string;
  email: string;
  /** Official region names, in the session's order. */
  regions: string[];
}

export interface DelegateProblem {
  line: number;
  name: string;
  email: string;
  error: BriefingError;
}

export interface DelegateList {
  delegates: Delegate[];
  problems: DelegateProblem[];
}

export const ALL_REGIONS = '*';
const COLUMNS = ['name', 'email', 'regions'] as const;
/** Header names of each column, as English and Chinese spreadsheets write them. */
const HEADERS: Record<(typeof COLUMNS)[number], string[]> = {
  name: ['name', '姓名', '名字', '代表姓名'],
  email: ['email', 'e-mail', 'mail', '邮箱', '电子邮件', '电子邮箱', '邮件地址', '邮箱地址'],
  regions: ['regions', 'region', '地区', '区域', '所属地区', '负责地区'],
};
/** What people type between region names in Chinese text; a comma only inside a quoted cell reaches here. */
const REGION_SEPARATOR = /[;；、,，]/;
/** The WHATWG "valid e-mail address", with at least one dot in the domain. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

export async function readDelegates(file: string, sessionRegions: readonly string[]): Promise<DelegateList> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new BriefingError('INPUT_NOT_FOUND', `delegates file not found: ${(error as Error).message}`, {
      file,
      field: '--delegates',
      cause: error,
    });
  }
  if (extname(file).toLowerCase() === '.xlsx')
    return delegatesOf(await workbookRows(bytes, file), file, sessionRegions);
  return parseDelegates(bytes, file, sessionRegions);
}

/** A CSV delegates file's bytes, in whatever encoding Excel saved them. */
export function parseDelegates(bytes: Buffer, file: string, sessionRegions: readonly string[]): DelegateList {
  let utf8: Buffer;
  try {
    utf8 = Buffer.from(decodeText(file, bytes).text);
  } catch (error) {
    throw new BriefingError('INPUT_UNREADABLE', `not a readable CSV file: ${(error as Error).message}`, {
      file,
      hint: 'save it from Excel as CSV (UTF-8 or GBK) or as .xlsx',
      cause: error,
    });
  }
  return delegatesOf(parseRows(utf8, file), file, sessionRegions);
}

function delegatesOf(rows: Row[], file: string, sessionRegions: readonly string[]): DelegateList {
  const header = rows.shift();
  const columnOf = columnsOf(header?.record ?? [], file);
  const delegates: Delegate[] = [];
  const problems: DelegateProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, line } of rows) {
    const [name, email, regions] = COLUMNS.map((column) =>
      (record[columnOf[column]] ?? '').replace(/\s+/g, ' ').trim(),
    ) as [string, string, string];
    if (!name && !email && !regions) continue;
    const regionProblems = regionMistakes(regions, sessionRegions);
    const mistakes = [...rowMistakes(name, email), ...regionProblems];
    const first = firstLineOf.get(email.toLowerCase());
    if (first !== undefined) mistakes.push(`a second row for ${email} (the first is on line ${first})`);
    if (mistakes.length > 0) {
      const error = new BriefingError('INPUT_UNREADABLE', `skipped: ${mistakes.join('; ')}`, {
        file,
        field: `line ${line}`,
        hint:
          regionProblems.length > 0
            ? `regions of this session: ${sessionRegions.join('; ')} (or ${ALL_REGIONS} for all)`
            : undefined,
      });
      problems.push({ line, name, email, error });
      continue;
    }
    firstLineOf.set(email.toLowerCase(), line);
    delegates.push({ line, name, email, regions: regionsOf(regions, sessionRegions) });
  }
  return { delegates, problems };
}

/** The first sheet of a workbook as rows of text; a row's line is its row number in the sheet. */
async function workbookRows(bytes: Buffer, file: string): Promise<Row[]> {
  const { readSheet } = await import('read-excel-file/node');
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(bytes)) as unknown[][];
  } catch (error) {
    throw new BriefingError('INPUT_UNREADABLE', `not a readable .xlsx workbook: ${(error as Error).message}`, {
      file,
      hint: 'save it again from Excel as .xlsx, or as CSV',
      cause: error,
    });
  }
  return sheet.map((cells, index) => ({
    record: cells.map((cell) => (cell === null || cell === undefined ? '' : String(cell).trim())),
    line: index + 1,
  }));
}

interface Row {
  record: string[];
  /** Line the record starts on. */
  line: number;
}

/** Records with the line each starts on, counted from byte offsets (csv-parse counts lines at a record's end). */
function parseRows(bytes: Buffer, file: string): Row[] {
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(bytes, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new BriefingError('INPUT_UNREADABLE', `not a readable CSV file: ${(error as Error).message}`, {
      file,
      field: line === undefined ? undefined : `line ${line}`,
      hint: 'save it as UTF-8 CSV with the header name,email,regions',
      cause: error,
    });
  }
  let end = 0;
  return parsed.map(({ record, info }) => {
    const start = skipBlank(bytes, end);
    end = info.bytes;
    return { record, line: lineAt(bytes, start) };
  });
}

function skipBlank(bytes: Buffer, offset: number): number {
  let position = offset;
  while (position < bytes.length && [0x0a, 0x0d, 0x20, 0x09].includes(bytes[position]!)) position += 1;
  return position;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let position = 0; position < offset; position += 1) if (bytes[position] === 0x0a) line += 1;
  return line;
}

function columnsOf(header: string[], file: string): Record<(typeof COLUMNS)[number], number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const indexOf = (column: (typeof COLUMNS)[number]): number =>
    names.findIndex((name) => HEADERS[column].includes(name));
  const missing = COLUMNS.filter((column) => indexOf(column) < 0);
  if (missing.length > 0) {
    throw new BriefingError(
      'USAGE',
      `the delegates file has no ${missing.join(', ')} column (header: ${header.join(',') || 'none'})`,
      {
        file,
        field: 'line 1',
        hint: 'the first line must be the header name,email,regions (or 姓名,邮箱,地区)',
      },
    );
  }
  return { name: indexOf('name'), email: indexOf('email'), regions: indexOf('regions') };
}

function rowMistakes(name: string, email: string): string[] {
  return [
    name ? '' : 'no name',
    isEmailAddress(email) ? '' : email ? `invalid e-mail address "${email}"` : 'no e-mail address',
  ].filter(Boolean);
}

function regionMistakes(regions: string, sessionRegions: readonly string[]): string[] {
  const names = splitRegions(regions);
  if (names.length === 0) return ['no regions'];
  if (names.includes(ALL_REGIONS)) return [];
  const unknown = names.filter((name) => !sessionRegions.includes(name));
  return unknown.length > 0 ? [`not a region of this session: ${unknown.join(', ')}`] : [];
}

function regionsOf(regions: string, sessionRegions: readonly string[]): string[] {
  const names = splitRegions(regions);
  return names.includes(ALL_REGIONS) ? [...sessionRegions] : sessionRegions.filter((name) => names.includes(name));
}

function splitRegions(regions: string): string[] {
  return regions
    .split(REGION_SEPARATOR)
    .map((name) => name.trim())
    .filter(Boolean);
}

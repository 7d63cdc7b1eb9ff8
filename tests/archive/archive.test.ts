// Session archives: reproducible bytes whatever the clock, a verifiable manifest, a bound book with bookmarks,
// PDF structure checked by qpdf, no rewrite of an unchanged session, and reviewed summaries winning over reports.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildArchive, type ArchiveResult } from '../../src/archive/buildArchive.js';
import { verifyArchive } from '../../src/archive/verifyArchive.js';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { SAMPLES } from '../helpers/samples.js';

const REPORTS = SAMPLES.map((sample) => sample.path);
const SESSION = '长治两会';
const DATE = '2026-01-17';

async function archiveInto(files: string[], options: { pdfa?: boolean } = {}): Promise<ArchiveResult> {
  return buildArchive({
    files,
    session: SESSION,
    date: DATE,
    outDir: mkdtempSync(join(tmpdir(), 'briefing-archive-')),
    ...options,
  });
}

function qpdfCheck(pdf: string): string {
  return execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
}

afterEach(() => vi.useRealTimers());

describe('archive', () => {
  let first: ArchiveResult;
  let second: ArchiveResult;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-05-05T12:00:00Z') });
    first = await archiveInto(REPORTS);
    vi.setSystemTime(new Date('2040-12-31T23:59:59Z'));
    second = await archiveInto(REPORTS);
    vi.useRealTimers();
  });

  it('puts one PDF and one summary per region, a manifest and a book into <date>-<session>/', () => {
    expect(first.status).toBe('created');
    expect(first.folder).toMatch(/2026-01-17-长治两会$/);
    expect(readdirSync(first.folder!).sort()).toEqual(
      [
        ...first.manifest!.regions.flatMap((region) => [region.pdf.path, region.summary.path]),
        'book.pdf',
        'manifest.json',
      ].sort(),
    );
    expect(first.manifest!.regions.map((region) => region.code)).toEqual([
      '140404',
      '140405',
      '140423',
      '140431',
      '140521',
    ]);
    expect(first.manifest!.regions.map((region) => region.name)).toEqual([
      '上党区',
      '屯留区',
      '襄垣县',
      '沁源县',
      '沁水县',
    ]);
  });

  it('gives byte-identical PDFs and book in two runs with different folders and clocks', () => {
    const hashes = (result: ArchiveResult) => [
      ...result.manifest!.regions.map((region) => region.pdf.sha256),
      result.manifest!.book.sha256,
    ];
    expect(hashes(second)).toEqual(hashes(first));
    expect(second.manifest).toEqual(first.manifest);
  });

  it('verify passes, and fails after one byte of one PDF changes, or a file goes missing or appears', () => {
    expect(verifyArchive(first.folder!)).toMatchObject({ ok: true, checked: 11 });
    const victim = join(first.folder!, first.manifest!.regions[2]!.pdf.path);
    const bytes = readFileSync(victim);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0x01;
    writeFileSync(victim, bytes);
    writeFileSync(join(first.folder!, 'stray.txt'), 'x');
    expect(verifyArchive(first.folder!)).toMatchObject({
      ok: false,
      altered: [first.manifest!.regions[2]!.pdf.path],
      extra: ['stray.txt'],
      missing: [],
    });
  });

  it('binds cover, contents, the regions side by side and one page per region, with one bookmark for each', async () => {
    const book = join(second.folder!, 'book.pdf');
    const document = await getDocument({ data: new Uint8Array(readFileSync(book)), useSystemFonts: false }).promise;
    expect(document.numPages).toBe(2 + 1 + 5);
    const outline = await document.getOutline();
    expect(outline.map((item) => item.title)).toEqual([
      '各地区主要指标对照',
      '上党区',
      '屯留区',
      '襄垣县',
      '沁源县',
      '沁水县',
    ]);
    for (const [index, item] of outline.entries()) {
      const destination = typeof item.dest === 'string' ? await document.getDestination(item.dest) : item.dest;
      expect(await document.getPageIndex(destination![0] as never)).toBe(2 + index);
    }
    expect(await document.getPageLabels()).toEqual([
      '封面',
      '目录',
      '对照',
      '上党区',
      '屯留区',
      '襄垣县',
      '沁源县',
      '沁水县',
    ]);
    const comparison = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '3', '-l', '3', book, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    // 沁水县 is of 晋城市: no common parent names the page.
    expect(comparison).toMatch(/^各地区主要指标对照5个地区/);
    for (const name of ['上党区', '屯留区', '襄垣县', '沁源县', '沁水县']) expect(comparison).toContain(name);
    const metadata = await document.getMetadata();
    expect(metadata.info).toMatchObject({ Title: '长治两会 简报汇编', Creator: 'briefing', Language: 'zh-CN' });
  });

  it('writes metadata in every briefing: title, issuing body, subject, keywords, creator, language', async () => {
    const region = second.manifest!.regions.find((entry) => entry.name === '沁水县')!;
    const document = await getDocument({ data: new Uint8Array(readFileSync(join(second.folder!, region.pdf.path))) })
      .promise;
    const info = (await document.getMetadata()).info as unknown as Record<string, string>;
    expect(info).toMatchObject({ Author: '沁水县人民政府', Creator: 'briefing', Language: 'zh-CN' });
    expect(info.Title).toContain('沁水县');
    expect(info.Subject).toContain('沁水县第十七届人民代表大会第四次会议');
    expect(info.Keywords).toContain('煤层气');
  });

  it('passes qpdf --check for every PDF', () => {
    for (const name of readdirSync(second.folder!).filter((file) => file.endsWith('.pdf'))) {
      expect(qpdfCheck(join(second.folder!, name))).toContain('No syntax or stream encoding errors found');
    }
  });
});

describe('archive --pdfa', () => {
  it('writes PDF/A-2b identification and an output intent, and passes qpdf --check', async () => {
    const result = await archiveInto(REPORTS.slice(0, 2), { pdfa: true });
    for (const name of readdirSync(result.folder!).filter((file) => file.endsWith('.pdf'))) {
      const pdf = join(result.folder!, name);
      expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors found');
      const metadata = execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
      expect(metadata).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(metadata).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(readFileSync(pdf).includes('/OutputIntents')).toBe(true);
    }
  });
});

describe('archive re-runs', () => {
  it('rewrites nothing for an unchanged session and lists what changed for a changed one', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-rerun-'));
    const input = join(mkdtempSync(join(tmpdir(), 'briefing-rerun-in-')), 'qinshui.txt');
    copyFileSync(SAMPLES[4]!.path, input);
    const options = { files: [input, SAMPLES[0]!.path], session: SESSION, date: DATE, outDir };
    const created = await buildArchive(options);
    const pdf = join(created.folder!, created.manifest!.regions[1]!.pdf.path);
    const before = statSync(pdf).mtimeMs;

    const again = await buildArchive(options);
    expect(again.status).toBe('unchanged');
    expect(statSync(pdf).mtimeMs).toBe(before);

    writeFileSync(input, readFileSync(input, 'utf8').replace('地区生产总值完成426.8亿元', '地区生产总值完成427.0亿元'));
    const changed = await buildArchive(options);
    expect(changed.status).toBe('updated');
    expect(changed.changes).toEqual(['changed 沁水县: source report, summary, PDF']);
    expect(verifyArchive(changed.folder!).ok).toBe(true);
  });

  it('lets a reviewed summary win over the report of the same region', async () => {
    const reviewedDir = mkdtempSync(join(tmpdir(), 'briefing-reviewed-'));
    const summary = await extractSummary(await readReport(SAMPLES[4]!.path));
    const reviewedFile = join(reviewedDir, 'qinshui.summary.json');
    writeFileSync(reviewedFile, JSON.stringify({ ...summary, title: '沁水县政府工作报告（审定稿）' }));
    const result = await archiveInto([SAMPLES[4]!.path, reviewedFile]);
    const region = result.manifest!.regions[0]!;
    expect(JSON.parse(readFileSync(join(result.folder!, region.summary.path), 'utf8')).title).toBe(
      '沁水县政府工作报告（审定稿）',
    );
  });

  it('writes no archive at all when an input fails', async () => {
    const badDir = mkdtempSync(join(tmpdir(), 'briefing-bad-'));
    writeFileSync(join(badDir, 'nothing.txt'), '没有地名的文字。');
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-archive-bad-'));
    const result = await buildArchive({
      files: [SAMPLES[0]!.path, join(badDir, 'nothing.txt')],
      session: SESSION,
      date: DATE,
      outDir,
    });
    expect(result.status).toBe('failed');
    expect(result.failures[0]!.error).toMatchObject({ code: 'REGION_NOT_FOUND', file: join(badDir, 'nothing.txt') });
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('an archive a person changed', () => {
  it('rewrites an altered PDF, keeps a summary edited in the folder (and on later runs), and verifies after', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-repair-'));
    const options = { files: SAMPLES.slice(0, 2).map((sample) => sample.path), session: SESSION, date: DATE, outDir };
    const created = await buildArchive(options);
    const folder = created.folder!;
    const [first, second] = created.manifest!.regions;
    // A PDF damaged, and a summary corrected by hand in place.
    writeFileSync(join(folder, second!.pdf.path), 'not a pdf');
    const summaryFile = join(folder, first!.summary.path);
    const edited = JSON.parse(readFileSync(summaryFile, 'utf8'));
    edited.title = '审定稿：上党区政府工作报告';
    writeFileSync(summaryFile, JSON.stringify(edited, null, 2));
    expect(verifyArchive(folder).ok).toBe(false);

    const repaired = await buildArchive(options);
    expect(repaired.status).toBe('updated');
    expect(repaired.changes.join(' ')).toContain(`repaired what was changed by hand: ${second!.pdf.path}`);
    expect(repaired.warnings.join(' ')).toContain('kept the summary edited in the session folder');
    expect(verifyArchive(folder).ok).toBe(true);
    expect(JSON.parse(readFileSync(summaryFile, 'utf8')).title).toBe('审定稿：上党区政府工作报告');
    expect(repaired.manifest!.regions[0]).toMatchObject({ reviewed: true });
    expect(execFileSync('pdftotext', [join(folder, first!.pdf.path), '-'], { encoding: 'utf8' })).toContain('审定稿');

    // The next run does not put the extraction back over the person's summary, and rewrites nothing.
    const again = await buildArchive(options);
    expect(again.status).toBe('unchanged');
    expect(JSON.parse(readFileSync(summaryFile, 'utf8')).title).toBe('审定稿：上党区政府工作报告');
  });
});

// What `briefing serve` lists and where a save goes when the region is the person's: a report the extractor refused
// is listed with its candidates until a region is picked; a changed region renames the files `build` named.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadReviewSet,
  type ReviewDocument,
  reviewedSummary,
  saveReview,
  settleRegion,
} from '../../src/review/reviewSet.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { validateSummary } from '../../src/summary/validateSummary.js';

const AT = new Date('2026-12-01T10:00:00.000Z');
/** Two counties named alike, and nothing else: the extractor cannot tell whose text it is. */
const TWO_COUNTIES = '沁源县与襄垣县签署合作协议。沁源县、襄垣县共建园区。';
/** A district's report (东营区), which a person may say is its city's (东营市). */
const DISTRICT_REPORT = '东营区人民政府工作报告\n全区经济平稳，东营区生产总值达到812.5亿元，增长6%，东营区项目加快。\n';

/** A folder with the given reports (neutral file names: the name is evidence of its own) and an empty output folder. */
function folderWith(files: Record<string, string>): { reports: string; out: string; path: (name: string) => string } {
  const reports = mkdtempSync(join(tmpdir(), 'briefing-reviewset-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(reports, name), text);
  return { reports, out: join(reports, 'out'), path: (name) => join(reports, name) };
}

function withRegion(document: ReviewDocument, code: string) {
  const summary = structuredClone(document.summary);
  summary.region = { ...summary.region, code };
  return { summary, origins: summary.figures.map((_, index) => index) };
}

function saved(document: ReviewDocument, code: string) {
  const reviewed = reviewedSummary(document, withRegion(document, code), '王芳', AT);
  if (!reviewed.summary) throw new Error(JSON.stringify(reviewed.issues));
  return saveReview(document, reviewed.summary, { loadedVersion: document.version });
}

const onDisk = (file: string): BriefingSummary => validateSummary(JSON.parse(readFileSync(file, 'utf8')), file);

describe('a report whose region the extractor refused', () => {
  it('is listed as unsettled with both counties as candidates, beside the reports that were read', async () => {
    const folder = folderWith({ 'cooperation.txt': TWO_COUNTIES, 'a-report.txt': DISTRICT_REPORT });
    const set = await loadReviewSet({ inputs: [folder.reports], outDir: folder.out });
    expect(set.failures).toEqual([]);
    expect(set.documents.map((document) => document.summary.region.name)).toEqual(['东营区']);
    expect(set.unsettled).toHaveLength(1);
    const [report] = set.unsettled;
    expect(report!.id).toMatch(/^unsettled-[0-9a-f]{12}$/);
    expect(report!.input).toBe(folder.path('cooperation.txt'));
    expect(report!.error.code).toBe('REGION_AMBIGUOUS');
    expect(report!.error.candidates!.map((candidate) => candidate.name).sort()).toEqual(['沁源县', '襄垣县']);
    expect(report!.source.original).toBe(TWO_COUNTIES);
  });

  it('is read with the region a person gave for it, as build is told it (--region, the project file)', async () => {
    const folder = folderWith({ 'cooperation.txt': `${TWO_COUNTIES}园区总投资12亿元，增长8%。` });
    const set = await loadReviewSet({
      inputs: [folder.reports],
      outDir: folder.out,
      extractOptions: () => ({ region: '襄垣县' }),
    });
    expect(set.unsettled).toEqual([]);
    expect(set.documents.map((document) => document.summary.region)).toEqual([
      expect.objectContaining({ name: '襄垣县', source: 'user' }),
    ]);
  });

  it('stays unsettled, saying why, when the region picked does not make it a report (no figures)', async () => {
    const folder = folderWith({ 'cooperation.txt': TWO_COUNTIES });
    const set = await loadReviewSet({ inputs: [folder.reports], outDir: folder.out });
    await expect(settleRegion(set, set.unsettled[0]!.id, '140431')).rejects.toMatchObject({
      code: 'INPUT_NOT_A_REPORT',
    });
    await expect(settleRegion(set, set.unsettled[0]!.id, '999999')).rejects.toMatchObject({ code: 'USAGE' });
    expect(set.unsettled).toHaveLength(1);
    expect(set.documents).toEqual([]);
  });

  it("becomes a region like the others once one is picked: extracted with it, recorded as the person's, saved as build names it", async () => {
    const folder = folderWith({ 'cooperation.txt': `${TWO_COUNTIES}园区总投资12亿元，增长8%。` });
    const set = await loadReviewSet({ inputs: [folder.reports], outDir: folder.out });
    const document = await settleRegion(set, set.unsettled[0]!.id, '140431', '王芳', AT);
    expect(set.unsettled).toEqual([]);
    expect(set.documents).toEqual([document]);
    expect(document.id).toBe('140431');
    expect(document.summary.region).toEqual({
      name: '沁源县',
      code: '140431',
      parent: '长治市',
      level: 'county',
      source: 'user',
      reviewed: { at: AT.toISOString(), by: '王芳' },
    });
    expect(document.report?.file).toBe(folder.path('cooperation.txt'));
    expect(document.summaryFile).toBe(join(folder.out, '140431-沁源县.summary.json'));

    const reviewed = reviewedSummary(document, withRegion(document, '140431'), '王芳', AT);
    await saveReview(document, reviewed.summary!, { loadedVersion: document.version });
    expect(onDisk(document.summaryFile).region).toMatchObject({
      code: '140431',
      source: 'user',
      reviewed: { by: '王芳' },
    });
    // Served again, the report is the region the person picked, not a refusal.
    const again = await loadReviewSet({ inputs: [folder.reports], outDir: folder.out });
    expect(again.unsettled).toEqual([]);
    expect(again.documents.map((loaded) => loaded.summaryFile)).toEqual([document.summaryFile]);
  });
});

describe('a region changed on the review page', () => {
  it('renames the files build named after the region, removes the old ones, and is found there when served again', async () => {
    const folder = folderWith({ 'a-report.txt': DISTRICT_REPORT });
    const set = await loadReviewSet({ inputs: [folder.reports], outDir: folder.out });
    const [document] = set.documents;
    // Saved once under the extracted region, as build would have written it.
    await saved(document!, '370502');
    expect(existsSync(join(folder.out, '370502-东营区.pdf'))).toBe(true);

    const result = await saved(document!, '370500');
    const file = join(folder.out, '370500-东营市.summary.json');
    expect(result.written).toEqual([file, join(folder.out, '370500-东营市.pdf')]);
    expect(existsSync(join(folder.out, '370502-东营区.summary.json'))).toBe(false);
    expect(existsSync(join(folder.out, '370502-东营区.pdf'))).toBe(false);
    const summary = onDisk(file);
    expect(summary.region).toMatchObject({
      name: '东营市',
      code: '370500',
      source: 'user',
      reviewed: { by: '王芳', extracted: { name: '东营区', code: '370502', source: 'text' } },
    });
    expect(summary.id).toBe('a-report');
    expect(document!.summaryFile).toBe(file);

    const again = await loadReviewSet({ inputs: [folder.reports], outDir: folder.out });
    expect(again.documents.map((loaded) => [loaded.summaryFile, loaded.summary.region.name])).toEqual([
      [file, '东营市'],
    ]);
  });

  it('will not overwrite another summary already named after the new region', async () => {
    const folder = folderWith({ 'a-report.txt': DISTRICT_REPORT });
    const [document] = (await loadReviewSet({ inputs: [folder.reports], outDir: folder.out })).documents;
    await saved(document!, '370502');
    const theirs = join(folder.out, '370500-东营市.summary.json');
    writeFileSync(theirs, '{"another": "summary"}\n');
    await expect(saved(document!, '370500')).rejects.toThrow(/370500-东营市\.summary\.json already exists/);
    expect(readFileSync(theirs, 'utf8')).toBe('{"another": "summary"}\n');
    expect(existsSync(join(folder.out, '370502-东营区.summary.json'))).toBe(true);
  });

  it('keeps the name of a summary file a person named', async () => {
    const folder = folderWith({ 'a-report.txt': DISTRICT_REPORT });
    const [extracted] = (await loadReviewSet({ inputs: [folder.reports], outDir: folder.out })).documents;
    await saved(extracted!, '370502');
    const mine = folder.path('东营的摘要.summary.json');
    copyFileSync(extracted!.summaryFile, mine);
    const [document] = (await loadReviewSet({ inputs: [mine], outDir: folder.out })).documents;
    const result = await saved(document!, '370500');
    expect(result.written[0]).toBe(mine);
    expect(onDisk(mine).region.name).toBe('东营市');
  });
});

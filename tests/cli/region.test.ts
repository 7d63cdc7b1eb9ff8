// Settling a report's region from the command line and the project file, end to end (bin/briefing.js, a fresh process
// in the project's folder as a person would run it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/samples.js';

const BIN = join(ROOT, 'bin/briefing.js');
/** A report that names no region: a county's figures, 全县 and nothing else. */
const NAMELESS =
  '全县经济运行平稳，稳中有进。全县地区生产总值完成126亿元，增长5.1%。一般公共预算收入完成8.2亿元，增长6%。\n';
/** A report that could be either of two counties. */
const TWO_COUNTIES = '沁源县与襄垣县签署合作协议。沁源县、襄垣县共建园区，地区生产总值完成126亿元，增长5.1%。\n';

function run(folder: string, args: string[]): { status: number; json: { results: Array<Record<string, any>> } } {
  try {
    return {
      status: 0,
      json: JSON.parse(
        execFileSync(process.execPath, [BIN, ...args, '--json'], {
          cwd: folder,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      ),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, json: JSON.parse(failed.stdout || '{"results":[]}') };
  }
}

function office(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'briefing-region-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

const summaryOf = (folder: string, file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8'));

describe('the region a person gives', () => {
  it('refuses a report whose text does not settle it, offering the candidates and the command; --region settles it', () => {
    const folder = office({ 'report.txt': TWO_COUNTIES });
    const refused = run(folder, ['extract', 'report.txt', '-o', 'out']);
    expect(refused.status).toBe(1);
    const { error } = refused.json.results[0]!;
    expect(error.code).toBe('REGION_AMBIGUOUS');
    expect(error.candidates.map((candidate: { name: string }) => candidate.name).sort()).toEqual(['沁源县', '襄垣县']);
    expect(error.hint).toContain(`briefing build report.txt --region ${error.candidates[0].code}`);

    const settled = run(folder, ['extract', 'report.txt', '-o', 'out', '--region', '沁源']);
    expect(settled.status).toBe(0);
    expect(summaryOf(folder, settled.json.results[0]!.summary).region).toEqual({
      name: '沁源县',
      code: '140431',
      parent: '长治市',
      level: 'county',
      source: 'user',
    });
  });

  it('keeps a region a person gave on later runs without the flag (build finds the summary by its report)', () => {
    const folder = office({ 'report.txt': TWO_COUNTIES });
    expect(run(folder, ['extract', 'report.txt', '-o', 'out', '--region', '140431']).status).toBe(0);
    const rebuilt = run(folder, ['build', 'report.txt', '-o', 'out']);
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.json.results[0]).toMatchObject({ region: '沁源县', pdf: 'out/140431-沁源县.pdf', pages: 1 });
  });

  it('takes regions: from the project file by file name and glob, and build renders them', () => {
    const folder = office({
      'briefing.config.yaml': 'regions:\n  nameless.txt: 沁源县\n  屯留/*.txt: "140405"\n',
      'reports/nameless.txt': NAMELESS,
      '屯留/2026.txt': NAMELESS,
    });
    const built = run(folder, ['build', 'reports', '屯留', '-o', 'out']);
    expect(built.status).toBe(0);
    expect(built.json.results.map((result) => result.region)).toEqual(['沁源县', '屯留区']);
    expect(summaryOf(folder, built.json.results[1]!.summary).region.source).toBe('user');
    expect(built.json.results.every((result) => result.pages === 1)).toBe(true);
  });

  it('reads the region from the file name when the text does not say, and says so', () => {
    const folder = office({ '沁源县.txt': NAMELESS });
    const { json } = run(folder, ['extract', '沁源县.txt', '-o', 'out']);
    const summary = summaryOf(folder, json.results[0]!.summary);
    expect(summary.region).toMatchObject({ name: '沁源县', source: 'file-name' });
    expect(summary.warnings.join('\n')).toContain('region decided by the file name 沁源县.txt');
  });

  it('limits candidates to the scope: of the project file, and stops at once on a scope the gazetteer lacks', () => {
    const folder = office({
      'briefing.config.yaml': 'scope: 长治市\n',
      'report.txt':
        '全县学习宁远的经验，沁源生产总值增长5%，完成126亿元，沁源煤层气产业壮大，沁源旅游提质，宁远的经验好，宁远经济平稳。\n',
    });
    const { json } = run(folder, ['extract', 'report.txt', '-o', 'out']);
    expect(summaryOf(folder, json.results[0]!.summary).region).toMatchObject({ name: '沁源县', source: 'scope' });
    const typo = office({ 'briefing.config.yaml': 'scope: 长治州\n', 'report.txt': NAMELESS });
    expect(run(typo, ['extract', 'report.txt', '-o', 'out']).status).toBe(2);
  });
});

// build --previous: last year's summaries or reports found by region, the pairs written into this year's summary and
// printed in the block 去年目标完成情况 of every template, within one page, with what is left off named.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { renderBriefing } from '../../src/pipeline/renderBriefing.js';
import type { BriefingSummary, Figure, TargetPair } from '../../src/summary/schema.js';
import { pageCount, text } from '../helpers/pdfTools.js';
import { SAMPLES } from '../helpers/samples.js';
import { captureOutput } from '../helpers/captureOutput.js';

const output = captureOutput();

// 沁水县's report reviews 2022: GDP 426.8亿元, growth 11.3%; 一般公共预算收入 40亿元. Last year's summary is written
// here with two targets for 2022, one met and one not.
const QINSHUI = SAMPLES[4]!;
let thisYear: BriefingSummary;
const target = (
  fields: Partial<Figure> & Pick<Figure, 'label' | 'value' | 'unit' | 'quote' | 'indicator'>,
): Figure => ({ valueText: String(fields.value), kind: 'target', year: 2022, ...fields });

function lastYearFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'briefing-previous-'));
  const lastYear: BriefingSummary = {
    ...thisYear,
    id: 'qinshui-2022',
    reviewYear: 2021,
    planYear: 2022,
    figures: [
      target({
        label: '地区生产总值增速',
        value: 8,
        unit: '%',
        qualifier: '以上',
        indicator: 'gdp',
        quote: '地区生产总值增长8%以上',
      }),
      target({
        label: '一般公共预算收入',
        value: 45,
        unit: '亿元',
        indicator: 'general_budget_revenue',
        quote: '一般公共预算收入达到45亿元',
      }),
    ],
  };
  writeFileSync(join(folder, '140521-沁水县.summary.json'), JSON.stringify(lastYear));
  return folder;
}

beforeAll(async () => {
  thisYear = await extractSummary(await readReport(QINSHUI.path));
});

describe('build --previous', () => {
  it('writes the pairs into the summary and prints them on the page', async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefing-previous-out-'));
    expect(await main(['build', QINSHUI.path, '--previous', lastYearFolder(), '-o', out, '--json'])).toBe(0);
    const [result] = JSON.parse(output.stdout).results;
    const summary = JSON.parse(readFileSync(result.summary, 'utf8')) as BriefingSummary;
    expect(
      summary.lastYearTargets!.pairs.map((pair) => [
        pair.indicator,
        pair.measure,
        pair.target.quote,
        pair.result?.value,
        pair.verdict,
      ]),
    ).toEqual([
      ['gdp', 'growth', '地区生产总值增长8%以上', 11.3, '完成'],
      ['general_budget_revenue', 'amount', '一般公共预算收入达到45亿元', 40, '未完成'],
    ]);
    const page = text(result.pdf).replace(/\s+/g, '');
    expect(page).toContain('去年目标完成情况');
    expect(page).toContain('地区生产总值增速增长8%以上增长11.3%完成');
    expect(page).toContain('一般公共预算收入45亿元40亿元未完成');
  });

  it('says so when last year has no report of the region', async () => {
    const folder = lastYearFolder();
    const other = JSON.parse(readFileSync(join(folder, '140521-沁水县.summary.json'), 'utf8')) as BriefingSummary;
    writeFileSync(
      join(folder, '140521-沁水县.summary.json'),
      JSON.stringify({ ...other, region: { name: '屯留区', code: '140405', parent: '长治市', level: 'district' } }),
    );
    const out = mkdtempSync(join(tmpdir(), 'briefing-previous-out-'));
    expect(await main(['build', QINSHUI.path, '--previous', folder, '-o', out, '--json'])).toBe(0);
    const [result] = JSON.parse(output.stdout).results;
    expect(result.warnings).toContain(
      "no report of last year about 沁水县 (140521) in --previous: last year's targets are not checked",
    );
    expect(JSON.parse(readFileSync(result.summary, 'utf8')).lastYearTargets).toBeUndefined();
  });

  it('stops before any work (exit 2) on a folder that is missing, empty, or holds two files of one region', async () => {
    const missing = join(tmpdir(), 'briefing-no-such-folder');
    expect(await main(['build', QINSHUI.path, '--previous', missing, '-o', join(tmpdir(), 'unused')])).toBe(2);
    expect(output.stderr).toContain(`${missing}: previous: last year's folder cannot be read`);
    const empty = mkdtempSync(join(tmpdir(), 'briefing-previous-'));
    expect(await main(['build', QINSHUI.path, '--previous', empty, '-o', join(tmpdir(), 'unused')])).toBe(2);
    expect(output.stderr).toContain("last year's folder holds no reports or summaries");
    const twice = lastYearFolder();
    writeFileSync(join(twice, 'copy.summary.json'), readFileSync(join(twice, '140521-沁水县.summary.json')));
    expect(await main(['build', QINSHUI.path, '--previous', twice, '-o', join(tmpdir(), 'unused')])).toBe(2);
    expect(output.stderr).toContain(
      "two of last year's files are about 沁水县 (140521): 140521-沁水县.summary.json and copy.summary.json",
    );
  });

  it("archive --previous: the session folder's summary and PDF carry the pairs, and verify stays green", async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefing-previous-archive-'));
    expect(
      await main([
        'archive',
        QINSHUI.path,
        '--session',
        '沁水两会',
        '--date',
        '2023-01-10',
        '-o',
        out,
        '--previous',
        lastYearFolder(),
        '--json',
      ]),
    ).toBe(0);
    const folder = join(out, '2023-01-10-沁水两会');
    const summary = JSON.parse(readFileSync(join(folder, '140521-沁水县.summary.json'), 'utf8')) as BriefingSummary;
    expect(summary.lastYearTargets!.pairs.map((pair) => pair.verdict)).toEqual(['完成', '未完成']);
    expect(text(join(folder, '140521-沁水县.pdf')).replace(/\s+/g, '')).toContain('一般公共预算收入45亿元40亿元未完成');
    output.stdout = '';
    expect(await main(['verify', folder])).toBe(0);
  });

  it('takes previous: from the project file, relative to it', async () => {
    const project = mkdtempSync(join(tmpdir(), 'briefing-previous-project-'));
    const lastYear = lastYearFolder();
    mkdirSync(join(project, 'out'));
    writeFileSync(
      join(project, 'briefing.config.json'),
      JSON.stringify({ previous: join('..', lastYear.split('/').pop()!), out: 'out' }),
    );
    const cwd = process.cwd();
    try {
      process.chdir(project);
      expect(await main(['build', QINSHUI.path, '--json'])).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const [result] = JSON.parse(output.stdout).results;
    expect(JSON.parse(readFileSync(result.summary, 'utf8')).lastYearTargets.pairs).toHaveLength(2);
  });
});

describe('the block 去年目标完成情况 on one page', () => {
  const pair = (index: number): TargetPair => ({
    indicator: 'gdp',
    year: 2022,
    measure: 'growth',
    target: {
      value: index,
      unit: '%',
      qualifier: '左右',
      label: `指标${index}增速`,
      quote: `指标${index}增长${index}%左右`,
    },
    result: { value: index, unit: '%', label: `指标${index}`, quote: `指标${index}增长${index}%` },
    verdict: '完成',
    reason: `实际${index}%，目标${index}%左右：不低于${index - 0.5}%`,
  });

  for (const template of ['handout', 'official', 'compact']) {
    it(`${template}: shows the pairs up to its limit and names every pair it leaves off`, async () => {
      const many = {
        ...thisYear,
        lastYearTargets: {
          previous: { file: 'last.txt', sha256: 'c'.repeat(64) },
          pairs: Array.from({ length: 12 }, (_, index) => pair(index + 1)),
        },
      };
      const rendered = await renderBriefing(many, { template });
      expect(rendered.pages).toBe(1);
      const shown = rendered.shown.attainment!;
      expect(shown).toBeGreaterThanOrEqual(1);
      const leftOff = rendered.trimmed.filter((line) => line.includes("last year's target"));
      expect(leftOff).toHaveLength(12 - shown);
      for (let index = shown + 1; index <= 12; index += 1)
        expect(
          leftOff.some((line) => line.includes(`“指标${index}增速 增长${index}%左右：完成”`)),
          `pair ${index}`,
        ).toBe(true);
      const folder = mkdtempSync(join(tmpdir(), 'briefing-previous-pdf-'));
      const file = join(folder, 'page.pdf');
      writeFileSync(file, rendered.pdf);
      expect(pageCount(file)).toBe(1);
      const page = text(file).replace(/\s+/g, '');
      expect(page).toContain('去年目标完成情况');
      expect(page).toContain(`指标${shown}增速增长${shown}%左右增长${shown}%完成`);
      expect(page).not.toContain(`指标${shown + 1}增速`);
    });
  }

  const statedAttainment = [
    {
      says: '完成' as const,
      statement: '圆满完成年初确定的目标任务',
      quote: '过去一年，我们圆满完成年初确定的目标任务。',
    },
    {
      says: '未完成' as const,
      statement: '部分经济指标完成情况不及预期',
      quote: '主要是：部分经济指标完成情况不及预期。',
    },
  ];

  for (const template of ['handout', 'official', 'compact']) {
    it(`${template}: quotes what the report says itself about the targets under the pairs, still on one page`, async () => {
      const said = {
        ...thisYear,
        statedAttainment,
        lastYearTargets: {
          previous: { file: 'last.txt', sha256: 'c'.repeat(64) },
          pairs: Array.from({ length: 12 }, (_, index) => pair(index + 1)),
        },
      };
      const rendered = await renderBriefing(said, { template });
      const folder = mkdtempSync(join(tmpdir(), 'briefing-previous-said-'));
      writeFileSync(join(folder, 'page.pdf'), rendered.pdf);
      expect(pageCount(join(folder, 'page.pdf'))).toBe(1);
      expect(text(join(folder, 'page.pdf')).replace(/\s+/g, '')).toContain(
        '报告自述：“圆满完成年初确定的目标任务”；“部分经济指标完成情况不及预期”',
      );
    });
  }

  it('prints no block when there are no pairs, whatever the report says itself', async () => {
    const rendered = await renderBriefing({ ...thisYear, statedAttainment }, { template: 'handout' });
    const folder = mkdtempSync(join(tmpdir(), 'briefing-previous-pdf-'));
    writeFileSync(join(folder, 'page.pdf'), rendered.pdf);
    expect(text(join(folder, 'page.pdf'))).not.toContain('报告自述');
  });

  it('prints no block when there are no pairs', async () => {
    const rendered = await renderBriefing(thisYear, { template: 'handout' });
    const folder = mkdtempSync(join(tmpdir(), 'briefing-previous-pdf-'));
    writeFileSync(join(folder, 'page.pdf'), rendered.pdf);
    expect(text(join(folder, 'page.pdf'))).not.toContain('去年目标完成情况');
  });
});

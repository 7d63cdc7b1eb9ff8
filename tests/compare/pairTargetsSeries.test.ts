// Last year's targets against this year's results on a real pair of reports: 海拉尔区's 2018 work report (GB18030,
// CRLF) sets the targets for 2018; its 2019 report states the results for 2018. Both are read from ../shared/corpus
// through the real extractor, never copied here; without them this file skips, saying so.
//
// Expected pairs, by reading both texts (2018 report, 主要预期目标; 2019 report, 2018 in review):
//   地区生产总值增长6%左右          ↔ 全年地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%  → 完成 (6.0 ≥ 5.5)
//   一般公共预算收入增长6%          ↔ the 2019 report gives no 2018 budget revenue                → 无可比数据
//   城乡居民人均可支配收入分别增长7.5% ↔ 城乡常住居民人均可支配收入…同比分别增长6.5%、9.4%
//                                     urban 6.5 < 7.5 → 未完成; rural 9.4 ≥ 7.5 → 完成
// The 2018 report's other numbers for 2018 (30座公厕, 2所幼儿园 …) have no catalogue indicator: no pair.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pairTargets } from '../../src/compare/pairTargets.js';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { decodeReport } from '../../src/ingest/readReport.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { ROOT } from '../helpers/samples.js';

const SHARED = join(ROOT, '../shared/corpus');
const REPORT_2018 = join(SHARED, 'series/hailaer-2018.txt');
const REPORT_2019 = join(SHARED, 'full/reports/01_hailaer.txt');
const present = existsSync(REPORT_2018) && existsSync(REPORT_2019);
if (!present)
  process.stderr.write(
    `tests/compare/pairTargetsSeries.test.ts: ${REPORT_2018} or ${REPORT_2019} is absent; the real series is not paired\n`,
  );

const extract = async (path: string): Promise<BriefingSummary> =>
  extractSummary(decodeReport(path, readFileSync(path)));

describe.skipIf(!present)("海拉尔区: the 2018 report's targets against the 2019 report's results", () => {
  let pairs: ReturnType<typeof pairTargets>['pairs'] = [];
  beforeAll(async () => {
    pairs = pairTargets({ previous: await extract(REPORT_2018), current: await extract(REPORT_2019) }).pairs;
  });

  it('pairs every target for 2018, with the verdicts checked by hand', () => {
    expect(
      pairs.map((pair) => [pair.indicator, pair.resultIndicator ?? null, pair.measure, pair.year, pair.verdict]),
    ).toEqual([
      ['gdp', null, 'growth', 2018, '完成'],
      ['general_budget_revenue', null, 'growth', 2018, '无可比数据'],
      ['disposable_income', 'urban_income', 'growth', 2018, '未完成'],
      ['disposable_income', 'rural_income', 'growth', 2018, '完成'],
    ]);
  });

  it('keeps both sentences, verbatim from each report', () => {
    expect(pairs[0]).toMatchObject({
      target: { value: 6, qualifier: '左右', quote: '地区生产总值增长6%左右' },
      result: { value: 6, quote: '全年地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%' },
    });
    expect(pairs[2]).toMatchObject({
      target: { value: 7.5, quote: '城乡居民人均可支配收入分别增长7.5%' },
      result: { value: 6.5 },
    });
    expect(pairs[3]!.result).toMatchObject({ value: 9.4 });
    const text2019 = readFileSync(REPORT_2019, 'utf8');
    for (const pair of pairs) if (pair.result) expect(text2019).toContain(pair.result.quote);
  });
});

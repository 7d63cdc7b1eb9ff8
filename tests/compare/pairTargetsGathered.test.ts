// Last year's targets against this year's results on pairs gathered for the project (issue 22). Each pair is one
// region's report (or a quoted sentence) setting the targets for year N and its next report stating the results for
// year N; one side is read from ../shared/corpus/cities (never copied here; without it the pair skips, saying so), the
// other is a text of our own corpus (tests/corpus/reports, sources in its golden files and README).
//
// Held out: the expected pairs below were written by reading both texts, before the extractor was run on them. Each
// row is a target of year N that the next report answers, with the verdict the README's rule gives (左右 lets a rate
// fall 0.5 point short). Targets the next report does not answer (无可比数据) are not listed, except where stated.
// Run afterwards (2026-12-06): 14 targets answered, 12 paired as expected; 武汉 (1) and 苏州's budget revenue (1) not
// paired, and 合肥 got two wrong verdicts besides its two right ones (新增就业参保大学生 read as 城镇新增就业; fixed since,
// headNouns: 参保) and 苏州's budget revenue is paired since its review year is found (resultStatements, and the short
// name of its session, sessionOpenings). What still differs is in `differs` in the table.
// Second batch run afterwards (2026-12-06, src/ and data/ frozen): 14 targets answered, 13 paired as expected, no
// answered target with a wrong verdict; 沈阳 5/5 (in the extractor's order: 规上工业 before 社零), 临沂 2/2 (the firm
// number, not the 力争), 南京 1/1, 衢州 3/3 with --region (refused without it: 衢州市 or 浙江省), 金华 2/3 — its FAI
// target is read as a 2023 actual, and three parts of trade come out as 进出口总额/出口总额 targets, three pairs that
// should not exist, each 完成. Fixed since as general rules: a causative verb makes 全年完成 of the plan part a target
// (带动全年完成, causativeVerbs), kinds of trade are parts (subcategoryWords), and a growth keeps its own qualifier
// (growthQualifier).
//
// 长沙市 2023→2024: targets-changsha-2023.txt (21世纪经济报道 quoting the 2023 report) ↔ city-002 (2024 report)
//   地区生产总值增长7%左右            ↔ 全市地区生产总值增长5%左右(预计数，下同)   → 未完成 (5 < 6.5)
//   规模以上工业增加值增长8%以上      ↔ 规模以上工业增加值增长6.5%左右             → 未完成 (6.5 < 8)
//   社会消费品零售总额增长7%          ↔ 社会消费品零售总额增长6%左右               → 未完成 (6 < 7)
// 武汉市 2023→2024: targets-wuhan-2023.txt (the same article: 武汉将2023年GDP增长目标定在6.5%以上) ↔ city-018
//   GDP增长目标定在6.5%以上           ↔ 经济增速逐季回升，…全年增长5.7%，地区生产总值突破2万亿元 → 未完成 (5.7 < 6.5)
// 嘉兴市 2024→2025: city-055 (二、2024年工作任务) ↔ nw-jiaxing-2025.txt (opening, traditional, pinyin glosses)
//   地区生产总值增长6%左右       ↔ 全市實現地區生產總值7569.5億元、增長5.6%   → 完成 (5.6 ≥ 5.5)
//   规上工业增加值增长6%以上     ↔ 規上工業增加值增長7.1%                     → 完成 (7.1 ≥ 6)
//   社会消费品零售总额增长5.5%以上 ↔ 社會消費品零售總額增長5.3%               → 未完成 (5.3 < 5.5)
//   (一般公共预算收入 is given as an amount, 638.7亿元, not as a growth: 无可比数据, as are the others listed.)
// 成都市 2024→2025: city-084 (主要预期目标) ↔ pr-chengdu-2025.txt (opening of the 2025 report, 澎湃 repost)
//   地区生产总值增长6%左右        ↔ 地区生产总值增长5.7%、达2.35万亿元   → 完成 (5.7 ≥ 5.5)
//   全社会固定资产投资增长6.5%    ↔ 固定资产投资增长7.3%                → 完成 (7.3 ≥ 6.5)
//   (社会消费品零售总额增长7%, 外贸进出口总额增长4.5%, 地方一般公共预算收入增长5.5%, 规模以上工业增加值增长6% …:
//   the opening stops before it answers them.)
// 合肥市 2024→2025: city-119 (主要预期目标) ↔ pr-hefei-2025.txt (摘要 of the 2025 report)
//   地区生产总值增长6%左右        ↔ 预计，地区生产总值增长5.8%左右      → 完成 (5.8 ≥ 5.5)
//   规模以上工业增加值增长8%      ↔ 规上工业增加值增长14.9%左右         → 完成 (14.9 ≥ 8)
//   (全社会研发投入强度4% answers no 2024 target: the 2024 report sets none for it.)
// 苏州市 2024→2025: city-005 (主要预期目标) ↔ pr-suzhou-2025.txt (news report, traditional, pinyin glosses)
//   地区生产总值增长5%以上              ↔ 地區生產總值2.67萬億元,增長6%左右       → 完成 (6 ≥ 5)
//   一般公共预算收入同口径增长4%左右    ↔ 一般公共預算收入2459.1億元,同口徑增長5.9% → 完成 (5.9 ≥ 3.5)
//   (规上工业增加值增长9%左右 and 进出口 answer no numeric 2024 target.)
// 宁波市 2024→2025: city-029 (主要预期目标) ↔ pr-ningbo-2025.txt (opening of the 2025 report, 宁波日报)
//   地区生产总值增长6%左右        ↔ 预计全年地区生产总值增长5.5%左右    → 完成 (5.5 ≥ 5.5)
//   (一般公共预算收入 and 城乡居民收入 were set "与经济增长同步", no number: the 5.1% and 8.2万元 answer nothing.)
// Held out, second batch (issue 22, pairs-2): five more regions whose 2025 texts nobody tuned the extractor on; the
// rows below were written by reading both texts before the extractor was run on either (goldens pr-* likewise).
// 沈阳市 2024→2025: city-078 (主要预期目标) ↔ pr-shenyang-2025.txt (opening of the 2024 plan-execution report read at
// the 2025 session by the city's 发展和改革委员会; it states the 2024 results)
//   地区生产总值增长6%以上        ↔ 预计全年,地区生产总值增长5.2%左右     → 未完成 (5.2 < 6)
//   一般公共预算收入增长6%        ↔ 一般公共预算收入可比增长4%           → 未完成 (4 < 6)
//   固定资产投资增长8%            ↔ 固定资产投资增长4%左右               → 未完成 (4 < 8)
//   社会消费品零售总额增长8%      ↔ 社会消费品零售总额增长4%左右         → 未完成 (4 < 8)
//   规模以上工业增加值增长7%      ↔ 规模以上工业增加值增长4.5%           → 未完成 (4.5 < 7)
//   (进出口总额增长6%, 研发经费投入增长10%, 能耗下降3.2%: not answered; 城乡居民收入 was set 与经济增长同步, no number.)
// 临沂市 2024→2025: city-092 (主要预期目标, each with a stretch 力争) ↔ pr-linyi-2025.txt (临沂日报 on the CPPCC's
// discussion of the 2025 report, quoting its 2024 results). The target is the firm number; 力争 is a stretch
// beyond it, not a second target (a delegate asks whether the target was met, not the stretch):
//   地区生产总值增长5.5%、力争6%以上   ↔ 全市预计生产总值增长6%左右、达到6600亿元 → 完成 (6 ≥ 5.5)
//   固定资产投资增长7%、力争9%以上     ↔ 固定资产投资增长5%左右                   → 未完成 (5 < 7)
//   (一般公共预算收入, 社会消费品零售总额, 居民人均可支配收入: not answered.)
// 金华市 2024→2025: city-052 (主要预期目标 and the plan part) ↔ pr-jinhua-2025.txt (opening of the 2025 report,
// 金华日报 e-paper)
//   地区生产总值增长6%左右                        ↔ 全市地区生产总值6925.5亿元、增长6.3% → 完成 (6.3 ≥ 5.5)
//   带动全年完成固定资产投资2700亿元、增长10%以上 ↔ 固定资产投资增长5.3%                → 未完成 (5.3 < 10)
//   带动外贸出口突破7000亿元                      ↔ 外贸出口7719.2亿元、增长16.4%        → 完成 (7719.2 ≥ 7000)
//   (the 2700亿元 itself, 规上工业增加值增长6%以上, 社会消费品零售总额增长6%以上, 失业率5%以内, 研发投入强度2.9%以上:
//   not answered; 跨境电商进出口额 and 服务贸易进出口总额 are parts of trade, not 进出口总额, and answer nothing.)
// 南京市 2024→2025: city-076 (主要预期目标) ↔ pr-nanjing-2025.txt (bilingual summary of the 2025 report)
//   地区生产总值增长5%以上        ↔ 全市地区生产总值预计增长4.5%左右    → 未完成 (4.5 < 5)
// 衢州市 2024→2025: city-017 (主要预期目标 and the plan part) ↔ pr-quzhou-2025.txt (衢州2024“成绩单” on a CCTV
// interview page with the party secretary)
//   地区生产总值增长7%左右        ↔ 预计全年GDP增长6.5%左右              → 完成 (6.5 ≥ 6.5)
//   固定资产投资增长10%以上       ↔ 固定资产投资增长9.4%                 → 未完成 (9.4 < 10)
//   规上工业总产值超过3200亿元    ↔ 规上工业总产值预计为3012.5亿元       → 未完成 (3012.5 < 3200)
//   (规上工业增加值增长8%以上: 总产值 and its four-year 增长了58.4% answer nothing; 外贸进出口总额增长15%以上: 外贸出口额
//   is a part of trade, not 进出口总额; 社会消费品零售总额: not answered.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pairTargets } from '../../src/compare/pairTargets.js';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { ROOT } from '../helpers/samples.js';

type Verdict = '完成' | '未完成';
/** indicator, measure, year, target value, target qualifier, result value, verdict. */
type Row = [string, 'growth' | 'amount' | 'level', number, number, string | null, number, Verdict];

interface GatheredPair {
  region: string;
  /** GB/T 2260 code, given as --region where a text names its region only in passing (a quoted sentence). */
  code?: string;
  years: [number, number];
  targets: string;
  results: string;
  /** The targets the next report answers, by reading both texts. */
  answered: Row[];
  /** Where written down by hand: the targets left 无可比数据, in order. */
  unanswered?: string[];
  /** Where written down by hand: the results' quotes (a string: equal; else contained). */
  resultQuotes?: Array<string | { contains: string }>;
  /** Where the extractor differs from the hand-checked pairs, the diagnosis: the expectation stays, the test is
   * expected to fail (it.fails), and turns red the day the extractor gets the pair right. */
  differs?: string;
}

const SHARED = join(ROOT, '../shared/corpus/cities/reports');
const OWN = join(ROOT, 'tests/corpus/reports');

const PAIRS: GatheredPair[] = [
  {
    region: '长沙市',
    code: '430100',
    years: [2023, 2024],
    targets: join(OWN, 'targets-changsha-2023.txt'),
    results: join(SHARED, 'city-002.txt'),
    answered: [
      ['gdp', 'growth', 2023, 7, '左右', 5, '未完成'],
      ['industrial_value_added', 'growth', 2023, 8, '以上', 6.5, '未完成'],
      ['retail_sales', 'growth', 2023, 7, null, 6, '未完成'],
    ],
    unanswered: [],
    resultQuotes: [
      { contains: '全市地区生产总值增长5%左右' },
      { contains: '规模以上工业增加值增长6.5%左右' },
      '社会消费品零售总额增长6%左右',
    ],
  },
  {
    region: '武汉市',
    code: '420100',
    years: [2023, 2024],
    targets: join(OWN, 'targets-wuhan-2023.txt'),
    results: join(SHARED, 'city-018.txt'),
    answered: [['gdp', 'growth', 2023, 6.5, '以上', 5.7, '未完成']],
    differs:
      'the target is read (增长目标定在, targetNouns), but the 2024 report states the 2023 growth as “经济增速逐季回升，' +
      '一季度增长4.5%，…，全年增长5.7%”: 经济增速 is not tied to GDP, and 全年 names no subject of its own',
  },
  {
    region: '嘉兴市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-055.txt'),
    results: join(OWN, 'nw-jiaxing-2025.txt'),
    answered: [
      ['gdp', 'growth', 2024, 6, '左右', 5.6, '完成'],
      ['industrial_value_added', 'growth', 2024, 6, '以上', 7.1, '完成'],
      ['retail_sales', 'growth', 2024, 5.5, '以上', 5.3, '未完成'],
    ],
    unanswered: [
      'general_budget_revenue',
      'fixed_asset_investment',
      'tertiary_industry',
      'foreign_investment',
      'urban_jobs',
      'unemployment_rate',
      'cpi',
      'rd_intensity',
    ],
  },
  {
    region: '成都市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-084.txt'),
    results: join(OWN, 'pr-chengdu-2025.txt'),
    answered: [
      ['gdp', 'growth', 2024, 6, '左右', 5.7, '完成'],
      ['fixed_asset_investment', 'growth', 2024, 6.5, null, 7.3, '完成'],
    ],
  },
  {
    region: '合肥市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-119.txt'),
    results: join(OWN, 'pr-hefei-2025.txt'),
    answered: [
      ['gdp', 'growth', 2024, 6, '左右', 5.8, '完成'],
      ['industrial_value_added', 'growth', 2024, 8, null, 14.9, '完成'],
    ],
  },
  {
    region: '苏州市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-005.txt'),
    results: join(OWN, 'pr-suzhou-2025.txt'),
    answered: [
      ['gdp', 'growth', 2024, 5, '以上', 6, '完成'],
      ['general_budget_revenue', 'growth', 2024, 4, '左右', 5.9, '完成'],
    ],
  },
  {
    region: '宁波市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-029.txt'),
    results: join(OWN, 'pr-ningbo-2025.txt'),
    answered: [['gdp', 'growth', 2024, 6, '左右', 5.5, '完成']],
  },
  {
    region: '沈阳市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-078.txt'),
    results: join(OWN, 'pr-shenyang-2025.txt'),
    answered: [
      ['gdp', 'growth', 2024, 6, '以上', 5.2, '未完成'],
      ['general_budget_revenue', 'growth', 2024, 6, null, 4, '未完成'],
      ['fixed_asset_investment', 'growth', 2024, 8, null, 4, '未完成'],
      ['industrial_value_added', 'growth', 2024, 7, null, 4.5, '未完成'],
      ['retail_sales', 'growth', 2024, 8, null, 4, '未完成'],
    ],
  },
  {
    region: '临沂市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-092.txt'),
    results: join(OWN, 'pr-linyi-2025.txt'),
    answered: [
      ['gdp', 'growth', 2024, 5.5, null, 6, '完成'],
      ['fixed_asset_investment', 'growth', 2024, 7, null, 5, '未完成'],
    ],
  },
  {
    region: '金华市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-052.txt'),
    results: join(OWN, 'pr-jinhua-2025.txt'),
    answered: [
      ['gdp', 'growth', 2024, 6, '左右', 6.3, '完成'],
      ['fixed_asset_investment', 'growth', 2024, 10, '以上', 5.3, '未完成'],
      ['exports', 'amount', 2024, 7000, null, 7719.2, '完成'],
    ],
  },
  {
    region: '南京市',
    years: [2024, 2025],
    targets: join(SHARED, 'city-076.txt'),
    results: join(OWN, 'pr-nanjing-2025.txt'),
    answered: [['gdp', 'growth', 2024, 5, '以上', 4.5, '未完成']],
  },
  {
    region: '衢州市',
    // Without --region the page is refused (it could be about 衢州市 or 浙江省: 浙江省两会, 浙江省人大代表): a refusal
    // with candidates, as designed, not a wrong region; the pairs are checked as a delegate would run it, --region 330800.
    code: '330800',
    years: [2024, 2025],
    targets: join(SHARED, 'city-017.txt'),
    results: join(OWN, 'pr-quzhou-2025.txt'),
    answered: [
      ['gdp', 'growth', 2024, 7, '左右', 6.5, '完成'],
      ['fixed_asset_investment', 'growth', 2024, 10, '以上', 9.4, '未完成'],
      ['industrial_output', 'amount', 2024, 3200, null, 3012.5, '未完成'],
    ],
  },
];

const present = (gathered: GatheredPair): boolean => {
  if (existsSync(gathered.targets) && existsSync(gathered.results)) return true;
  process.stderr.write(
    `tests/compare/pairTargetsGathered.test.ts: ${gathered.targets} or ${gathered.results} is absent; ` +
      `${gathered.region}'s ${gathered.years[0]} targets are not paired\n`,
  );
  return false;
};

describe.each(PAIRS.map((gathered) => ({ ...gathered, present: present(gathered) })))(
  '$region: the $years.0 targets against the $years.1 report',
  (gathered) => {
    let pairs: ReturnType<typeof pairTargets>['pairs'] = [];
    beforeAll(async () => {
      if (!gathered.present) return;
      const options = gathered.code ? { region: gathered.code } : {};
      pairs = pairTargets({
        previous: await extractSummary(await readReport(gathered.targets), options),
        current: await extractSummary(await readReport(gathered.results), options),
      }).pairs;
    });

    const answeredTitle = 'pairs every target the next report answers, with the verdicts checked by hand';
    const test = gathered.present ? (gathered.differs ? it.fails : it) : it.skip;
    test(gathered.differs ? `${answeredTitle} (the extractor differs: ${gathered.differs})` : answeredTitle, () => {
      const answered = pairs.filter((pair) => pair.verdict !== '无可比数据');
      expect(
        answered.map((pair) => [
          pair.indicator,
          pair.measure,
          pair.year,
          pair.target.value,
          pair.target.qualifier ?? null,
          pair.result?.value,
          pair.verdict,
        ]),
      ).toEqual(gathered.answered);
      if (gathered.unanswered)
        expect(pairs.filter((pair) => pair.verdict === '无可比数据').map((pair) => pair.indicator)).toEqual(
          gathered.unanswered,
        );
    });

    it.skipIf(!gathered.present)("quotes each side's own words", () => {
      const targetsText = readFileSync(gathered.targets, 'utf8');
      const resultsText = readFileSync(gathered.results, 'utf8');
      for (const pair of pairs) {
        expect(targetsText).toContain(pair.target.quote);
        if (pair.result) expect(resultsText).toContain(pair.result.quote);
      }
      if (gathered.resultQuotes)
        expect(pairs.map((pair) => pair.result?.quote)).toEqual(
          gathered.resultQuotes.map((quote) =>
            typeof quote === 'string' ? quote : expect.stringContaining(quote.contains),
          ),
        );
    });
  },
);

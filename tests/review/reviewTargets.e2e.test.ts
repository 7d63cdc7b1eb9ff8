/// <reference lib="dom" />
// Last year's targets on the review page, in a real browser: `briefing serve --previous` on 海拉尔区's reports of 2018
// and 2019 (../shared/corpus/series, read from there, never copied into the repository; skipped when absent). Each
// pair's two sentences side by side with the verdict, a verdict a person overrides, saved as reviewed.
// REVIEW_TARGETS_SCREENSHOT=docs/review-targets.png also saves the page.
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { CHROMIUM, CHROMIUM_ARGS, startServe } from '../helpers/reviewBrowser.js';
import { ROOT } from '../helpers/samples.js';

const SERIES = join(ROOT, '../shared/corpus/series');
const present = existsSync(join(SERIES, 'hailaer-2018.txt')) && existsSync(join(SERIES, 'hailaer-2019.txt'));
if (!present)
  process.stderr.write(
    `tests/review/reviewTargets.e2e.test.ts: ${SERIES} is absent; last year's targets are not reviewed in the browser\n`,
  );

let serve: ChildProcess;
let url: string;
let out: string;
let browser: Browser;
let page: Page;

describe.skipIf(!present)("last year's targets on the review page", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `no chromium at ${CHROMIUM}: run scripts/setup.sh (it installs Debian's chromium), or set CHROMIUM_PATH`,
      );
    const previous = join(mkdtempSync(join(tmpdir(), 'briefing-review-previous-')), '2018');
    mkdirSync(previous);
    copyFileSync(join(SERIES, 'hailaer-2018.txt'), join(previous, 'hailaer-2018.txt'));
    out = mkdtempSync(join(tmpdir(), 'briefing-review-targets-'));
    ({ child: serve, url } = await startServe([
      join(SERIES, 'hailaer-2019.txt'),
      '--previous',
      previous,
      '-o',
      out,
      '--reviewer',
      '测试员',
    ]));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForSelector('body[data-preview]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    serve?.kill('SIGTERM');
  });

  const pair = (index: number) => page.locator(`li.pair[data-pair="${index}"]`);

  it("shows each pair's two sentences side by side with the rule's verdict, and what the report says itself", async () => {
    await expect.poll(() => page.locator('li.pair').count()).toBe(4);
    expect(await pair(0).locator('.pair-target').textContent()).toContain('地区生产总值增长6%左右');
    expect(await pair(0).locator('.pair-result').textContent()).toContain('地区生产总值完成192.3亿元');
    expect(await pair(0).locator('select').inputValue()).toBe('完成');
    expect(await pair(0).locator('.hint').textContent()).toContain('目标6%左右');
    expect(await pair(1).locator('.pair-result').textContent()).toContain('今年的报告未给出可比的数字');
    expect(await pair(1).locator('select').inputValue()).toBe('无可比数据');
    expect(await page.locator('fieldset.attainment .stated').textContent()).toContain('圆满完成全年目标任务');
  });

  it("finds the result's figure in the report from its sentence", async () => {
    await pair(0).locator('button[data-action="locate-figure"]').click();
    await expect.poll(() => page.locator('li.figure.selected').count()).toBe(1);
    expect(await page.locator('li.figure.selected input[data-field="value"]').inputValue()).toBe('192.3');
  });

  it('opens a figure from its address, as a comparison cell gives it (#<region code>/figure/<index>)', async () => {
    const linked = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await linked.goto(`${url}#150702/figure/3`);
      await expect.poll(() => linked.locator('li.figure.selected').getAttribute('data-origin')).toBe('3');
      await expect.poll(() => linked.locator('#source-text mark.number.active').count()).toBeGreaterThan(0);
    } finally {
      await linked.close();
    }
  });

  it("lets a person override a verdict, saved as reviewed with the rule's verdict beside it", async () => {
    await pair(2).scrollIntoViewIfNeeded();
    const rule = await pair(2).locator('select').inputValue();
    expect(rule).toBe('未完成');
    await pair(2).locator('select').selectOption('完成');
    await expect.poll(() => pair(2).locator('.badge.edited').textContent()).toBe('已改判（按规则：未完成）');
    if (process.env.REVIEW_TARGETS_SCREENSHOT) await page.screenshot({ path: process.env.REVIEW_TARGETS_SCREENSHOT });
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 20_000 }).toMatch(/已保存/);
    const saved = JSON.parse(readFileSync(join(out, '150702-海拉尔区.summary.json'), 'utf8')) as BriefingSummary;
    const overridden = saved.lastYearTargets!.pairs[2]!;
    expect(overridden.verdict).toBe('完成');
    expect(overridden.reviewed).toMatchObject({ by: '测试员', extracted: { verdict: '未完成' } });
    expect(saved.lastYearTargets!.pairs.filter((other) => other.reviewed)).toHaveLength(1);
    expect(saved.statedAttainment!.map((statement) => statement.statement)).toEqual(['圆满完成全年目标任务']);
  });
});

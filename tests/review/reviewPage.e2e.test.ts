/// <reference lib="dom" />
// The review page in a real browser: Debian's chromium driven by playwright-core against `briefing serve` started as
// a user starts it (the built CLI, a free port, the URL it prints). scripts/setup.sh installs chromium.
// REVIEW_REGION_SCREENSHOT=docs/review-region.png also saves the page with the region search open.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, startServe } from '../helpers/reviewBrowser.js';
import { SAMPLES } from '../helpers/samples.js';

let serve: ChildProcess;
let url: string;
let out: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no chromium at ${CHROMIUM}: run scripts/setup.sh (it installs Debian's chromium), or set CHROMIUM_PATH`,
    );
  out = mkdtempSync(join(tmpdir(), 'briefing-review-'));
  ({ child: serve, url } = await startServe([SAMPLES[4]!.path, '-o', out, '--reviewer', '测试员']));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('body[data-preview]');
});

afterAll(async () => {
  await browser?.close();
  serve?.kill('SIGTERM');
});

/** Waits for the preview that follows the last edit to be drawn. */
async function nextPreview(action: () => Promise<void>, on: Page = page): Promise<void> {
  const before = Number((await on.getAttribute('body', 'data-preview')) ?? 0);
  await action();
  await on.waitForFunction((seen) => Number(document.body.dataset.preview) > seen, before);
}

const row = (index: number) => page.locator(`li.figure[data-index="${index}"]`);

describe('the review page', () => {
  it('opens on the region with its figures, its source text and a drawn preview', async () => {
    await expect.poll(() => page.locator('#region-list li').count()).toBe(1);
    expect(await page.locator('#region-list li').textContent()).toContain('沁水县');
    expect(await page.locator('li.figure').count()).toBeGreaterThan(10);
    expect(await page.locator('#source-text mark.number').count()).toBeGreaterThan(10);
    const width = await page.locator('#preview-canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width);
    expect(width).toBeGreaterThan(200);
    // 沁水县 has far more figures than a page prints: the page says so, in Chinese.
    expect(await page.locator('#trimmed').textContent()).toMatch(/只印排名前 \d+ 的数字/);
  });

  it("shows a figure's quote when the figure is chosen, and the figure when its number in the text is clicked", async () => {
    await row(2).locator('button[data-action="locate"]').click();
    const value = await row(2).locator('input[data-field="value"]').inputValue();
    const active = page.locator('#source-text mark.number.active');
    await active.first().waitFor();
    expect((await active.first().textContent())!.replace(/,/g, '')).toContain(value);

    const number = page.locator('#source-text mark.number[data-figure="5"]').first();
    await number.scrollIntoViewIfNeeded();
    await number.click();
    await expect.poll(() => row(5).getAttribute('class')).toMatch(/selected/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('figures.5.value');
  });

  it('redraws the preview after an edit, and shows a field error for what cannot be printed', async () => {
    const before = await page.locator('#preview-canvas').screenshot();
    await nextPreview(() => row(0).locator('input[data-field="value"]').fill('8888'));
    const after = await page.locator('#preview-canvas').screenshot();
    expect(after.equals(before)).toBe(false);

    await row(1).locator('input[data-field="value"]').fill('很多');
    await expect.poll(() => page.locator('[data-error-for="figures.1.value"]').textContent()).toBe('请输入数字');
    await row(1).locator('input[data-field="value"]').press('Escape');
    await expect.poll(() => page.locator('[data-error-for="figures.1.value"]').textContent()).toBe('');

    await row(1).locator('input[data-field="year"]').fill('1800');
    await expect.poll(() => page.locator('[data-error-for="figures.1.year"]').textContent()).toBe('不能小于 1949');
    await expect.poll(() => row(1).locator('input[data-field="year"]').getAttribute('class')).toMatch(/invalid/);
    await nextPreview(() => row(1).locator('input[data-field="year"]').press('Escape'));
  });

  it('hides a figure and moves one with the keyboard', async () => {
    const thirdLabel = await row(3).locator('input[data-field="label"]').inputValue();
    await nextPreview(() => row(3).locator('input[data-field="shown"]').uncheck());
    await expect.poll(() => row(3).getAttribute('class')).toMatch(/hidden-figure/);
    const secondOrigin = await row(2).getAttribute('data-origin');
    await nextPreview(async () => {
      await row(2).locator('input[data-field="label"]').focus();
      await page.keyboard.press('Alt+ArrowDown');
    });
    expect(await row(3).getAttribute('data-origin')).toBe(secondOrigin);
    expect(await row(2).locator('input[data-field="label"]').inputValue()).toBe(thirdLabel);
  });

  it('reorders figures by dragging', async () => {
    const origins = async () => Promise.all([4, 5, 6].map((index) => row(index).getAttribute('data-origin')));
    const [fourth, fifth, sixth] = await origins();
    await nextPreview(() => row(6).locator('.grip').dragTo(row(4)));
    expect(await origins()).toEqual([sixth, fourth, fifth]);
  });

  it("removes a highlight and adds it back from the report's own theme sentences", async () => {
    const first = page.locator('li[data-list="highlights"][data-index="0"]');
    const title = await first.locator('input').first().inputValue();
    const count = await page.locator('li[data-list="highlights"]').count();
    await nextPreview(() => first.locator('button[data-action="remove"]').click());
    expect(await page.locator('li[data-list="highlights"]').count()).toBe(count - 1);
    await page.locator('select[data-candidates="highlights"]').selectOption({ label: title });
    await nextPreview(() => page.locator('button[data-action="add"][data-list="highlights"]').click());
    expect(
      await page
        .locator(`li[data-list="highlights"][data-index="${count - 1}"] input`)
        .first()
        .inputValue(),
    ).toBe(title);
  });

  it('saves with Enter: the summary on disk keeps the quote, records the correction as reviewed and the hidden figure', async () => {
    await row(0).locator('input[data-field="unit"]').press('Enter');
    await expect.poll(() => page.locator('#status').textContent()).toContain('已保存');
    const saved = JSON.parse(readFileSync(join(out, '140521-沁水县.summary.json'), 'utf8'));
    const corrected = saved.figures[0];
    expect(corrected).toMatchObject({
      value: 8888,
      valueText: '8888',
      reviewed: { by: '测试员', extracted: { value: expect.any(Number) } },
    });
    expect(corrected.quote).toContain(corrected.reviewed.extracted.valueText);
    expect(saved.figures[2].hidden).toBe(true);
    expect(saved.reviewed.by).toBe('测试员');
    expect(existsSync(join(out, '140521-沁水县.pdf'))).toBe(true);
    await expect.poll(() => page.locator('#region-list li').first().textContent()).toContain('已审核');
  });

  it('refuses a request without the token (403)', async () => {
    const base = new URL(url);
    const response = await page.request.get(`${base.origin}/api/regions`);
    expect(response.status()).toBe(403);
    const page403 = await page.request.get(`${base.origin}/`);
    expect(page403.status()).toBe(403);
  });
});

describe('the region field', () => {
  let regionServe: ChildProcess;
  let regionPage: Page;
  let regionOut: string;
  beforeAll(async () => {
    const reports = mkdtempSync(join(tmpdir(), 'briefing-review-region-'));
    regionOut = join(reports, 'out');
    // Neutral file names: a file's name is evidence of its own.
    writeFileSync(
      join(reports, 'a-report.txt'),
      '东营区人民政府工作报告\n——2024年1月10日在东营区第二届人民代表大会第四次会议上\n各位代表：\n过去一年，全区经济平稳，东营区生产总值达到812.5亿元，增长6%。一般公共预算收入45.3亿元，增长8.2%。固定资产投资增长10.5%，东营区项目加快。城镇居民人均可支配收入5.6万元，增长5.1%。\n',
    );
    writeFileSync(
      join(reports, 'cooperation.txt'),
      '沁源县与襄垣县签署合作协议。沁源县、襄垣县共建园区，总投资12亿元，增长8%。\n',
    );
    let regionUrl: string;
    ({ child: regionServe, url: regionUrl } = await startServe([
      join(reports, 'a-report.txt'),
      join(reports, 'cooperation.txt'),
      '-o',
      regionOut,
      '--reviewer',
      '测试员',
    ]));
    regionPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await regionPage.goto(regionUrl);
    await regionPage.waitForSelector('body[data-preview]');
  });
  afterAll(() => {
    regionServe?.kill('SIGTERM');
  });

  it("changes a report read as 东营区 to 东营市 through the gazetteer search, and saves it as the person's region", async () => {
    expect(await regionPage.locator('.region-current').textContent()).toContain('东营区');
    await regionPage.locator('.region-query').fill('东营市');
    const option = regionPage.locator('#region-results li[data-code="370500"]');
    await option.waitFor();
    expect(await regionPage.locator('#region-results li').first().getAttribute('data-code')).toBe('370500');
    if (process.env.REVIEW_REGION_SCREENSHOT)
      await regionPage.screenshot({ path: process.env.REVIEW_REGION_SCREENSHOT });
    // The keyboard moves through the list; typing in the box is no edit of the summary.
    await regionPage.locator('.region-query').press('ArrowDown');
    expect(await regionPage.locator('#region-results li[aria-selected="true"]').getAttribute('data-code')).toBe(
      '370502',
    );
    await regionPage.locator('.region-query').press('ArrowUp');
    expect(await regionPage.locator('#region-results li[aria-selected="true"]').getAttribute('data-code')).toBe(
      '370500',
    );
    expect(await regionPage.locator('#status').textContent()).not.toContain('未保存');
    await nextPreview(() => option.click(), regionPage);
    expect(await regionPage.locator('.region-current').textContent()).toContain('东营市');
    expect(await regionPage.locator('.region-extracted').textContent()).toContain('东营区');
    expect(await regionPage.locator('#region-title').textContent()).toBe('东营市（山东省）');

    await regionPage.locator('button[type="submit"]').click();
    await expect.poll(() => regionPage.locator('#status').textContent()).toContain('已保存');
    const saved = JSON.parse(readFileSync(join(regionOut, '370500-东营市.summary.json'), 'utf8'));
    expect(saved.region).toMatchObject({
      name: '东营市',
      code: '370500',
      source: 'user',
      reviewed: { by: '测试员', extracted: { name: '东营区', code: '370502' } },
    });
    expect(existsSync(join(regionOut, '370500-东营市.pdf'))).toBe(true);
    await expect.poll(() => regionPage.locator('#region-list li').first().textContent()).toContain('东营市');
  });

  it('lists a report whose region was refused with its candidates; picking one makes it a region to save', async () => {
    const unsettled = regionPage.locator('#region-list li.unsettled');
    expect(await unsettled.textContent()).toContain('未定地区');
    await unsettled.locator('button').click();
    await expect.poll(() => regionPage.locator('ul.candidates button').count()).toBe(2);
    expect(await regionPage.locator('#source-text').textContent()).toContain('共建园区');
    await nextPreview(() => regionPage.locator('ul.candidates button[data-code="140431"]').click(), regionPage);
    expect(await regionPage.locator('.region-current').textContent()).toContain('沁源县');
    expect(await regionPage.locator('.region-extracted').textContent()).toContain('未能确定');
    await expect.poll(() => regionPage.locator('#region-list li.unsettled').count()).toBe(0);

    await regionPage.locator('button[type="submit"]').click();
    await expect.poll(() => regionPage.locator('#status').textContent()).toContain('已保存');
    const saved = JSON.parse(readFileSync(join(regionOut, '140431-沁源县.summary.json'), 'utf8'));
    expect(saved.region).toMatchObject({ name: '沁源县', code: '140431', source: 'user', reviewed: { by: '测试员' } });
    expect(saved.region.reviewed.extracted).toBeUndefined();
  });
});

describe('stopping the server', () => {
  it('stops on Ctrl-C (SIGINT) and frees its port', async () => {
    const { child, url: address } = await startServe([
      SAMPLES[0]!.path,
      '-o',
      mkdtempSync(join(tmpdir(), 'briefing-review-')),
    ]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    await expect(fetch(address)).rejects.toThrow();
  });
});

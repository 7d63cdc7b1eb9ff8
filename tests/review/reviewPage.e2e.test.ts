/// <reference lib="dom" />
// The review page in a real browser: Debian's chromium driven by playwright-core against `briefing serve` started as
// a user starts it (the built CLI, a free port, the URL it prints). scripts/setup.sh installs chromium.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As root on a machine with no network: no sandbox, and nothing that phones home. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let serve: ChildProcess;
let url: string;
let out: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: run scripts/setup.sh (it installs Debian's chromium), or set CHROMIUM_PATH`);
  out = mkdtempSync(join(tmpdir(), 'briefing-review-'));
  serve = spawn(process.execPath, [join(ROOT, 'bin/briefing.js'), 'serve', SAMPLES[4]!.path, '-o', out, '--port', '0', '--reviewer', '测试员'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    serve.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const line = /^http:\/\/\S+/m.exec(printed);
      if (line) resolve(line[0]);
    });
    serve.once('exit', (code) => reject(new Error(`briefing serve exited with ${code}`)));
  });
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
async function nextPreview(action: () => Promise<void>): Promise<void> {
  const before = Number(await page.getAttribute('body', 'data-preview'));
  await action();
  await page.waitForFunction((seen) => Number(document.body.dataset.preview) > seen, before);
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

  it('shows a figure\'s quote when the figure is chosen, and the figure when its number in the text is clicked', async () => {
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

  it('removes a highlight and adds it back from the report\'s own theme sentences', async () => {
    const first = page.locator('li[data-list="highlights"][data-index="0"]');
    const title = await first.locator('input').first().inputValue();
    const count = await page.locator('li[data-list="highlights"]').count();
    await nextPreview(() => first.locator('button[data-action="remove"]').click());
    expect(await page.locator('li[data-list="highlights"]').count()).toBe(count - 1);
    await page.locator('select[data-candidates="highlights"]').selectOption({ label: title });
    await nextPreview(() => page.locator('button[data-action="add"][data-list="highlights"]').click());
    expect(await page.locator(`li[data-list="highlights"][data-index="${count - 1}"] input`).first().inputValue()).toBe(title);
  });

  it('saves with Enter: the summary on disk keeps the quote, records the correction as reviewed and the hidden figure', async () => {
    await row(0).locator('input[data-field="unit"]').press('Enter');
    await expect.poll(() => page.locator('#status').textContent()).toContain('已保存');
    const saved = JSON.parse(readFileSync(join(out, '140521-沁水县.summary.json'), 'utf8'));
    const corrected = saved.figures[0];
    expect(corrected).toMatchObject({ value: 8888, valueText: '8888', reviewed: { by: '测试员', extracted: { value: expect.any(Number) } } });
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

describe('stopping the server', () => {
  it('stops on Ctrl-C (SIGINT) and frees its port', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/briefing.js'), 'serve', SAMPLES[0]!.path, '-o', mkdtempSync(join(tmpdir(), 'briefing-review-')), '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const address = await new Promise<string>((resolve) => {
      let printed = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        const line = /^http:\/\/\S+/m.exec(printed);
        if (line) resolve(line[0]);
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    await expect(fetch(address)).rejects.toThrow();
  });
});

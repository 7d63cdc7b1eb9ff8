/// <reference lib="dom" />
// The review page for a scan, in a real browser (Debian's chromium via playwright-core, as reviewPage.e2e.test.ts):
// the page image beside the text OCR read from it, each page's confidence, and the figures OCR was unsure of flagged.
// Needs Tesseract (scripts/setup.sh; CI never skips). REVIEW_OCR_SCREENSHOT=docs/review-ocr.png saves the page.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, startServe } from '../helpers/reviewBrowser.js';
import { ROOT } from '../helpers/samples.js';
import { skipWithoutTesseract } from '../helpers/tesseract.js';

const SCAN = join(ROOT, 'tests/ingest/ocr/fixtures/qinyuan-page1-150dpi-mono.png');
const skip = skipWithoutTesseract('tests/review/reviewOcr.e2e.test.ts', SCAN);

let serve: ChildProcess | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  serve?.kill('SIGTERM');
});

describe.skipIf(skip)('the review page for a scan', () => {
  it("shows the page image beside the recognised text, the page's confidence, and flags the figures OCR was unsure of", async () => {
    expect(existsSync(CHROMIUM), `no chromium at ${CHROMIUM}: run scripts/setup.sh`).toBe(true);
    const started = await startServe([SCAN, '-o', mkdtempSync(join(tmpdir(), 'briefing-review-ocr-'))]);
    serve = started.child;
    const { url } = started;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('body[data-preview]');

    const image = page.locator('#source-scan img');
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(500);
    expect(await page.locator('#source-scan figcaption').textContent()).toMatch(/^第 1 页 · OCR 平均置信度 [\d.]+$/);
    // Beside, not below: the image's column is left of the text's.
    const [imageBox, textBox] = [await image.boundingBox(), await page.locator('#source-text').boundingBox()];
    expect(imageBox!.x + imageBox!.width).toBeLessThanOrEqual(textBox!.x);
    expect(Math.abs(imageBox!.y - textBox!.y)).toBeLessThan(40);
    expect(await page.locator('#source-text').textContent()).toContain('总投资489.31');
    expect(await page.locator('li.figure .ocr-unsure').count()).toBeGreaterThan(0);
    expect(await page.locator('li.figure .ocr-unsure').first().textContent()).toMatch(/^OCR 存疑（置信度 \d+）$/);
    if (process.env.REVIEW_OCR_SCREENSHOT) {
      await page
        .locator('li.figure .ocr-unsure')
        .first()
        .locator('xpath=ancestor::li')
        .locator('button[data-action="locate"]')
        .click();
      await page.screenshot({ path: join(ROOT, process.env.REVIEW_OCR_SCREENSHOT) });
    }
  }, 180_000);

  it("serves the scan's own pages only: page 1 as PNG, no page 2, no page x", async () => {
    const url = new URL((await page0Url())!);
    const token = url.searchParams.get('token')!;
    const regions = (await (await fetch(`${url.origin}/api/regions?token=${token}`)).json()) as {
      regions: Array<{ id: string }>;
    };
    const id = regions.regions[0]!.id;
    expect((await fetch(`${url.origin}/api/regions/${id}/pages/1?token=${token}`)).headers.get('content-type')).toBe(
      'image/png',
    );
    expect((await fetch(`${url.origin}/api/regions/${id}/pages/2?token=${token}`)).status).toBe(404);
    expect((await fetch(`${url.origin}/api/regions/${id}/pages/x?token=${token}`)).status).toBe(404);
  });
});

/** The URL the first test's server printed (the page keeps it). */
async function page0Url(): Promise<string | undefined> {
  const pages = browser?.contexts()[0]?.pages() ?? [];
  return pages[0]?.url();
}

#!/usr/bin/env node
// Time from an edit on the review page to its new preview on screen: starts `briefing serve` on a sample report,
// opens the page in Debian's chromium (playwright-core), types 20 corrections into a figure's value and prints the
// median, the fastest and the slowest edit→preview time as the page measured them (input event → canvas drawn),
// beside the server's own render time for the same summary, measured in the same minute.
// Usage: npm run bench:review [-- --edits 20 [--screenshot docs/review-page.png]]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const edits = Number(argument('edits', '20'));
const screenshot = argument('screenshot');
const report = join(root, 'data/reports/004_02e8585f2ada8328.txt');

const serve = spawn(process.execPath, [join(root, 'bin/briefing.js'), 'serve', report, '-o', mkdtempSync(join(tmpdir(), 'bench-review-')), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let printed = '';
  serve.stdout.on('data', (chunk) => {
    printed += chunk;
    const line = /^http:\/\/\S+/m.exec(printed);
    if (line) resolve(line[0]);
  });
  serve.once('exit', (code) => reject(new Error(`briefing serve exited with ${code}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('body[data-preview]');
  const value = page.locator('li.figure[data-index="0"] input[data-field="value"]');
  const original = await value.inputValue();
  await page.evaluate(() => (window.briefingReview.previewTimes.length = 0));
  for (let index = 0; index < edits; index += 1) {
    const seen = Number(await page.getAttribute('body', 'data-preview'));
    await value.fill(String(Number(original) + (index + 1) / 100));
    await page.waitForFunction((before) => Number(document.body.dataset.preview) > before, seen);
  }
  const times = (await page.evaluate(() => [...window.briefingReview.previewTimes])).sort((a, b) => a - b);
  // The server's share, for comparison: the same preview request timed from Node, in the same minute.
  const token = new URL(url).searchParams.get('token');
  const document = await (await fetch(new URL('/api/regions/140521', url), { headers: { 'X-Briefing-Token': token } })).json();
  const body = JSON.stringify({ summary: document.summary, origins: document.summary.figures.map((_, index) => index) });
  const server = [];
  for (let index = 0; index < 10; index += 1) {
    const started = performance.now();
    await (await fetch(new URL('/api/regions/140521/preview', url), { method: 'POST', headers: { 'X-Briefing-Token': token, 'Content-Type': 'application/json' }, body })).arrayBuffer();
    server.push(performance.now() - started);
  }
  server.sort((a, b) => a - b);
  const median = (list) => list[Math.floor(list.length / 2)];
  console.log(`edit → preview on screen (${times.length} edits, 沁水县, 1280×800): median ${median(times)} ms, fastest ${times[0]} ms, slowest ${times.at(-1)} ms`);
  console.log(`of which the server's validate + render + PDF (10 requests): median ${median(server).toFixed(0)} ms`);
  if (screenshot) {
    await page.locator('li.figure[data-index="1"] button[data-action="locate"]').click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
  }
} finally {
  await browser.close();
  serve.kill('SIGTERM');
}

/**
 * The naive pdfmake pipeline the benchmark compares against, as a user would first write it: per document a fresh
 * chart renderer (chart.js reloaded) drawing a PNG, fonts registered as file paths (read and parsed again for every
 * document) and the public pdfmake API. It must run in its own process (`runNaiveBaseline` forks one), because this
 * project's own pipeline changes how fonts are loaded for the whole process.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BriefingSummary } from '../summary/schema.js';

const FONTS = fileURLToPath(new URL('../../fonts/NotoSansSC/', import.meta.url));

/** Mean milliseconds per document of the naive pipeline over `summaries`, measured in a fresh child process. */
export function runNaiveBaseline(summaries: BriefingSummary[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--naive-baseline'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (message: { msPerDoc?: number; error?: string }) => {
      child.kill();
      if (message.error) reject(new Error(message.error));
      else resolve(message.msPerDoc!);
    });
    child.once('error', reject);
    child.send(summaries);
  });
}

async function naiveRender(summary: BriefingSummary, outDocument: (bytes: Buffer) => void): Promise<void> {
  const require = createRequire(import.meta.url);
  const { ChartJSNodeCanvas } = require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');
  const pdfmake = require('pdfmake') as { setFonts(fonts: unknown): void; setUrlAccessPolicy(policy: () => boolean): void; setLocalAccessPolicy(policy: () => boolean): void; createPdf(definition: unknown): { getBuffer(): Promise<Buffer> } };
  const chart = new ChartJSNodeCanvas({ width: 640, height: 256, backgroundColour: 'white' });
  chart.registerFont(`${FONTS}NotoSansSC-Regular.ttf`, { family: 'Noto Sans SC' });
  const bars = summary.figures.filter((figure) => figure.unit === '亿元');
  const png = await chart.renderToBuffer({
    type: 'bar',
    data: { labels: bars.map((figure) => figure.label), datasets: [{ data: bars.map((figure) => figure.value), backgroundColor: '#1f4e8c' }] },
    options: { animation: false, responsive: false, devicePixelRatio: 1.5625, plugins: { legend: { display: false } }, scales: { x: { ticks: { font: { family: 'Noto Sans SC', size: 14 } } } } },
  });
  pdfmake.setFonts({ NotoSansSC: { normal: `${FONTS}NotoSansSC-Regular.ttf`, bold: `${FONTS}NotoSansSC-Bold.ttf` } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  const tiles = summary.figures.slice(0, 9).map((figure) => ({
    stack: [{ text: figure.label, fontSize: 9 }, { text: `${figure.valueText} ${figure.unit}`, fontSize: 17, bold: true }, { text: `${figure.growthPct ?? ''}%`, fontSize: 8 }],
    fillColor: '#f1f4f9',
  }));
  const rows = [];
  for (let start = 0; start < tiles.length; start += 3) rows.push([0, 1, 2].map((offset) => tiles[start + offset] ?? { text: '' }));
  const definition = {
    pageSize: 'A4',
    defaultStyle: { font: 'NotoSansSC', fontSize: 9.5 },
    content: [
      { text: summary.region.name, fontSize: 24, bold: true },
      { text: summary.title, fontSize: 14, bold: true },
      { table: { widths: ['*', '*', '*'], body: rows } },
      { image: `data:image/png;base64,${png.toString('base64')}`, width: 515 },
      { ol: summary.highlights.map((highlight) => ({ text: [{ text: highlight.title, bold: true }, `　${highlight.text}`] })) },
    ],
  };
  outDocument(await pdfmake.createPdf(definition).getBuffer());
}

// The child process: render every summary it is sent, report the mean time per document.
if (process.argv.includes('--naive-baseline')) {
  process.once('message', async (summaries: BriefingSummary[]) => {
    try {
      let bytes = 0;
      await naiveRender(summaries[0]!, () => undefined); // warm-up, as for the real pipeline
      const started = performance.now();
      for (const summary of summaries) await naiveRender(summary, (pdf) => (bytes += pdf.length));
      process.send!({ msPerDoc: (performance.now() - started) / summaries.length, bytes });
    } catch (error) {
      process.send!({ error: String(error) });
    }
  });
}

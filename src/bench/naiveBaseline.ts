/**
 * The naive pdfmake pipeline the benchmark compares against, as a user would first write it, rendering the same
 * page as the real pipeline (same template, same content, at the scale the real pipeline chose): per document a
 * fresh chart renderer (chart.js reloaded) drawing the chart as a PNG with its own texts, fonts registered as file
 * paths (read and parsed again for every document), and pdfmake's public API laying out and drawing in one go.
 * It runs in a process of its own (`startNaiveBaseline` forks one): this project's pipeline changes how pdfmake and pdfkit
 * work for the whole process it runs in.
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseChart } from '../charts/chooseChart.js';
import { buildDocDefinition, type LayoutChoice } from '../layout/buildDocDefinition.js';
import { loadTemplate } from '../layout/templates.js';
import { pdfmakeFontDescriptors, SANS } from '../pdf/fonts.js';
import { TABLE_LAYOUTS } from '../pdf/tableLayouts.js';
import type { BriefingSummary } from '../summary/schema.js';

/** The compiled module, from src/bench (tests) and dist/bench alike: node runs the child, not vitest. */
const CHILD = fileURLToPath(new URL('../../dist/bench/naiveBaseline.js', import.meta.url));

/** A summary and what the real pipeline showed of it (so both draw the same page). */
export interface NaiveJob {
  summary: BriefingSummary;
  shown: LayoutChoice;
}

export interface NaiveTiming {
  msPerDoc: number;
  meanPdfBytes: number;
}

/** The naive pipeline in a child process of its own, kept for several timed rounds. */
export interface NaiveBaseline {
  /**
   * Renders `warmUp` untimed, then times `jobs`; with `outDir`, keeps the timed PDFs there (`<summary id>.pdf`).
   * Rounds run one at a time.
   */
  time(jobs: NaiveJob[], options?: { warmUp?: NaiveJob[]; outDir?: string }): Promise<NaiveTiming>;
  close(): void;
}

type ChildReply = Partial<NaiveTiming> & { error?: string };

export function startNaiveBaseline(): NaiveBaseline {
  const child = fork(CHILD, ['--naive-baseline'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let failure: Error | undefined;
  let waiting: { resolve: (timing: NaiveTiming) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = undefined;
  };
  child.on('message', (reply: ChildReply) => {
    const round = waiting;
    waiting = undefined;
    if (reply.error) round?.reject(new Error(reply.error));
    else round?.resolve({ msPerDoc: reply.msPerDoc!, meanPdfBytes: reply.meanPdfBytes! });
  });
  child.once('error', fail);
  child.once('exit', (code) => fail(new Error(`the naive baseline's process ended (exit code ${code})`)));
  return {
    time: (jobs, { warmUp = [], outDir } = {}) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        waiting = { resolve, reject };
        child.send({ jobs, warmUp, outDir });
      }),
    close: () => {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}

type Pdfmake = {
  setFonts(fonts: unknown): void;
  addTableLayouts(layouts: unknown): void;
  setUrlAccessPolicy(policy: () => boolean): void;
  setLocalAccessPolicy(policy: () => boolean): void;
  createPdf(definition: unknown): { getBuffer(): Promise<Buffer> };
};

async function naiveRender({ summary, shown }: NaiveJob): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const template = loadTemplate('handout');
  const spec = chooseChart(summary.figures);
  const chartBox = { width: template.contentBox.width, height: template.manifest.chart?.height ?? 150 };
  let chartPng: Buffer | undefined;
  if (spec) {
    const { ChartJSNodeCanvas } = require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');
    const chart = new ChartJSNodeCanvas({
      width: Math.round(chartBox.width),
      height: Math.round(chartBox.height),
      backgroundColour: 'white',
    });
    chart.registerFont(SANS.regular, { family: SANS.cssFamily });
    const font = { family: SANS.cssFamily, size: 8.5 };
    chartPng = await chart.renderToBuffer({
      type: 'bar',
      data: { labels: spec.labels, datasets: [{ data: spec.values, backgroundColor: '#1f4e8c' }] },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: false,
        devicePixelRatio: 2, // sharp enough to print
        plugins: { legend: { display: false }, title: { display: true, text: spec.title, font, align: 'start' } },
        scales: { x: { ticks: { font } }, y: { ticks: { font } } },
      },
    });
  }
  // The page the real pipeline drew, with the chart as an image where its vector drawing was.
  const definition = buildDocDefinition({
    summary,
    template,
    choice: shown,
    chart: chartPng ? { svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', ...chartBox, labels: [] } : undefined,
    creationDate: new Date(0),
  });
  replaceSvg(definition, (node) => ({
    image: `data:image/png;base64,${chartPng!.toString('base64')}`,
    width: node.width,
    height: node.height,
  }));
  const pdfmake = require('pdfmake') as Pdfmake;
  pdfmake.setFonts(pdfmakeFontDescriptors());
  pdfmake.addTableLayouts(TABLE_LAYOUTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  return pdfmake.createPdf(definition).getBuffer();
}

function replaceSvg(node: unknown, replacement: (node: Record<string, unknown>) => Record<string, unknown>): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      if (item && typeof item === 'object' && 'svg' in item) node[index] = replacement(item as Record<string, unknown>);
      else replaceSvg(item, replacement);
    });
  } else if (node && typeof node === 'object') {
    for (const value of Object.values(node)) replaceSvg(value, replacement);
  }
}

// The child process: for each round it is sent, render the warm-up jobs, then time the jobs and report.
if (process.argv.includes('--naive-baseline')) {
  process.on('message', async ({ jobs, warmUp, outDir }: { jobs: NaiveJob[]; warmUp: NaiveJob[]; outDir?: string }) => {
    try {
      for (const job of warmUp) await naiveRender(job);
      const pdfs: Buffer[] = [];
      const started = performance.now();
      for (const job of jobs) pdfs.push(await naiveRender(job));
      const msPerDoc = (performance.now() - started) / jobs.length;
      if (outDir) jobs.forEach((job, index) => writeFileSync(join(outDir, `${job.summary.id}.pdf`), pdfs[index]!));
      process.send!({
        msPerDoc,
        meanPdfBytes: pdfs.reduce((total, pdf) => total + pdf.length, 0) / jobs.length,
      } satisfies ChildReply);
    } catch (error) {
      process.send!({ error: String((error as Error).stack ?? error) } satisfies ChildReply);
    }
  });
}

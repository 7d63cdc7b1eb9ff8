/**
 * Charts stage: a ChartSpec → SVG drawn by chart.js through chartjs-node-canvas.
 * SVG keeps charts vector in the PDF (sharp in print, small files); labels use the document's CJK font.
 * One renderer per size for the whole process: creating one reloads chart.js and canvas.
 */
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartConfiguration } from 'chart.js';
import { FONT_FAMILIES, fontFamily } from '../pdf/fonts.js';
import type { ChartSpec } from './chooseChart.js';

/** Print-safe: dark blue and dark red stay distinct in greyscale (different lightness). */
const INK = '#1f4e8c';
const NEGATIVE = '#b03a2e';
const GRID = '#d9d9d9';
const TEXT = '#333333';

const renderers = new Map<string, ChartJSNodeCanvas>();

function rendererFor(width: number, height: number): ChartJSNodeCanvas {
  const key = `${width}x${height}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = new ChartJSNodeCanvas({ width, height, type: 'svg' });
    for (const family of FONT_FAMILIES) renderer.registerFont(family.regular, { family: family.cssFamily });
    renderers.set(key, renderer);
  }
  return renderer;
}

export interface ChartStyle {
  width: number;
  height: number;
  /** Font family name (see fonts/) for the labels: the document's own. */
  font: string;
}

export function renderChart(spec: ChartSpec, style: ChartStyle): string {
  return rendererFor(style.width, style.height).renderToBufferSync(chartConfiguration(spec, fontFamily(style.font).cssFamily), 'image/svg+xml' as never).toString('utf8');
}

function chartConfiguration(spec: ChartSpec, family: string): ChartConfiguration<'bar'> {
  const font = { family, size: 9 };
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: [
        {
          data: spec.values,
          backgroundColor: spec.values.map((value) => (value < 0 ? NEGATIVE : INK)),
          borderWidth: 0,
          barPercentage: 0.6,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      layout: { padding: { right: 8 } },
      plugins: {
        legend: { display: false },
        title: { display: true, text: spec.title, color: TEXT, font: { ...font, size: 10, weight: 'bold' }, align: 'start' },
      },
      scales: {
        x: { grid: { color: GRID }, ticks: { color: TEXT, font }, border: { display: false } },
        y: { grid: { display: false }, ticks: { color: TEXT, font } },
      },
    },
  };
}

/**
 * Charts stage: a ChartSpec → vector chart for the PDF. chart.js (through chartjs-node-canvas) lays the chart out
 * and draws bars, axes and grid as SVG; its texts are drawn transparent (cairo then writes no glyph outlines) and
 * handed back as positioned labels, which the template sets as real PDF text in the document's own font. The
 * chart stays vector and sharp, its words stay searchable, and the SVG stays small and quick to embed.
 * One chart per size for the whole process: creating one reloads chart.js, and a new chart resolves its options anew.
 */
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { type Canvas, createCanvas } from 'canvas';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { SANS } from '../pdf/fonts.js';
import type { ChartSpec } from './chooseChart.js';

/** Print-safe: dark blue and dark red stay distinct in greyscale (different lightness). */
const INK = '#1f4e8c';
const NEGATIVE = '#b03a2e';
const GRID = '#d9d9d9';
const AXIS = '#999999';
const INVISIBLE = 'rgba(0,0,0,0)';
const LABEL_SIZE = 8.5;
const TITLE_SIZE = 9.5;
/** The family chart.js measures texts with; close to the document fonts' metrics (both Noto CJK). */
const MEASURING_FAMILY = SANS.cssFamily;

/** A text of the chart, placed in its box (points, from the chart's top left). */
export interface ChartLabel {
  text: string;
  x: number;
  y: number;
  width: number;
  alignment: 'left' | 'center' | 'right';
  fontSize: number;
  bold: boolean;
}

export interface RenderedChart {
  svg: string;
  width: number;
  height: number;
  labels: ChartLabel[];
}

/**
 * One chart per size for the process, drawn again for every briefing. chartjs-node-canvas makes a new Chart for each
 * render, and a new Chart resolves all its options afresh, about half of the chart's time. Here chartjs-node-canvas
 * loads chart.js and registers the font once per size; the Chart stays, and each render gives it a fresh SVG surface
 * (setting the canvas width makes one and keeps the context chart.js holds) and new data. The SVG is the one a new
 * Chart draws (checked on 600 charts when this was written; tests/charts checks that history does not matter).
 */
interface ReusedChart {
  chart: Chart<'bar'>;
  canvas: Canvas;
  /** Filled by the chart's label plugin on every draw. */
  labels: ChartLabel[];
}

const charts = new Map<string, ReusedChart>();

function chartFor(width: number, height: number): ReusedChart {
  const key = `${width}x${height}`;
  let reused = charts.get(key);
  if (!reused) {
    let ChartJs: typeof Chart | undefined;
    const renderer = new ChartJSNodeCanvas({
      width,
      height,
      type: 'svg',
      chartCallback: (chartJs) => void (ChartJs = chartJs),
    });
    renderer.registerFont(SANS.regular, { family: MEASURING_FAMILY });
    const canvas = createCanvas(width, height, 'svg');
    const labels: ChartLabel[] = [];
    // node-canvas's context is chart.js's CanvasRenderingContext2D in all that chart.js uses (as in chartjs-node-canvas).
    const context = canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0];
    reused = { chart: new ChartJs!(context, chartConfiguration(labels)), canvas, labels };
    charts.set(key, reused);
  }
  return reused;
}

/** Draws the chart at its display size in points (one canvas pixel per point). */
export function renderChart(spec: ChartSpec, size: { width: number; height: number }): RenderedChart {
  const width = Math.round(size.width);
  const height = Math.round(size.height);
  const { chart, canvas, labels } = chartFor(width, height);
  canvas.width = width; // a fresh SVG surface for this chart
  chart.data.labels = spec.labels;
  Object.assign(chart.data.datasets[0]!, {
    data: spec.values,
    backgroundColor: spec.values.map((value) => (value < 0 ? NEGATIVE : INK)),
  });
  chart.options.plugins!.title!.text = spec.title;
  // A chart is reused for its size: a span set for one chart must not stay for the next (and options are only
  // touched when they change: each change makes chart.js resolve them anew).
  const valueAxis = chart.options.scales!.x!;
  if (valueAxis.suggestedMin !== spec.axisSpan?.min || valueAxis.suggestedMax !== spec.axisSpan?.max)
    Object.assign(valueAxis, { suggestedMin: spec.axisSpan?.min, suggestedMax: spec.axisSpan?.max });
  chart.update();
  return { svg: canvas.toBuffer().toString('utf8'), width, height, labels: [...labels] };
}

/** What every chart shares; the data and title are set per render. */
function chartConfiguration(labels: ChartLabel[]): ChartConfiguration<'bar'> {
  const font = { family: MEASURING_FAMILY, size: LABEL_SIZE };
  return {
    type: 'bar',
    data: {
      labels: [],
      datasets: [{ data: [], borderWidth: 0, barPercentage: 0.6, categoryPercentage: 0.9 }],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      layout: { padding: { right: 8 } },
      plugins: {
        legend: { display: false },
        title: {
          display: true,
          text: '',
          color: INVISIBLE,
          font: { ...font, size: TITLE_SIZE, weight: 'bold' },
          align: 'start',
          padding: { top: 0, bottom: 6 },
        },
      },
      scales: {
        x: { grid: { color: GRID }, ticks: { color: INVISIBLE, font }, border: { color: AXIS } },
        y: { grid: { display: false }, ticks: { color: INVISIBLE, font }, border: { color: AXIS } },
      },
    },
    plugins: [collectLabels(labels), skipTexts],
  };
}

/**
 * The texts are set by the PDF, so chart.js need not draw them: drawing even transparent text costs a Pango
 * layout per text (a tenth of the chart's time). They stay transparent all the same, should a text be drawn by
 * other means.
 */
const skipTexts: Plugin<'bar'> = {
  id: 'briefingSkipTexts',
  beforeDraw(chart: Chart<'bar'>) {
    chart.ctx.fillText = () => undefined;
  },
};

/** After chart.js has laid the chart out, records where each of its texts goes. */
function collectLabels(labels: ChartLabel[]): Plugin<'bar'> {
  return {
    id: 'briefingLabels',
    afterDraw(chart: Chart<'bar'>) {
      labels.length = 0;
      const { chartArea } = chart;
      // chart.js keeps the laid-out title box on the chart; its typings do not list it.
      const title = (chart as unknown as { titleBlock?: { left: number; top: number; width: number } }).titleBlock;
      const titleText = chart.options.plugins?.title?.text;
      if (title && typeof titleText === 'string') {
        labels.push({
          text: titleText,
          x: title.left,
          y: title.top,
          width: title.width,
          alignment: 'left',
          fontSize: TITLE_SIZE,
          bold: true,
        });
      }
      const categories = chart.scales.y!;
      categories.ticks.forEach((tick, index) => {
        const center = categories.getPixelForTick(index);
        labels.push({
          text: String(tick.label),
          x: 0,
          y: center - LABEL_SIZE * 0.65,
          width: chartArea.left - 6,
          alignment: 'right',
          fontSize: LABEL_SIZE,
          bold: false,
        });
      });
      const values = chart.scales.x!;
      const slot = Math.max(24, chartArea.width / Math.max(1, values.ticks.length - 1));
      values.ticks.forEach((tick, index) => {
        const center = values.getPixelForTick(index);
        labels.push({
          text: String(tick.label),
          x: center - slot / 2,
          y: chartArea.bottom + 4,
          width: slot,
          alignment: 'center',
          fontSize: LABEL_SIZE,
          bold: false,
        });
      });
    },
  };
}

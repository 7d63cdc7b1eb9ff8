import { describe, expect, it } from 'vitest';
import { chooseChart } from '../../src/charts/chooseChart.js';
import { renderChart } from '../../src/charts/renderChart.js';
import type { Figure } from '../../src/summary/schema.js';

const figure = (label: string, value: number, unit: string, extra: Partial<Figure> = {}): Figure => ({
  label,
  value,
  valueText: String(value),
  unit,
  kind: 'actual',
  quote: `${label}${value}${unit}`,
  ...extra,
});

describe('chooseChart', () => {
  it('charts the amounts of one unit, money first, never mixing units or rates on one axis', () => {
    const spec = chooseChart([
      figure('原煤产量', 4061.7, '万吨'),
      figure('地区生产总值', 426.8, '亿元', { growthPct: 11.3 }),
      figure('规上工业增加值增速', 15.2, '%'),
      figure('固定资产投资', 102.9, '亿元'),
      figure('洗精煤产量', 2154, '万吨'),
      figure('一般公共预算收入', 40, '亿元'),
      figure('电煤保供', 420, '万吨'),
    ]);
    expect(spec).toEqual({
      kind: 'amounts',
      title: '主要指标（亿元）',
      unit: '亿元',
      labels: ['地区生产总值', '固定资产投资', '一般公共预算收入'],
      values: [426.8, 102.9, 40],
    });
  });

  it('falls back to growth rates (a diverging chart: declines are negative bars) when no unit has enough amounts', () => {
    const spec = chooseChart([
      figure('地区生产总值', 426.8, '亿元', { growthPct: 11.3 }),
      figure('原煤产量', 4061.7, '万吨', { growthPct: -2.5 }),
      figure('新增就业', 3600, '人', { growthPct: 4 }),
    ]);
    expect(spec).toMatchObject({ kind: 'growth', unit: '%', values: [11.3, -2.5, 4] });
  });

  it('draws no chart from too little data', () => {
    expect(chooseChart([figure('地区生产总值', 426.8, '亿元')])).toBeUndefined();
  });
});

describe('renderChart', () => {
  const spec = chooseChart([
    figure('地区生产总值', 426.8, '亿元'),
    figure('固定资产投资', 102.9, '亿元'),
    figure('一般公共预算收入', 40, '亿元'),
  ])!;
  const chart = renderChart(spec, { width: 500, height: 180 });

  it('draws bars, axes and grid as small SVG vector graphics, with no raster and no glyph outlines', () => {
    expect(chart.svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    expect(chart.svg).toContain('viewBox="0 0 500 180"');
    expect(chart.svg).not.toContain('<image');
    expect(chart.svg.length).toBeLessThan(20_000);
    expect([chart.width, chart.height]).toEqual([500, 180]);
  });

  it('hands back every text of the chart as a label placed inside the chart', () => {
    const texts = chart.labels.map((label) => label.text);
    expect(texts).toEqual(
      expect.arrayContaining(['主要指标（亿元）', '地区生产总值', '固定资产投资', '一般公共预算收入', '0', '400']),
    );
    for (const label of chart.labels) {
      expect(label.x).toBeGreaterThanOrEqual(0);
      expect(label.x + label.width).toBeLessThanOrEqual(500 + 30);
      expect(label.y).toBeGreaterThanOrEqual(0);
      expect(label.y).toBeLessThan(180);
    }
    const [first, second] = ['地区生产总值', '固定资产投资'].map((text) =>
      chart.labels.find((label) => label.text === text)!,
    );
    expect(first!.alignment).toBe('right');
    expect(second!.y).toBeGreaterThan(first!.y);
  });

  it('draws a chart the same whatever it drew before (one chart per size is reused)', () => {
    const normalise = (svg: string): string => svg.replace(/surface\d+/g, 'surface'); // cairo numbers surfaces per process
    const other = {
      kind: 'growth' as const,
      title: '增长率（%）',
      unit: '%',
      labels: ['甲', '乙', '丙', '丁'],
      values: [11.3, -2.5, 4, -0.8],
    };
    const otherChart = renderChart(other, { width: 500, height: 180 });
    expect(otherChart.svg).toContain('69.019608%,22.745098%,18.039216%'); // the negative bars are red
    renderChart(other, { width: 420, height: 120 });
    const again = renderChart(spec, { width: 500, height: 180 });
    expect(normalise(again.svg)).toBe(normalise(chart.svg));
    expect(again.labels).toEqual(chart.labels);
    expect(normalise(otherChart.svg)).not.toBe(normalise(chart.svg));
  });
});

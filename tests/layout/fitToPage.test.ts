// The fitter against modelled pages (height as a function of scale and of what is shown), where the best answer is
// known: it must find the largest fitting scale on the grid, try the smallest scale before trimming anything, and
// take few layouts doing so.
import { describe, expect, it } from 'vitest';
import { syntheticSummaries } from '../../src/bench/syntheticRegions.js';
import type { LayoutChoice } from '../../src/layout/buildDocDefinition.js';
import { fitToPage } from '../../src/layout/fitToPage.js';
import { loadTemplate } from '../../src/layout/templates.js';

const PAGE = 760;
const template = loadTemplate('handout'); // minScale 0.8
const [summary] = syntheticSummaries(1);

/** A page whose content is `heightAtFullSize` high at scale 1 and shrinks as scale^exponent; counts the layouts. */
function modelledPage(heightAtFullSize: (choice: LayoutChoice) => number, exponent: number) {
  const layouts: LayoutChoice[] = [];
  const tryLayout = async (choice: LayoutChoice) => {
    layouts.push(choice);
    const height = heightAtFullSize(choice) * choice.scale ** exponent;
    return { pages: height <= PAGE ? 1 : 2, contentHeight: height, pageContentHeight: PAGE, laidOut: choice };
  };
  return { layouts, tryLayout };
}

const GRID = [1, 0.95, 0.9, 0.85, 0.8];

describe('fitToPage', () => {
  it.each([1, 1.3, 1.8])('finds the largest fitting scale on the grid (height ∝ scale^%s)', async (exponent) => {
    for (let fullHeight = 700; fullHeight <= 1000; fullHeight += 7) {
      const best = GRID.find((scale) => fullHeight * scale ** exponent <= PAGE);
      if (best === undefined) continue; // trimming is the next test's
      const { layouts, tryLayout } = modelledPage(() => fullHeight, exponent);
      const fitted = await fitToPage(summary!, template, tryLayout);
      expect(fitted.choice.scale, `content ${fullHeight} pt at full size`).toBe(best);
      expect(
        fitted.trimmed.filter((message) => message.startsWith('trimmed')),
        `content ${fullHeight}`,
      ).toEqual([]);
      expect(layouts.length, `content ${fullHeight}`).toBeLessThanOrEqual(3);
    }
  });

  it('tries the smallest scale before trimming, even when the estimate falls below it', async () => {
    // Fits at 0.8 only; from the full-size height alone the estimate is below 0.8.
    const { layouts, tryLayout } = modelledPage(() => PAGE / 0.8 ** 1.8, 1.8);
    const fitted = await fitToPage(summary!, template, tryLayout);
    expect(fitted.choice.scale).toBe(0.8);
    expect(fitted.trimmed.filter((message) => message.startsWith('trimmed'))).toEqual([]);
    expect(layouts.map((choice) => choice.scale)).toContain(0.8);
  });

  it('trims, and says so, only when the smallest scale does not fit', async () => {
    // Each highlight or target takes 60 pt at full size.
    const height = (choice: LayoutChoice) => 500 + 60 * (choice.highlights + choice.targets);
    const { tryLayout } = modelledPage(height, 1);
    const fitted = await fitToPage(summary!, template, tryLayout);
    expect(height(fitted.choice) * fitted.choice.scale).toBeLessThanOrEqual(PAGE);
    const trimmed = fitted.trimmed.filter((message) => message.startsWith('trimmed'));
    expect(trimmed.length).toBeGreaterThan(0);
    expect(trimmed.length).toBe(
      summary!.highlights.length + summary!.targets.length - fitted.choice.highlights - fitted.choice.targets,
    );
  });
});

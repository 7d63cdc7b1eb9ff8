// The naive baseline must draw the same page as the real pipeline (or the speed-up it reports means nothing):
// one page, the same words, the chart as a raster image where the real pipeline draws vectors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startNaiveBaseline } from '../../src/bench/naiveBaseline.js';
import { syntheticSummaries } from '../../src/bench/syntheticRegions.js';
import { renderBriefing } from '../../src/pipeline/renderBriefing.js';
import { pageCount, rasterImageCount, text } from '../helpers/pdfTools.js';

it('draws the pages the real pipeline draws, one each, with the chart as a picture', async () => {
  const out = mkdtempSync(join(tmpdir(), 'briefing-naive-'));
  const summaries = syntheticSummaries(3);
  const jobs = [];
  for (const summary of summaries) {
    const rendered = await renderBriefing(summary);
    writeFileSync(join(out, `${summary.id}.ours.pdf`), rendered.pdf);
    jobs.push({ summary, shown: rendered.shown });
  }
  const baseline = startNaiveBaseline();
  const { msPerDoc, meanPdfBytes } = await baseline
    .time(jobs, { warmUp: jobs.slice(0, 1), outDir: out })
    .finally(() => baseline.close());
  expect(msPerDoc).toBeGreaterThan(0);
  expect(meanPdfBytes).toBeGreaterThan(10_000);
  for (const summary of summaries) {
    const naive = join(out, `${summary.id}.pdf`);
    const ours = join(out, `${summary.id}.ours.pdf`);
    expect(pageCount(naive)).toBe(1);
    expect(rasterImageCount(naive)).toBeGreaterThan(0); // the chart (and its alpha mask)
    expect(rasterImageCount(ours)).toBe(0);
    const words = (pdf: string): string[] =>
      text(pdf)
        .split(/\s+/)
        .filter((word) => /\p{Script=Han}{4,}/u.test(word));
    // Every run of text of our page but the chart's labels (drawn into the naive chart's picture) is on the naive page.
    const naiveText = text(naive).replace(/\s+/g, '');
    const missing = words(ours).filter(
      (word) => !naiveText.includes(word) && !summary.figures.some((figure) => figure.label === word),
    );
    expect(
      missing.filter((word) => !word.startsWith('主要指标（')),
      summary.id,
    ).toEqual([]);
    expect(naiveText).toContain(summary.highlights[0]!.title);
  }
});

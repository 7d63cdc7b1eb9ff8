// Visual regression: small PNGs of each built-in layout for two samples, compared with the committed goldens
// (tests/layout/golden) within a tolerance. After an intended change of look, regenerate them with
//   UPDATE_GOLDENS=1 npx vitest run tests/layout/visual.test.ts
// and look at every changed PNG before committing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { listTemplates } from '../../src/layout/templates.js';
import { renderBriefing } from '../../src/pipeline/renderBriefing.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const GOLDEN_DIR = join(ROOT, 'tests/layout/golden');
const DPI = '40';
/** Share of pixels allowed to differ (anti-aliasing and font hinting noise, not layout changes). */
const MAX_DIFFERENT_PIXELS = 0.005;
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const work = mkdtempSync(join(tmpdir(), 'briefing-visual-'));

function rasterize(pdf: Buffer, name: string): PNG {
  const pdfFile = join(work, `${name}.pdf`);
  writeFileSync(pdfFile, pdf);
  execFileSync('pdftoppm', ['-png', '-r', DPI, '-singlefile', pdfFile, join(work, name)]);
  return PNG.sync.read(readFileSync(join(work, `${name}.png`)));
}

const cases = listTemplates().flatMap((template) =>
  [SAMPLES[0]!, SAMPLES[4]!].map((sample) => ({ template: template.name, sample })),
);

describe('layouts look as approved', () => {
  it.each(cases.map((entry) => [`${entry.template}-${entry.sample.file.slice(0, 3)}`, entry] as const))(
    '%s',
    async (name, { template, sample }) => {
      const summary = await extractSummary(await readReport(sample.path));
      const actual = rasterize((await renderBriefing(summary, { template })).pdf, name);
      const goldenFile = join(GOLDEN_DIR, `${name}.png`);
      if (UPDATE || !existsSync(goldenFile)) {
        writeFileSync(goldenFile, PNG.sync.write(actual));
        if (!UPDATE) throw new Error(`no golden image yet: wrote ${goldenFile}; look at it, commit it, and run again`);
        return;
      }
      const golden = PNG.sync.read(readFileSync(goldenFile));
      expect([actual.width, actual.height]).toEqual([golden.width, golden.height]);
      const different = pixelmatch(actual.data, golden.data, undefined, golden.width, golden.height, {
        threshold: 0.1,
      });
      expect(
        different / (golden.width * golden.height),
        `${different} pixels differ from ${goldenFile}`,
      ).toBeLessThanOrEqual(MAX_DIFFERENT_PIXELS);
    },
  );
});

it('the comparison notices a different page (so a changed layout cannot pass)', () => {
  const [first, second] = ['handout-000', 'handout-004'].map((name) =>
    PNG.sync.read(readFileSync(join(GOLDEN_DIR, `${name}.png`))),
  );
  const different = pixelmatch(first!.data, second!.data, undefined, first!.width, first!.height, { threshold: 0.1 });
  expect(different / (first!.width * first!.height)).toBeGreaterThan(MAX_DIFFERENT_PIXELS * 4);
});

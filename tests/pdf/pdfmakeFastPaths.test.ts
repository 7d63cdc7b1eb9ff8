// The fast paths must give what pdfmake's own code gives: the same style values (checked against pdfmake's
// functions on random style stacks), the same shaped text, and every word in the same place.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { syntheticSummaries } from '../../src/bench/syntheticRegions.js';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { fontFileBytes, ownFontkit, SANS } from '../../src/pdf/fonts.js';
import { requireOwn } from '../../src/pdf/ownModules.js';
import { installPdfmakeFastPaths, pdfmakeOriginals, svgMeasure } from '../../src/pdf/pdfmakeFastPaths.js';
import { layOutPdf } from '../../src/pdf/renderPdf.js';
import { renderBriefing } from '../../src/pipeline/renderBriefing.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { wordBoxes } from '../helpers/pdfLayout.js';
import { text } from '../helpers/pdfTools.js';
import { SAMPLES } from '../helpers/samples.js';

const require = createRequire(import.meta.url);
// The fast paths are in this library's own copy of pdfmake, pdfkit and fontkit (ownModules.ts): the classes are
// reached there, not through this file's require.
type Stack = { push(entry: unknown): void; pop(count?: number): void; getProperty(property: string): unknown };
const StyleContextStack = (
  requireOwn('pdfmake/js/StyleContextStack.js') as {
    default: (new (dictionary: object, defaultStyle?: object) => Stack) & {
      getStyleProperty(item: unknown, stack: Stack | undefined, property: string, fallback: unknown): unknown;
    };
  }
).default;
const Renderer = (requireOwn('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: unknown } } }).default;

/** The style properties pdfmake resolves in a source file of its own: the list follows pdfmake, not this test. */
function propertiesPdfmakeResolves(file: string): string[] {
  const source = readFileSync(require.resolve(`pdfmake/js/${file}`), 'utf8');
  return [
    ...new Set([...source.matchAll(/getStyleProperty\([^,]+,\s*[^,]+,\s*'([A-Za-z]+)'/g)].map((match) => match[1]!)),
  ].sort();
}

describe('style resolution', () => {
  // Every property pdfmake resolves anywhere (and margin, which stacks carry), so an upgrade adding one is covered.
  const PROPERTIES = [
    ...new Set([
      ...['TextInlines.js', 'DocMeasure.js', 'LayoutBuilder.js', 'TableProcessor.js'].flatMap(
        propertiesPdfmakeResolves,
      ),
      'margin',
    ]),
  ];

  it('resolves for each inline exactly the style properties pdfmake resolves when it measures text', () => {
    const ours = readFileSync(new URL('../../src/pdf/measureInlines.ts', import.meta.url), 'utf8');
    const resolvedByUs = [
      ...new Set([...ours.matchAll(/get\([^,]+,\s*stack,\s*'([A-Za-z]+)'/g)].map((match) => match[1]!)),
    ].sort();
    expect(resolvedByUs).toEqual(propertiesPdfmakeResolves('TextInlines.js'));
    expect(PROPERTIES.length).toBeGreaterThan(20);
  });
  const NAMES = ['a', 'b', 'c', 'd', 'missing'];

  /** A seeded random dictionary with `extends` chains (including a cycle), values that are null, and nested stacks. */
  function randomCase(seed: number) {
    let state = seed;
    const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const style = (): Record<string, unknown> => {
      const entries = PROPERTIES.filter(() => random() < 0.3).map((property) => [
        property,
        random() < 0.2 ? null : pick([8, 12, true, false, 'red', 'center', 0]),
      ]);
      return Object.fromEntries(entries);
    };
    const dictionary: Record<string, Record<string, unknown>> = {
      a: style(),
      b: { ...style(), extends: 'a' },
      c: { ...style(), extends: ['b', 'd'] },
      d: { ...style(), extends: 'c' },
    };
    const entries = Array.from({ length: Math.floor(random() * 5) }, () =>
      random() < 0.5 ? pick(NAMES) : { ...style(), ...(random() < 0.3 ? { style: pick(NAMES) } : {}) },
    );
    const item =
      random() < 0.2
        ? 'plain text'
        : {
            ...style(),
            ...(random() < 0.5 ? { style: random() < 0.5 ? pick(NAMES) : [pick(NAMES), pick(NAMES)] } : {}),
            ...(random() < 0.1 ? { section: {} } : {}),
          };
    return { dictionary, defaultStyle: style(), entries, item };
  }

  /** pdfmake's own stack: its original push, pop and getProperty, untouched by the fast paths. */
  function originalStack(dictionary: object, defaultStyle: object): Stack {
    const stack = new StyleContextStack(dictionary, defaultStyle);
    return Object.assign(stack, {
      push: pdfmakeOriginals.push,
      pop: pdfmakeOriginals.pop,
      getProperty: pdfmakeOriginals.getProperty,
    });
  }

  it('gives the value pdfmake gives, on 2,000 random style stacks', () => {
    let compared = 0;
    for (let seed = 1; seed <= 2000; seed += 1) {
      const { dictionary, defaultStyle, entries, item } = randomCase(seed);
      const fast = new StyleContextStack(dictionary, defaultStyle);
      const original = originalStack(dictionary, defaultStyle);
      for (const entry of entries) {
        fast.push(entry);
        original.push(entry);
      }
      for (const property of PROPERTIES) {
        const expected = pdfmakeOriginals.getStyleProperty(item, original as never, property, 'fallback');
        expect(
          StyleContextStack.getStyleProperty(item, fast, property, 'fallback'),
          `seed ${seed}, ${property}`,
        ).toEqual(expected);
        expect(fast.getProperty(property), `seed ${seed}, ${property}`).toEqual(original.getProperty(property));
        compared += 1;
      }
    }
    expect(compared).toBe(2000 * PROPERTIES.length);
  });

  it('forgets what it resolved when the stack changes', () => {
    const stack = new StyleContextStack({ big: { fontSize: 20 } }, { fontSize: 10 });
    expect(stack.getProperty('fontSize')).toBe(10);
    stack.push('big');
    expect(stack.getProperty('fontSize')).toBe(20);
    stack.push({ fontSize: 7 });
    expect(stack.getProperty('fontSize')).toBe(7);
    stack.pop(2);
    expect(stack.getProperty('fontSize')).toBe(10);
  });
});

describe('drawing text in runs', () => {
  const work = mkdtempSync(join(tmpdir(), 'briefing-runs-'));
  const rasterize = (pdf: Buffer, name: string): PNG => {
    writeFileSync(join(work, `${name}.pdf`), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', join(work, `${name}.pdf`), join(work, name)]);
    return PNG.sync.read(readFileSync(join(work, `${name}.png`)));
  };
  async function withPdfmakeDrawing<T>(run: () => Promise<T>): Promise<T> {
    const fast = Renderer.prototype.renderLine;
    Renderer.prototype.renderLine = pdfmakeOriginals.renderLine;
    try {
      return await run();
    } finally {
      Renderer.prototype.renderLine = fast;
    }
  }

  it.each(['handout', 'official', 'compact'])(
    'draws %s pages with every word where pdfmake’s own drawing puts it, in less space',
    async (template) => {
      const summaries: BriefingSummary[] = [
        await extractSummary(await readReport(SAMPLES[0]!.path)),
        syntheticSummaries(1)[0]!,
      ];
      for (const [index, summary] of summaries.entries()) {
        const name = `${template}-${index}`;
        const ours = (await renderBriefing(summary, { template })).pdf;
        const pdfmakes = (await withPdfmakeDrawing(() => renderBriefing(summary, { template }))).pdf;
        const [a, b] = [rasterize(ours, `${name}-runs`), rasterize(pdfmakes, `${name}-pdfmake`)];
        // Every word in the same place, to a millionth of a point …
        const [ourWords, pdfmakeWords] = [
          wordBoxes(join(work, `${name}-runs.pdf`))[0]!.words,
          wordBoxes(join(work, `${name}-pdfmake.pdf`))[0]!.words,
        ];
        expect(ourWords.map((word) => word.text)).toEqual(pdfmakeWords.map((word) => word.text));
        ourWords.forEach((word, index) => {
          for (const edge of ['xMin', 'yMin', 'xMax', 'yMax'] as const)
            expect(word[edge], `${name} “${word.text}” ${edge}`).toBeCloseTo(pdfmakeWords[index]![edge], 4);
        });
        // … so the pages look the same but for the rasterizer's rounding of a glyph here and there.
        expect(pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 }), name).toBeLessThan(
          a.width * a.height * 1e-4,
        );
        expect(text(join(work, `${name}-runs.pdf`))).toBe(text(join(work, `${name}-pdfmake.pdf`)));
        expect(ours.length).toBeLessThan(pdfmakes.length);
      }
    },
  );

  it('leaves lines with links or decorations to pdfmake', async () => {
    const definition = {
      content: [
        { text: [{ text: '链接', link: 'https://example.org' }, '与', { text: '下划线', decoration: 'underline' }] },
      ],
      defaultStyle: { font: 'NotoSansSC' },
      info: { creationDate: new Date(0) },
    };
    const pdf = await (await layOutPdf(definition, ['NotoSansSC'])).toBuffer();
    const pdfmakes = await withPdfmakeDrawing(async () => (await layOutPdf(definition, ['NotoSansSC'])).toBuffer());
    expect(pdf.equals(pdfmakes)).toBe(true);
  });
});

describe('measuring inlines, building lines and subsetting fonts', () => {
  const TextInlines = (requireOwn('pdfmake/js/TextInlines.js') as { default: { prototype: { measure: unknown } } })
    .default;
  const LayoutBuilder = (
    requireOwn('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { buildNextLine: unknown } } }
  ).default;
  /** fontkit's subset class, reached through the font pdfkit uses (fonts are parsed once per process). */
  const subsetPrototype = (): { _addGlyph: unknown } => {
    const font = ownFontkit<{ create(bytes: Buffer): { createSubset(): object } }>().create(
      fontFileBytes(SANS.regular),
    );
    return Object.getPrototypeOf(font.createSubset()) as { _addGlyph: unknown };
  };

  it.each(['handout', 'official', 'compact'])(
    'give the same %s PDF, byte for byte, as pdfmake’s and fontkit’s own code',
    async (template) => {
      const [first, second] = syntheticSummaries(2);
      // Words longer than a line, which pdfmake cuts where it must.
      const unbroken = {
        ...second!,
        highlights: [
          { title: 'GDP'.repeat(40), text: `https://example.org/${'a'.repeat(400)}` },
          ...second!.highlights.slice(1),
        ],
      };
      const summaries: BriefingSummary[] = [await extractSummary(await readReport(SAMPLES[4]!.path)), first!, unbroken];
      for (const summary of summaries) {
        const ours = (await renderBriefing(summary, { template })).pdf;
        const fastMeasure = TextInlines.prototype.measure;
        const fastBuildNextLine = LayoutBuilder.prototype.buildNextLine;
        const subsets = subsetPrototype();
        const fastAddGlyph = subsets._addGlyph;
        TextInlines.prototype.measure = pdfmakeOriginals.measure;
        LayoutBuilder.prototype.buildNextLine = pdfmakeOriginals.buildNextLine;
        subsets._addGlyph = pdfmakeOriginals.addGlyph;
        try {
          const theirs = (await renderBriefing(summary, { template })).pdf;
          expect(ours.equals(theirs), `${template} ${summary.region.name}`).toBe(true);
        } finally {
          TextInlines.prototype.measure = fastMeasure;
          LayoutBuilder.prototype.buildNextLine = fastBuildNextLine;
          subsets._addGlyph = fastAddGlyph;
        }
        expect(fastMeasure).not.toBe(pdfmakeOriginals.measure);
        expect(fastBuildNextLine).not.toBe(pdfmakeOriginals.buildNextLine);
        expect(fastAddGlyph).not.toBe(pdfmakeOriginals.addGlyph);
      }
    },
  );
});

describe('text shaping', () => {
  it('shapes a string once per process, not once per document', async () => {
    const definition = {
      content: [{ text: '经济运行总体平稳、稳中有进' }],
      defaultStyle: { font: 'NotoSansSC' },
      info: { creationDate: new Date(0) },
    };
    const first = await (await layOutPdf(definition, ['NotoSansSC'])).toBuffer();
    // The fontkit font pdfkit shapes with: fonts are parsed once per process, so this is the same object.
    const font = ownFontkit<{ create(bytes: Buffer): { layout(text: string): unknown } }>().create(
      fontFileBytes(SANS.regular),
    );
    const shaping = vi.spyOn(font, 'layout');
    const second = await (await layOutPdf(definition, ['NotoSansSC'])).toBuffer();
    expect(shaping).not.toHaveBeenCalled();
    await (await layOutPdf({ ...definition, content: [{ text: '新的句子' }] }, ['NotoSansSC'])).toBuffer();
    expect(shaping).toHaveBeenCalled(); // the cache is the font's, not a blanket one
    shaping.mockRestore();
    expect(second.equals(first)).toBe(true);
  });
});

describe('svgMeasure', () => {
  it('reads and rewrites an SVG’s size as pdfmake’s SVG measurer does', async () => {
    const SVGMeasure = (requireOwn('pdfmake/js/SVGMeasure.js') as { default: new () => typeof svgMeasure }).default;
    const { XmlDocument } = require('xmldoc') as { XmlDocument: new (xml: string) => { toString(): string } };
    const pdfmakes = new SVGMeasure();
    const { renderChart } = await import('../../src/charts/renderChart.js');
    const chart = renderChart(
      { kind: 'amounts', title: '主要指标（亿元）', unit: '亿元', labels: ['一', '二', '三'], values: [1, 2, 3] },
      { width: 515, height: 150 },
    );
    const svgs = [
      chart.svg, // as cairo writes it: XML declaration first
      '<svg width="300pt" height="150" xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>',
      '<!-- drawn by hand --><svg viewBox=\'0 0 40 20\'><circle r="3"/></svg>',
    ];
    for (const svg of svgs) {
      expect(svgMeasure.measureSVG(svg)).toEqual(pdfmakes.measureSVG(svg));
      const [ours, theirs] = [
        svgMeasure.writeDimensions(svg, { width: 120, height: 60 }),
        pdfmakes.writeDimensions(svg, { width: 120, height: 60 }),
      ];
      // The same document (pdfmake's parser prints both; pdfmake's own output is indented), the same size read back.
      const printed = (xml: unknown): string => new XmlDocument(xml as string).toString().replace(/>\s+</g, '><');
      expect(printed(ours)).toBe(printed(theirs));
      expect(svgMeasure.measureSVG(ours)).toEqual(pdfmakes.measureSVG(theirs));
    }
  });
});

describe('version guard', () => {
  it('finds the versions it was written for, as pdfmake loads them, and names any other', async () => {
    const { installedVersions, versionMismatches, WRITTEN_FOR } = await import('../../src/pdf/pdfmakeVersions.js');
    expect(installedVersions()).toEqual(WRITTEN_FOR);
    // Every comparison above compared the fast paths, not pdfmake's own code with itself.
    expect(installPdfmakeFastPaths()).toBe(true);
    expect(versionMismatches({ pdfmake: '0.3.12', pdfkit: '0.19.1', fontkit: '2.0.4' })).toEqual([
      'pdfmake 0.3.12 (written for 0.3.11)',
    ]);
  });
});

describe('the pdfmake of a program that imports this library', () => {
  it('is left as pdfmake made it: the fast paths and the parse-once fontkit are in the library’s own copy', async () => {
    await (
      await layOutPdf({ content: [{ text: '简报' }], defaultStyle: { font: 'NotoSansSC' } }, ['NotoSansSC'])
    ).toBuffer();
    const shared = {
      styles: (require('pdfmake/js/StyleContextStack.js') as { default: typeof StyleContextStack }).default,
      renderer: (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: unknown } } }).default,
    };
    expect(shared.styles).not.toBe(StyleContextStack);
    expect(StyleContextStack.getStyleProperty).not.toBe(pdfmakeOriginals.getStyleProperty);
    expect(String(shared.styles.getStyleProperty)).toBe(String(pdfmakeOriginals.getStyleProperty));
    expect(String(shared.renderer.prototype.renderLine)).toBe(String(pdfmakeOriginals.renderLine));
    const pdfkitPath = createRequire(require.resolve('pdfmake/js/PDFDocument.js')).resolve('pdfkit');
    const sharedFontkit = createRequire(pdfkitPath)('fontkit') as { create(bytes: Buffer): object };
    expect(sharedFontkit).not.toBe(ownFontkit());
    // Parsed anew each time, as fontkit does (compared by identity: vitest's not.toBe would deep-compare two fonts).
    expect(
      sharedFontkit.create(fontFileBytes(SANS.regular)) === sharedFontkit.create(fontFileBytes(SANS.regular)),
    ).toBe(false);
  });
});

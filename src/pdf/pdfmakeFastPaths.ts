/**
 * Hot spots of pdfmake and pdfkit, replaced by equivalents that give the same layout with less work. Before them,
 * profiles of a batch put these at about half the time per briefing (and much of the garbage collection):
 *
 *   1. Style resolution. pdfmake resolves about twenty style properties for every inline, and a CJK paragraph has an
 *      inline per character. Each lookup pushes the inline on the style stack, allocates a closure and a `Set`, walks
 *      the whole stack and pops. `getStyleProperty` and `getProperty` below walk the same entries in the same order
 *      without allocating, and a stack remembers what it resolved until it changes.
 *      Measuring a run of inlines split from one text node resolves their style once (measureInlines.ts), and
 *      building a line no longer copies the rest of the paragraph for every inline placed (buildNextLine.ts).
 *   2. Text shaping. pdfkit shapes every string with fontkit and caches the result per document, so every briefing
 *      shapes the same characters again. A shaped run depends only on the font and the text (pdfkit scales it once,
 *      then only reads it), and fonts are parsed once per process (fonts.ts), so the cache is kept per font for the
 *      whole process instead, up to a bound.
 *   3. Drawing text. pdfmake writes a text object per inline, so per CJK character; lines are drawn as runs of
 *      same-looking inlines instead, each glyph at the same position (textRuns.ts).
 *   4. Font subsets. fontkit decodes every glyph it puts in a document's subset; what it reads of a glyph is kept
 *      per font for the process instead.
 *   5. SVG measurement. pdfmake parses an SVG twice on every layout (to read and to rewrite its size), and the fitter
 *      lays a briefing out two or three times with the same chart; `svgMeasure` reads and rewrites the root tag only.
 *
 * Each is checked against the code it replaces (tests/pdf/pdfmakeFastPaths.test.ts): same values, same bytes, or
 * (for drawing) every word in the same place.
 *
 * `installPdfmakeFastPaths` must run before any document is laid out; it is idempotent.
 */
import QuickLRU from 'quick-lru';
import { parseFontsOncePerProcess } from './fonts.js';
import { requireOwn } from './ownModules.js';
import { fastPathsUsable } from './pdfmakeVersions.js';
import { buildNextLineWith, type LineClass, type TextInlinesClass as MeasuringClass } from './buildNextLine.js';
import { measureInlinesWith, type TextInlines } from './measureInlines.js';
import { drawLineInRuns, type Line, type PdfKitWriter } from './textRuns.js';

type StyleOverride = string | String | Record<string, unknown>;
interface StyleDefinition extends Record<string, unknown> {
  extends?: string | string[];
}
interface StyleContextStack {
  styleDictionary: Record<string, StyleDefinition | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: StyleOverride[];
  /** Resolved properties of the stack as it is now; dropped whenever it changes. */
  resolved?: Map<string, unknown>;
  getProperty(property: string): unknown;
  push(styleNameOrOverride: StyleOverride): void;
  pop(howMany?: number): void;
}
interface StyleContextStackClass {
  prototype: StyleContextStack;
  getStyleProperty(
    item: unknown,
    stack: StyleContextStack | undefined,
    property: string,
    defaultValue: unknown,
  ): unknown;
}
interface ShapedRun {
  advanceWidth: number;
}
interface EmbeddedFont {
  /** The fontkit font, shared by every document (fonts.ts parses each file once). */
  font: FontkitFont;
  /** This document's subset of the font (fontkit's TTFSubset). */
  subset: FontSubset;
  layoutCache?: object;
  layoutRun(text: string): ShapedRun;
  layoutCached(text: string): ShapedRun;
}
interface FontkitGlyph {
  advanceWidth: number;
  _decode(): { numberOfContours: number } | null;
  _getMetrics(): { leftBearing: number };
}
interface FontkitFont {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  getGlyph(id: number): FontkitGlyph;
  _getTableStream(table: string): { pos: number; readBuffer(length: number): Uint8Array };
}
interface FontSubset {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(id: number): number;
}
interface RendererClass {
  prototype: { pdfDocument: PdfKitWriter; renderLine(line: Line, x?: number, y?: number): void };
}
interface PdfmakeDocumentClass {
  prototype: { provideFont(familyName: string, bold: boolean, italics: boolean): EmbeddedFont };
}

interface SvgMeasurer {
  measureSVG(svg: unknown): { width?: number; height?: number };
  writeDimensions(svg: unknown, dimensions: { width: number; height: number }): unknown;
}

/**
 * Shaped strings kept per font, the most recently used (quick-lru keeps between this and twice this). A briefing
 * shapes mostly the same strings (CJK characters, one each) and about ten new ones (numbers, names) that seldom come
 * back. Unbounded, the cache grew a worker's heap by 1 MB per hundred briefings; bounded at 4,000, live memory still
 * rose 6 MB over 600 briefings, at 1,000 3 MB, at no cost in speed that the bench could see (16.2–17.1 ms at 1,000,
 * 16.7–16.8 ms at 4,000, 16.0–17.1 ms at 500).
 */
const SHAPED_RUNS_PER_FONT = 1_000;

// Loading pdfmake loads pdfkit, which must find the parse-once fontkit in place.
parseFontsOncePerProcess();
const StyleContextStack = requireOwn<{ default: StyleContextStackClass }>('pdfmake/js/StyleContextStack.js').default;
const PdfmakeDocument = requireOwn<{ default: PdfmakeDocumentClass }>('pdfmake/js/PDFDocument.js').default;
const Renderer = requireOwn<{ default: RendererClass }>('pdfmake/js/Renderer.js').default;
const SVGMeasure = requireOwn<{ default: new () => SvgMeasurer }>('pdfmake/js/SVGMeasure.js').default;
const TextInlinesClass = requireOwn<{ default: { prototype: TextInlines & { measure: unknown } } }>(
  'pdfmake/js/TextInlines.js',
).default;
const LayoutBuilder = requireOwn<{ default: { prototype: { buildNextLine: unknown } } }>(
  'pdfmake/js/LayoutBuilder.js',
).default;
const PdfmakeLine = requireOwn<{ default: LineClass }>('pdfmake/js/Line.js').default;

/** pdfmake's (and fontkit's) own implementations: some fast paths hand over to them, and the tests compare against them. */
export const pdfmakeOriginals = {
  getStyleProperty: StyleContextStack.getStyleProperty,
  getProperty: StyleContextStack.prototype.getProperty,
  push: StyleContextStack.prototype.push,
  pop: StyleContextStack.prototype.pop,
  provideFont: PdfmakeDocument.prototype.provideFont,
  renderLine: Renderer.prototype.renderLine,
  /** fontkit's TTFSubset._addGlyph, known once the first font is opened. */
  addGlyph: undefined as FontSubset['_addGlyph'] | undefined,
  measure: TextInlinesClass.prototype.measure,
  buildNextLine: LayoutBuilder.prototype.buildNextLine,
};

let installed = false;

/**
 * Puts the fast paths in place in this library's own pdfmake (ownModules.ts), unless the installed versions are not
 * those they were written for (then pdfmake's own code runs, with one warning). Returns whether they are in place.
 */
export function installPdfmakeFastPaths(): boolean {
  if (installed) return true;
  if (!fastPathsUsable()) return false;
  installed = true;
  StyleContextStack.getStyleProperty = getStyleProperty;
  StyleContextStack.prototype.getProperty = function getProperty(this: StyleContextStack, property: string): unknown {
    return stackValue(this, property);
  };
  StyleContextStack.prototype.push = function push(this: StyleContextStack, styleNameOrOverride: StyleOverride): void {
    this.resolved = undefined;
    pdfmakeOriginals.push.call(this, styleNameOrOverride);
  };
  StyleContextStack.prototype.pop = function pop(this: StyleContextStack, howMany?: number): void {
    this.resolved = undefined;
    pdfmakeOriginals.pop.call(this, howMany);
  };
  TextInlinesClass.prototype.measure = measureInlinesWith(getStyleProperty);
  LayoutBuilder.prototype.buildNextLine = buildNextLineWith(PdfmakeLine, TextInlinesClass as unknown as MeasuringClass);
  Renderer.prototype.renderLine = function renderLine(line, x, y) {
    if (!drawLineInRuns(this.pdfDocument, line, x ?? 0, y ?? 0)) pdfmakeOriginals.renderLine.call(this, line, x, y);
  };
  // pdfkit does not export its EmbeddedFont class, nor fontkit its subset class: their prototypes are patched, once,
  // from the first font a document opens.
  PdfmakeDocument.prototype.provideFont = function provideFont(familyName, bold, italics) {
    const font = pdfmakeOriginals.provideFont.call(this, familyName, bold, italics);
    if (!fontClassesPatched && typeof font.layoutRun === 'function' && font.subset) {
      fontClassesPatched = true;
      (Object.getPrototypeOf(font) as EmbeddedFont).layoutCached = layoutCached;
      const subsetPrototype = Object.getPrototypeOf(font.subset) as FontSubset;
      if (typeof subsetPrototype._addGlyph === 'function') {
        pdfmakeOriginals.addGlyph = subsetPrototype._addGlyph; // TrueType outlines, as the shipped fonts have
        subsetPrototype._addGlyph = addSubsetGlyph;
      }
    }
    return font;
  };
  return true;
}

let fontClassesPatched = false;

/** An SVG document up to its root element's start tag: prolog, comments and doctype, then `<svg …>`. */
const SVG_ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*>\s*)*<svg(\s[^>]*?)?(\/?)>/;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * pdfmake's SVG measurer for LayoutBuilder. pdfmake parses the whole SVG twice on every layout, to read the root's
 * size and to rewrite it; both need only the root element's start tag, which is read and rewritten here. An SVG whose
 * start tag this does not recognise goes to pdfmake's own parser.
 */
export const svgMeasure: SvgMeasurer = (() => {
  const measurer = new SVGMeasure();
  const rootOf = (svg: unknown) => {
    const match = typeof svg === 'string' ? SVG_ROOT.exec(svg) : null;
    if (!match) return undefined;
    const attributes = new Map(
      [...(match[1] ?? '').matchAll(ATTRIBUTE)].map((attribute) => [attribute[1]!, attribute[2] ?? attribute[3]!]),
    );
    return { attributes, selfClosing: match[2] === '/', rest: (svg as string).slice(match[0].length) };
  };
  return {
    measureSVG(svg) {
      const root = rootOf(svg);
      if (!root) return measurer.measureSVG(svg);
      // What pdfmake's measureSVG reads, from the same attributes.
      const [, , viewWidth, viewHeight] = (root.attributes.get('viewBox') ?? '').split(/[,\s]+/);
      return {
        width: sizeOf(root.attributes.get('width')) ?? sizeOf(viewWidth),
        height: sizeOf(root.attributes.get('height')) ?? sizeOf(viewHeight),
      };
    },
    writeDimensions(svg, dimensions) {
      const root = rootOf(svg);
      if (!root) return measurer.writeDimensions(svg, dimensions);
      const { attributes } = root;
      if (!attributes.has('viewBox'))
        attributes.set('viewBox', `0 0 ${sizeOf(attributes.get('width'))} ${sizeOf(attributes.get('height'))}`);
      attributes.set('width', String(dimensions.width));
      attributes.set('height', String(dimensions.height));
      const tag = [...attributes].map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`).join('');
      return `<svg${tag}${root.selfClosing ? '/' : ''}>${root.rest}`;
    },
  };
})();

/** pdfmake's stripUnits: the number at the start of a length, or undefined. */
function sizeOf(length: string | undefined): number | undefined {
  const value = Number.parseFloat(length ?? '');
  return Number.isNaN(value) ? undefined : value;
}

const isValue = (value: unknown): boolean => value !== undefined && value !== null;
const isString = (value: unknown): value is string | String => typeof value === 'string' || value instanceof String;

/**
 * pdfmake: the item's own property, else (the item and its named styles pushed on the stack) the stack's, else the
 * default. The item's own property was looked at first, so only its named styles and then the stack remain.
 */
function getStyleProperty(
  item: unknown,
  stack: StyleContextStack | undefined,
  property: string,
  defaultValue: unknown,
): unknown {
  const node = item as Record<string, unknown>;
  const own = node[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  // autopush pushes nothing for a string or a section node.
  if (!isString(item) && node.section === undefined && node.style) {
    const names = Array.isArray(node.style) ? (node.style as StyleOverride[]) : [node.style as StyleOverride];
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const value = namedStyleValue(stack, names[index]!, property, undefined);
      if (isValue(value)) return value;
    }
  }
  const value = stackValue(stack, property);
  return isValue(value) ? value : defaultValue;
}

/**
 * pdfmake's getProperty: the stack from the top down, then the default style. Remembered until the stack changes:
 * every inline of a paragraph asks the same stack for the same twenty properties, most of them set nowhere.
 */
function stackValue(stack: StyleContextStack, property: string): unknown {
  const resolved = (stack.resolved ??= new Map());
  if (resolved.has(property)) return resolved.get(property);
  let found: unknown;
  const overrides = stack.styleOverrides;
  for (let index = overrides.length - 1; index >= 0 && !isValue(found); index -= 1) {
    const entry = overrides[index]!;
    found = isString(entry) ? namedStyleValue(stack, entry, property, undefined) : entry[property];
  }
  if (!isValue(found)) found = stack.defaultStyle && stack.defaultStyle[property];
  resolved.set(property, found);
  return found;
}

/** A named style's property, following `extends` (last parent first) and ignoring cycles, as pdfmake does. */
function namedStyleValue(
  stack: StyleContextStack,
  name: StyleOverride,
  property: string,
  visited: Set<string> | undefined,
): unknown {
  const key = String(name);
  if (visited?.has(key)) return undefined;
  const style = stack.styleDictionary[key];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<string>();
  seen.add(key);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let index = parents.length - 1; index >= 0; index -= 1) {
    const value = namedStyleValue(stack, parents[index]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

const shapedRunsByFont = new WeakMap<object, QuickLRU<string, ShapedRun>>();

/** pdfkit's layoutCached with the cache kept per font for the process rather than per document. */
function layoutCached(this: EmbeddedFont, text: string): ShapedRun {
  if (!this.layoutCache) return this.layoutRun(text); // the document asked for no cache
  let runs = shapedRunsByFont.get(this.font);
  if (!runs) shapedRunsByFont.set(this.font, (runs = new QuickLRU({ maxSize: SHAPED_RUNS_PER_FONT })));
  let run = runs.get(text);
  if (!run) {
    run = this.layoutRun(text);
    // fontkit's advanceWidth is a getter that sums the run's glyphs on every read, and pdfkit reads it for every
    // width it measures; the run no longer changes, so the sum is kept.
    Object.defineProperty(run, 'advanceWidth', { value: run.advanceWidth });
    runs.set(text, run);
  }
  return run;
}

interface GlyphData {
  bytes: Uint8Array;
  advance: number;
  bearing: number;
}
/** Per font, the simple glyphs read so far; `null` for a composite glyph, which is left to fontkit. */
const glyphDataByFont = new WeakMap<FontkitFont, Map<number, GlyphData | null>>();

/**
 * fontkit's TTFSubset._addGlyph with what it reads of a simple glyph (its bytes and metrics) kept per font for the
 * process: every briefing embeds mostly the same glyphs, and decoding them again was a tenth of the time. Composite
 * glyphs (none in the shipped fonts) and fonts with variations keep fontkit's own code.
 */
function addSubsetGlyph(this: FontSubset, id: number): number {
  const fontkitAddGlyph = pdfmakeOriginals.addGlyph!;
  if (this.font._variationProcessor) return fontkitAddGlyph.call(this, id);
  let byId = glyphDataByFont.get(this.font);
  if (!byId) glyphDataByFont.set(this.font, (byId = new Map()));
  let data = byId.get(id);
  if (data === undefined) {
    const glyph = this.font.getGlyph(id);
    const decoded = glyph._decode();
    const start = this.font.loca.offsets[id]!;
    const stream = this.font._getTableStream('glyf');
    stream.pos += start;
    const bytes = stream.readBuffer(this.font.loca.offsets[id + 1]! - start);
    data =
      decoded && decoded.numberOfContours < 0
        ? null
        : { bytes, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
    byId.set(id, data);
  }
  if (data === null) return fontkitAddGlyph.call(this, id);
  this.glyf.push(data.bytes);
  this.loca.offsets.push(this.offset);
  this.hmtx.metrics.push({ advance: data.advance, bearing: data.bearing });
  this.offset += data.bytes.length;
  return this.glyf.length - 1;
}

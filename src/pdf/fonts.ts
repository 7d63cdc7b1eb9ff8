/**
 * The CJK fonts shipped in fonts/ (Noto Sans SC and Noto Serif SC, SIL OFL): where they are, and loading them.
 * Each font file is read and parsed once per process, on first use, whatever the number of documents.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BriefingError } from '../errors.js';
import { withOwnModules } from './ownModules.js';

export const FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

export interface FontFamily {
  /** Name used in doc definitions (`"font": "NotoSerifSC"`) and template manifests. */
  name: string;
  /** Family name registered with the chart canvas. */
  cssFamily: string;
  regular: string;
  bold: string;
}

export const SANS: FontFamily = {
  name: 'NotoSansSC',
  cssFamily: 'Noto Sans SC',
  regular: `${FONTS_DIR}NotoSansSC/NotoSansSC-Regular.ttf`,
  bold: `${FONTS_DIR}NotoSansSC/NotoSansSC-Bold.ttf`,
};

export const SERIF: FontFamily = {
  name: 'NotoSerifSC',
  cssFamily: 'Noto Serif SC',
  regular: `${FONTS_DIR}NotoSerifSC/NotoSerifSC-Regular.ttf`,
  bold: `${FONTS_DIR}NotoSerifSC/NotoSerifSC-Bold.ttf`,
};

export const FONT_FAMILIES: readonly FontFamily[] = [SANS, SERIF];

/** pdfmake font descriptors: every style maps to a real face (bold is a real bold face; CJK has no italics). */
export function pdfmakeFontDescriptors(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    FONT_FAMILIES.map((family) => [
      family.name,
      { normal: family.regular, bold: family.bold, italics: family.regular, bolditalics: family.bold },
    ]),
  );
}

const loadedBytes = new Map<string, Buffer>();

/** The bytes of a font file, read once per process; a missing file is an error that names it and the fix. */
export function fontFileBytes(file: string): Buffer {
  let bytes = loadedBytes.get(file);
  if (!bytes) {
    if (!existsSync(file)) {
      throw new BriefingError('RENDER_FAILED', `font file missing: ${file}`, {
        file,
        hint: 'restore the fonts/ folder from the repository (git checkout -- fonts)',
      });
    }
    bytes = readFileSync(file);
    loadedBytes.set(file, bytes);
  }
  return bytes;
}

let fontParses = 0;
let parseOnceInstalled = false;

/**
 * Makes fontkit parse each font buffer once per process. pdfkit calls `fontkit.create(bytes)` for every
 * document; for a 10 MB CJK font that is tens of milliseconds each time. The parsed font is not changed by use
 * (pdfkit keeps its per-document state, the subset and glyph widths, in its own EmbeddedFont), so it can be
 * shared. fontkit's exports cannot be reassigned, so pdfkit is given, through the module cache, a fontkit whose
 * `create` remembers its result per buffer; the buffer is the same for every document (fontFileBytes).
 * Must run before pdfkit is first loaded; returns false (and changes nothing) if it is too late.
 */
export function parseFontsOncePerProcess(): boolean {
  if (parseOnceInstalled) return true;
  // In this library's own copy of pdfkit and fontkit (ownModules.ts): an importer's pdfkit keeps its own fontkit.
  return withOwnModules((ownRequire) => {
    const pdfkitPath = createRequire(ownRequire.resolve('pdfmake/js/PDFDocument.js')).resolve('pdfkit');
    if (ownRequire.cache[pdfkitPath]) return false;
    const pdfkitRequire = createRequire(pdfkitPath);
    const fontkitPath = pdfkitRequire.resolve('fontkit');
    const fontkit = pdfkitRequire('fontkit') as Record<string, unknown> & {
      create: (bytes: Uint8Array, family?: string) => object;
    };
    const parsed = new WeakMap<Uint8Array, Map<string, object>>();
    const sharedFontkit: Record<string, unknown> = Object.create(fontkit);
    const create = (bytes: Uint8Array, family?: string): object => {
      let byFamily = parsed.get(bytes);
      if (!byFamily) parsed.set(bytes, (byFamily = new Map()));
      let font = byFamily.get(family ?? '');
      if (!font) {
        font = fontkit.create(bytes, family);
        fontParses += 1;
        byFamily.set(family ?? '', font);
      }
      return font;
    };
    // An own property, shadowing the getter-only export of the prototype.
    Object.defineProperty(sharedFontkit, 'create', { value: create, enumerable: true });
    const cached = ownRequire.cache[fontkitPath]!;
    ownRequire.cache[fontkitPath] = { ...cached, exports: sharedFontkit } as NodeJS.Module;
    parseOnceInstalled = true;
    return true;
  });
}

/** The fontkit this library's pdfkit uses: its own copy, parsing each font once (parseFontsOncePerProcess). */
export function ownFontkit<T>(): T {
  parseFontsOncePerProcess();
  return withOwnModules(
    (ownRequire) =>
      createRequire(createRequire(ownRequire.resolve('pdfmake/js/PDFDocument.js')).resolve('pdfkit'))('fontkit') as T,
  );
}

/** How many times a font has been parsed in this process (for tests and the benchmark). */
export function fontParseCount(): number {
  return fontParses;
}

interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const coverage = new Map<string, GlyphCoverage>();

/** The parsed font of a family's regular face (parsed once per process, shared with pdfkit). */
function coverageOf(family: FontFamily): GlyphCoverage {
  let font = coverage.get(family.name);
  if (!font) {
    font = ownFontkit<{ create: (bytes: Uint8Array) => GlyphCoverage }>().create(fontFileBytes(family.regular));
    coverage.set(family.name, font);
  }
  return font;
}

/** The characters of `text` that none of the families has a glyph for (line breaks and spaces aside), each once. */
export function missingCharacters(text: string, familyNames: readonly string[]): string[] {
  const fonts = FONT_FAMILIES.filter((family) => familyNames.includes(family.name)).map(coverageOf);
  const missing = new Set<string>();
  for (const character of text) {
    if (/\s/.test(character) || missing.has(character)) continue;
    const codePoint = character.codePointAt(0)!;
    if (!fonts.some((font) => font.hasGlyphForCodePoint(codePoint))) missing.add(character);
  }
  return [...missing];
}

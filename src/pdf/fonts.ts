/**
 * The CJK fonts shipped in fonts/ (Noto Sans SC, OFL): where they are, and registration with pdfmake.
 * Font files are read once per process and served to pdfmake from memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BriefingError } from '../errors.js';

/** Project root: this file lives in src/pdf/ or dist/pdf/. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

export interface FontFamily {
  /** Name used in doc definitions and chart labels. */
  name: string;
  /** CSS-style family name registered with the chart canvas. */
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

export const FONT_FAMILIES: readonly FontFamily[] = [SANS];

/** Fails early, naming the file, when a font is missing (for example in a partial checkout). */
export function checkFonts(families: readonly FontFamily[] = FONT_FAMILIES): void {
  for (const family of families) {
    for (const file of [family.regular, family.bold]) {
      if (!existsSync(file)) {
        throw new BriefingError('RENDER_FAILED', `font file missing: ${file}`, {
          file,
          hint: 'restore the fonts/ folder from the repository (git checkout -- fonts)',
        });
      }
    }
  }
}

let loaded: Map<string, Buffer> | undefined;

/** Font bytes by file path, read once per process. */
export function fontBytes(): Map<string, Buffer> {
  if (loaded) return loaded;
  checkFonts();
  loaded = new Map();
  for (const family of FONT_FAMILIES) {
    for (const file of [family.regular, family.bold]) loaded.set(file, readFileSync(file));
  }
  return loaded;
}

/** pdfmake font descriptors: every style maps to a real face (no synthetic bold; no italics in CJK). */
export function pdfmakeFontDescriptors(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    FONT_FAMILIES.map((family) => [family.name, { normal: family.regular, bold: family.bold, italics: family.regular, bolditalics: family.bold }]),
  );
}

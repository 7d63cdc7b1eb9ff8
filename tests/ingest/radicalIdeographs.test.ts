// data/radical-ideographs.json: the radicals a PDF text layer writes for ideographs, where NFKC does not fold them.
// The bundled fonts are the authority: a producer writes a radical for an ideograph when the font draws both with one glyph.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/ingest/normalizeText.js';
import { ROOT } from '../helpers/samples.js';

interface Font {
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { id: number };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(file: string): Font };
const FONTS = ['NotoSansSC/NotoSansSC-Regular.ttf', 'NotoSerifSC/NotoSerifSC-Regular.ttf'].map((file) =>
  fontkit.openSync(join(ROOT, 'fonts', file)),
);
const table = (
  JSON.parse(readFileSync(join(ROOT, 'data/radical-ideographs.json'), 'utf8')) as { ideographs: Record<string, string> }
).ideographs;
const RADICALS = [
  ...Array.from({ length: 0x2ef3 - 0x2e80 + 1 }, (_, at) => 0x2e80 + at),
  ...Array.from({ length: 0x2fd5 - 0x2f00 + 1 }, (_, at) => 0x2f00 + at),
];

/** For each glyph of `font` that draws an ideograph (U+3400–U+9FFF), the first such ideograph. */
function ideographsByGlyph(font: Font): Map<number, string> {
  const byGlyph = new Map<number, string>();
  for (let code = 0x9fff; code >= 0x3400; code -= 1)
    if (font.hasGlyphForCodePoint(code)) byGlyph.set(font.glyphForCodePoint(code).id, String.fromCodePoint(code));
  return byGlyph;
}

describe('data/radical-ideographs.json', () => {
  it('folds every radical a bundled font draws as an ideograph to that ideograph, where NFKC does not (no entry missing, none wrong)', () => {
    const expected: Record<string, string> = {};
    const fonts = FONTS.map((font) => [font, ideographsByGlyph(font)] as const);
    for (const radical of RADICALS) {
      const character = String.fromCodePoint(radical);
      for (const [font, byGlyph] of fonts) {
        const ideograph = font.hasGlyphForCodePoint(radical)
          ? byGlyph.get(font.glyphForCodePoint(radical).id)
          : undefined;
        if (ideograph !== undefined && character.normalize('NFKC') !== ideograph) expected[character] = ideograph;
      }
    }
    expect(table).toEqual(expected);
    for (const [radical, ideograph] of Object.entries(table))
      expect(normalizeText(radical).text, radical).toBe(ideograph);
  });

  it('leaves no radical in the text of the producers’ PDFs once normalised', async () => {
    const { pdfText } = await import('../../src/ingest/extractDocumentText.js');
    const file = join(ROOT, 'tests/fixtures/pdf/chromium/000_fba74e62b4b44a80.pdf');
    const original = await pdfText(file, readFileSync(file));
    expect(original).toMatch(/[\u2e80-\u2fd5]/u);
    expect(normalizeText(original).text).not.toMatch(/[\u2e80-\u2fd5]/u);
  });
});

/**
 * Draws a laid-out line of text as runs: consecutive inlines of the same font, size, colour and opacity go into one
 * text object, each inline's glyphs at exactly the x pdfmake laid it out at (TJ offsets close the gaps).
 *
 * pdfmake draws every inline on its own (graphics state, colour, a text object, a transform) and a CJK paragraph
 * has an inline per character: about twelve operators per character, most of the drawing time and content-stream
 * size of a briefing. A run places the same glyphs at the same positions with a handful of operators per run.
 * (pdfmake's own renderLine carries "TODO: lines without differently styled inlines should be written to pdf as
 * one stream".)
 *
 * Lines with anything beyond plain text (links, decorations, backgrounds, sup/sub, font features, page references,
 * outline entries, glyphs placed off the baseline) are left to pdfmake.
 */

export interface EmbeddedFont {
  id: string;
  ascender: number;
  encode(text: string): [hexGlyphs: string[], positions: GlyphPosition[]];
  ref(): unknown;
}
interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
interface Inline {
  text: string;
  x: number;
  font: EmbeddedFont;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  [property: string]: unknown;
}
export interface Line {
  inlines: Inline[];
  getHeight(): number;
  getAscenderHeight(): number;
  [property: string]: unknown;
}
export interface PdfKitWriter {
  page: { height: number; fonts: Record<string, unknown> };
  _font: EmbeddedFont;
  opacity(opacity: number): void;
  fillColor(color: unknown): void;
  resolveColor(color: unknown, fallback: string): unknown;
  fontSize(size: number): void;
  save(): void;
  restore(): void;
  transform(...matrix: number[]): void;
  addContent(operator: string): void;
}

/** Inline properties that need pdfmake's own drawing. */
const SPECIAL_INLINE = [
  'link',
  'linkToPage',
  'linkToDestination',
  '_pageNodeRef',
  'fontFeatures',
  'sup',
  'sub',
  'decoration',
  'background',
];
/** Line properties that need pdfmake's own drawing. */
const SPECIAL_LINE = ['_outline', '_pageNodeRef', 'id'];

/**
 * Draws `line` at (x, y) on `writer` in runs and returns true, or returns false, having drawn nothing, when the
 * line needs pdfmake's own drawing.
 */
export function drawLineInRuns(writer: PdfKitWriter, line: Line, x: number, y: number): boolean {
  const { inlines } = line;
  if (
    SPECIAL_LINE.some((property) => line[property]) ||
    inlines.some((inline) => SPECIAL_INLINE.some((property) => inline[property]))
  )
    return false;
  const glyphs = inlines.map((inline) => inline.font.encode(inline.text.replace(/\n/g, '')));
  if (glyphs.some(([, positions]) => positions.some((position) => position.xOffset || position.yOffset))) return false;
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  for (let start = 0; start < inlines.length;) {
    let end = start + 1;
    while (end < inlines.length && looksTheSame(inlines[start]!, inlines[end]!)) end += 1;
    drawRun(writer, inlines.slice(start, end), glyphs.slice(start, end), x, y, lineHeight - descent);
    start = end;
  }
  return true;
}

function looksTheSame(a: Inline, b: Inline): boolean {
  return (
    a.font === b.font &&
    a.fontSize === b.fontSize &&
    a.color === b.color &&
    a.opacity === b.opacity &&
    (a.characterSpacing ?? 0) === (b.characterSpacing ?? 0)
  );
}

/** One text object: the run's glyphs, each inline starting at its own x. `ascent`: baseline below the line's top. */
function drawRun(
  writer: PdfKitWriter,
  run: Inline[],
  glyphs: ReturnType<EmbeddedFont['encode']>[],
  x: number,
  y: number,
  ascent: number,
): void {
  if (glyphs.every(([hex]) => hex.length === 0)) return;
  const { font, fontSize } = run[0]!;
  const characterSpacing = run[0]!.characterSpacing ?? 0;
  const opacity = run[0]!.opacity;
  // The same graphics state pdfmake sets before each inline, once for the run.
  writer.opacity(typeof opacity === 'number' && !Number.isNaN(opacity) ? opacity : 1);
  writer.fillColor(writer.resolveColor(run[0]!.color, 'black'));
  writer._font = font;
  writer.fontSize(fontSize);
  writer.page.fonts[font.id] ??= font.ref();

  const scale = fontSize / 1000;
  const startX = x + run[0]!.x;
  writer.save();
  writer.transform(1, 0, 0, -1, 0, writer.page.height);
  writer.addContent('BT');
  writer.addContent(`1 0 0 1 ${pdfNumber(startX)} ${pdfNumber(writer.page.height - y - ascent)} Tm`);
  writer.addContent(`/${font.id} ${pdfNumber(fontSize)} Tf`);
  if (characterSpacing) writer.addContent(`${pdfNumber(characterSpacing)} Tc`);
  const operands: string[] = [];
  let hex = '';
  let shift = 0; // pending move before the next glyph, in thousandths of the font size (TJ's unit; positive moves left)
  let penX = startX;
  run.forEach((inline, index) => {
    const [codes, positions] = glyphs[index]!;
    shift -= (x + inline.x - penX) / scale;
    penX = x + inline.x;
    codes.forEach((code, glyph) => {
      if (Math.abs(shift) >= 1e-6) {
        if (hex) operands.push(`<${hex}>`);
        operands.push(String(pdfNumber(shift)));
        hex = '';
      }
      hex += code;
      const { xAdvance, advanceWidth } = positions[glyph]!;
      shift = advanceWidth - xAdvance; // the font's kerning, as pdfkit writes it
      penX += xAdvance * scale + characterSpacing;
    });
  });
  if (hex) operands.push(`<${hex}>`);
  writer.addContent(`[${operands.join(' ')}] TJ`);
  writer.addContent('ET');
  writer.restore();
}

/** Numbers as pdfkit writes them (rounded to 1e-6). */
function pdfNumber(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

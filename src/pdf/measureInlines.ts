/**
 * pdfmake's TextInlines.measure, resolving the style of a run of inlines once instead of once per inline.
 *
 * pdfmake resolves 23 style properties for every inline, and a CJK paragraph has an inline per character. What an
 * inline resolves to depends only on the style stack (the same for the whole call) and on the inline's own values
 * of those properties and of `style` and `section`; inlines split from one text node carry identical own values.
 * So an inline whose own values equal the previous inline's takes the previous resolution. The measured inlines are
 * new objects of one shape (pdfmake's buildInlines, the only caller, uses only what measure returns); the values are
 * pdfmake's, step for step.
 */

interface Font {
  lineHeight(fontSize: number): number;
}
interface Inline extends Record<string, unknown> {
  text: string;
  font: unknown;
  fontSize: number;
  leadingCut?: number;
  trailingCut: number;
  width: number;
  height: number;
}
export interface TextInlines {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): Font };
  widthOfText(text: string, inline: Inline): number;
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/** An inline's own values that decide how its style resolves. */
interface OwnStyle {
  font: unknown;
  bold: unknown;
  italics: unknown;
  alignment: unknown;
  fontSize: unknown;
  fontFeatures: unknown;
  characterSpacing: unknown;
  color: unknown;
  decoration: unknown;
  decorationColor: unknown;
  decorationStyle: unknown;
  decorationThickness: unknown;
  background: unknown;
  link: unknown;
  linkToPage: unknown;
  linkToDestination: unknown;
  noWrap: unknown;
  opacity: unknown;
  sup: unknown;
  sub: unknown;
  lineHeight: unknown;
  preserveLeadingSpaces: unknown;
  preserveTrailingSpaces: unknown;
  style: unknown;
  section: unknown;
}

// Written out property by property: generic loops over property names made this slower than pdfmake's own code.
function ownStyle(item: Inline): OwnStyle {
  return {
    font: item.font,
    bold: item.bold,
    italics: item.italics,
    alignment: item.alignment,
    fontSize: item.fontSize,
    fontFeatures: item.fontFeatures,
    characterSpacing: item.characterSpacing,
    color: item.color,
    decoration: item.decoration,
    decorationColor: item.decorationColor,
    decorationStyle: item.decorationStyle,
    decorationThickness: item.decorationThickness,
    background: item.background,
    link: item.link,
    linkToPage: item.linkToPage,
    linkToDestination: item.linkToDestination,
    noWrap: item.noWrap,
    opacity: item.opacity,
    sup: item.sup,
    sub: item.sub,
    lineHeight: item.lineHeight,
    preserveLeadingSpaces: item.preserveLeadingSpaces,
    preserveTrailingSpaces: item.preserveTrailingSpaces,
    style: item.style,
    section: item.section,
  };
}

function sameOwnStyle(item: Inline, own: OwnStyle): boolean {
  return (
    item.font === own.font &&
    item.bold === own.bold &&
    item.italics === own.italics &&
    item.alignment === own.alignment &&
    item.fontSize === own.fontSize &&
    item.fontFeatures === own.fontFeatures &&
    item.characterSpacing === own.characterSpacing &&
    item.color === own.color &&
    item.decoration === own.decoration &&
    item.decorationColor === own.decorationColor &&
    item.decorationStyle === own.decorationStyle &&
    item.decorationThickness === own.decorationThickness &&
    item.background === own.background &&
    item.link === own.link &&
    item.linkToPage === own.linkToPage &&
    item.linkToDestination === own.linkToDestination &&
    item.noWrap === own.noWrap &&
    item.opacity === own.opacity &&
    item.sup === own.sup &&
    item.sub === own.sub &&
    item.lineHeight === own.lineHeight &&
    item.preserveLeadingSpaces === own.preserveLeadingSpaces &&
    item.preserveTrailingSpaces === own.preserveTrailingSpaces &&
    item.style === own.style &&
    item.section === own.section
  );
}

/** What measure resolves for an inline, with pdfmake's defaults. */
function resolveStyle(
  inlines: TextInlines,
  item: Inline,
  stack: unknown,
  get: (item: unknown, stack: unknown, property: string, fallback: unknown) => unknown,
) {
  return {
    font: inlines.pdfDocument.provideFont(
      get(item, stack, 'font', 'Roboto'),
      get(item, stack, 'bold', false),
      get(item, stack, 'italics', false),
    ),
    alignment: get(item, stack, 'alignment', 'left'),
    fontSize: get(item, stack, 'fontSize', 12) as number,
    fontFeatures: get(item, stack, 'fontFeatures', null),
    characterSpacing: get(item, stack, 'characterSpacing', 0),
    color: get(item, stack, 'color', 'black'),
    decoration: get(item, stack, 'decoration', null),
    decorationColor: get(item, stack, 'decorationColor', null),
    decorationStyle: get(item, stack, 'decorationStyle', null),
    decorationThickness: get(item, stack, 'decorationThickness', null),
    background: get(item, stack, 'background', null),
    link: get(item, stack, 'link', null),
    linkToPage: get(item, stack, 'linkToPage', null),
    linkToDestination: get(item, stack, 'linkToDestination', null),
    noWrap: get(item, stack, 'noWrap', null),
    opacity: get(item, stack, 'opacity', 1),
    sup: get(item, stack, 'sup', false),
    sub: get(item, stack, 'sub', false),
    lineHeight: get(item, stack, 'lineHeight', 1) as number,
    preserveLeadingSpaces: get(item, stack, 'preserveLeadingSpaces', false),
    preserveTrailingSpaces: get(item, stack, 'preserveTrailingSpaces', false),
  };
}

/** Builds the measure function around the (fast) getStyleProperty in use. */
export function measureInlinesWith<Stack>(
  getStyleProperty: (item: unknown, stack: Stack, property: string, defaultValue: unknown) => unknown,
) {
  const get = getStyleProperty as (item: unknown, stack: unknown, property: string, fallback: unknown) => unknown;
  return function measure(this: TextInlines, array: Inline[], stack: Stack): Inline[] {
    if (array.length) {
      const leadingIndent = get(array[0], stack, 'leadingIndent', 0) as number;
      if (leadingIndent) {
        array[0]!.leadingCut = -leadingIndent;
        array[0]!.leadingIndent = leadingIndent;
      }
    }
    let previousOwn: OwnStyle | undefined;
    let style: ReturnType<typeof resolveStyle> | undefined;
    const measured: Inline[] = [];
    for (const item of array) {
      if (!style || !previousOwn || !sameOwnStyle(item, previousOwn)) {
        previousOwn = ownStyle(item);
        style = resolveStyle(this, item, stack, get);
      }
      // One object of one shape with every measured property, where pdfmake adds twenty properties one by one to
      // each inline (growing its storage each time, and giving inlines many shapes for the code that reads them).
      const inline: Inline = {
        text: item.text,
        font: style.font,
        alignment: style.alignment,
        fontSize: style.sup || style.sub ? style.fontSize * 0.58 : style.fontSize, // pdfmake's size for sup and sub
        fontFeatures: style.fontFeatures,
        characterSpacing: style.characterSpacing,
        color: style.color,
        decoration: style.decoration,
        decorationColor: style.decorationColor,
        decorationStyle: style.decorationStyle,
        decorationThickness: style.decorationThickness,
        background: style.background,
        link: style.link,
        linkToPage: style.linkToPage,
        linkToDestination: style.linkToDestination,
        noWrap: style.noWrap,
        opacity: style.opacity,
        sup: style.sup,
        sub: style.sub,
        width: 0,
        height: 0,
        leadingCut: item.leadingCut || 0,
        trailingCut: 0,
        x: 0, // set when the inline joins a line
        justifyShift: 0, // set when a justified line spreads its inlines
      };
      // The rest of what the inline carries (line ends, its own style values), as pdfmake keeps it.
      for (const key in item) if (!(key in inline)) inline[key] = item[key];
      inline.width = this.widthOfText(inline.text, inline);
      inline.height = style.font.lineHeight(inline.fontSize) * style.lineHeight;
      if (!style.preserveLeadingSpaces) {
        const leadingSpaces = inline.text.match(LEADING);
        if (leadingSpaces) inline.leadingCut! += this.widthOfText(leadingSpaces[0]!, inline);
      }
      if (!style.preserveTrailingSpaces) {
        const trailingSpaces = inline.text.match(TRAILING);
        if (trailingSpaces) inline.trailingCut = this.widthOfText(trailingSpaces[0]!, inline);
      }
      measured.push(inline);
    }
    return measured;
  };
}

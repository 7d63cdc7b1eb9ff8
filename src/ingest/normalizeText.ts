/**
 * Normalises decoded report text once, for every later stage, and keeps where each character came from.
 *
 * Reports reach us as web copies (</span>, &nbsp;, <br>, pinyin glosses 經(jīng)濟), Markdown conversions (#, **,
 * PM_{2.5}), full-width forms (２０２３年, ４．５％), ASCII punctuation in Chinese sentences, traditional-character
 * reposts, CR-only line endings, and PDF text layers that name ideographs by their radicals' code points (⽬ for 目,
 * ⻓ for 长). The extractor should see one form of all of these: simplified characters, ASCII digits and letters,
 * Chinese punctuation, no markup. Quotes must still be verbatim slices of the original file, so
 * every normalised character records the range of the original it stands for.
 */
import { z } from 'zod';
import { loadDataFile } from '../util/dataFile.js';
import { toSimplified } from './toSimplified.js';

/** A radical to the ideograph a font draws with the same glyph, where NFKC does not give it (see the file's $comment). */
const radicalIdeographsSchema = z.object({
  $comment: z.string(),
  ideographs: z.record(
    z.string().regex(/^[\u2e80-\u2fd5]$/u, 'a radical (U+2E80–U+2FD5)'),
    z.string().regex(/^[\u3400-\u9fff]$/u, 'one ideograph'),
  ),
});

export interface NormalizedText {
  /** The text as decoded. */
  original: string;
  /** The normalised text. */
  text: string;
  /** For character i of `text`, the original range [from[i], to[i]) it stands for. */
  from: Int32Array;
  to: Int32Array;
}

/**
 * Markup to drop, matched on the original. Block-level tags become a line break (a web copy's paragraphs),
 * inline tags and emphasis marks nothing; entities their character; subscript braces (PM_{2.5}) their content.
 */
const MARKUP = new RegExp(
  [
    '<\\/?(?<block>p|div|br|li|ul|ol|tr|table|h[1-6]|section|article)\\b[^<>]{0,300}>',
    '<\\/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\\s[^<>]{0,300})?\\/?>',
    '<!--[^]{0,2000}?-->',
    '&(?<entity>nbsp|ensp|emsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot|#\\d{1,6}|#x[0-9a-fA-F]{1,6});',
    '(?<heading>^[ \\t\\u3000]*#{1,6}[ \\t]+)',
    '\\*\\*',
    '_\\{(?<subscript>[^{}\\n]{1,12})\\}',
    // A pinyin gloss after a character (經(jīng)濟): lower-case syllable with a tone mark or tone digit.
    '(?<=\\p{Script=Han})[（(](?=[a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ1-4])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}[1-4]?[)）]',
    // A footnote mark of a web copy (R&D[3]经费).
    '(?<=[\\p{Script=Han}A-Za-z])\\[\\d{1,2}\\]',
    '\\r\\n?',
    // A title spaced out letter by letter (三 河 市, 政　府　工　作　报　告): the spaces between its characters go.
    '(?<spaced>^(?:[一二三四五六七八九十]+、)?\\p{Script=Han}(?:[ \\u3000]{1,2}\\p{Script=Han}){1,9}(?=[ \\t\\u3000]*\\r?$))',
    // Compatibility forms of ideographs and letters: radicals (Kangxi, supplement), compatibility ideographs, ligatures.
    '(?<compatible>[\\u2e80-\\u2ef3\\u2f00-\\u2fd5\\uf900-\\ufaff\\ufb00-\\ufb06\\u{2f800}-\\u{2fa1f}])',
    // Invisible characters, and control characters a text should not hold (form feeds of page breaks, stray ESC).
    '[\\u200b-\\u200f\\ufeff\\u00ad\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]',
  ].join('|'),
  'gmu',
);

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
};

/** ASCII punctuation written inside Chinese sentences, in the Chinese form the extractor reads. */
const CHINESE_PUNCTUATION: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

export function normalizeText(original: string): NormalizedText {
  const out = new Builder(original.length + 1);
  let last = 0;
  for (const match of original.matchAll(MARKUP)) {
    out.copy(original, last, match.index);
    last = match.index + match[0].length;
    const groups = match.groups ?? {};
    if (groups.block !== undefined || match[0][0] === '\r') out.push('\n', match.index, last);
    else if (groups.entity !== undefined) out.push(decodeEntity(groups.entity), match.index, last);
    else if (groups.subscript !== undefined) out.copy(original, match.index + 2, last - 1);
    else if (groups.compatible !== undefined) out.push(foldCompatible(groups.compatible), match.index, last);
    else if (groups.spaced !== undefined) {
      for (let at = match.index; at < last; at += 1)
        if (original[at] !== ' ' && original[at] !== '\u3000') out.copy(original, at, at + 1);
    }
  }
  out.copy(original, last, original.length);
  const folded = foldForms(out.text());
  return {
    original,
    text: toSimplified(folded),
    from: out.from.slice(0, folded.length),
    to: out.to.slice(0, folded.length),
  };
}

function decodeEntity(entity: string): string {
  if (entity.startsWith('#')) {
    const code =
      entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code === 0xa0 ? 0x20 : code).slice(0, 1) : ' ';
  }
  return ENTITIES[entity] ?? ' ';
}

let radicalIdeographs: Map<string, string> | undefined;

/**
 * A compatibility form to what it stands for: NFKC (⽬ → 目, U+F900 → 豈, ﬁ → fi), except for the radicals NFKC leaves
 * or folds to another form than the one fonts draw them as (⻓ → 长, ⼾ → 户: data/radical-ideographs.json).
 */
function foldCompatible(character: string): string {
  radicalIdeographs ??= new Map(
    Object.entries(loadDataFile('radical-ideographs.json', radicalIdeographsSchema).ideographs),
  );
  return radicalIdeographs.get(character) ?? character.normalize('NFKC');
}

/**
 * Full-width digits, letters and signs to ASCII (NFKC's folding, applied one character at a time so positions hold),
 * ideographic and no-break spaces to spaces, and ASCII punctuation to the Chinese form, except where it belongs to a
 * number (1,234.5 and 10:30 keep theirs).
 */
export function foldForms(text: string): string {
  // Only the characters that fold are visited: a report is mostly characters that stay.
  return text.replace(FOLDABLE, (character, index: number) => {
    const code = character.charCodeAt(0);
    let folded = character;
    if (code >= 0xff01 && code <= 0xff5e) folded = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0xa0) folded = ' ';
    // ℅ (care of) stands for % on pages whose font or encoding lost the percent sign.
    else if (code === 0x2105) folded = '%';
    // 二○二五年: a circle among Chinese numerals is the numeral zero 〇, not a list bullet.
    else if ((code === 0x25cb || code === 0x25ef) && (isNumeral(text[index - 1]) || isNumeral(text[index + 1])))
      folded = '〇';
    if (folded in CHINESE_PUNCTUATION) {
      const between = isDigit(foldedDigit(text, index - 1)) && isDigit(foldedDigit(text, index + 1));
      const after = text
        .slice(index + 1, index + 5)
        .replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
      const inNumber = (folded === ',' && between && /^\d{3}(?!\d)/.test(after)) || (folded === ':' && between);
      // Full-width punctuation stays Chinese; ASCII punctuation too, unless it is part of a number.
      if (!inNumber) folded = CHINESE_PUNCTUATION[folded]!;
    }
    return folded;
  });
}

const FOLDABLE = /[\uff01-\uff5e\u3000\u00a0\u2105\u25cb\u25ef,;:()!?]/g;

const isNumeral = (character: string | undefined): boolean =>
  character !== undefined && '〇零一二三四五六七八九十'.includes(character);

/** The character at `index` with a full-width digit read as its ASCII digit. */
function foldedDigit(text: string, index: number): string | undefined {
  const character = text[index];
  if (character === undefined) return undefined;
  const code = character.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : character;
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

/** Output characters with the original range each stands for. */
class Builder {
  from: Int32Array;
  to: Int32Array;
  private readonly parts: string[] = [];
  private length = 0;

  constructor(capacity: number) {
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }

  /** Original characters [start, end), each standing for itself. */
  copy(original: string, start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(original.slice(start, end));
    this.reserve(end - start);
    for (let at = start; at < end; at += 1, this.length += 1) {
      this.from[this.length] = at;
      this.to[this.length] = at + 1;
    }
  }

  /** A replacement standing for the original range [start, end): each of its code units stands for the whole range. */
  push(replacement: string, start: number, end: number): void {
    this.parts.push(replacement);
    this.reserve(replacement.length);
    for (let unit = 0; unit < replacement.length; unit += 1, this.length += 1) {
      this.from[this.length] = start;
      this.to[this.length] = end;
    }
  }

  text(): string {
    return this.parts.join('');
  }

  /** Room for `count` more characters: only a ligature (ﬃ → ffi) makes the text longer than the original. */
  private reserve(count: number): void {
    if (this.length + count <= this.from.length) return;
    const capacity = Math.max(this.from.length * 2, this.length + count);
    const grow = (array: Int32Array): Int32Array => {
      const grown = new Int32Array(capacity);
      grown.set(array);
      return grown;
    };
    this.from = grow(this.from);
    this.to = grow(this.to);
  }
}

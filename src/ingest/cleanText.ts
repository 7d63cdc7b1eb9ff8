/**
 * Turns decoded report text into clean paragraphs without losing track of where each character came from.
 *
 * Markup and character forms are normalised first (normalizeText). Then print and OCR leave noise the extractor
 * must not see: lines hard-wrapped by a PDF or a fixed-width copy, sentences cut across columns or pages, whole
 * passages repeated by the column layout, mastheads, dates and photo captions. Each cleaned paragraph keeps, per
 * character, the range of the original it came from, so a quote can always be cut verbatim from the source.
 */
import { type NormalizedText, normalizeText } from './normalizeText.js';
import { isPageFurniture, MASTHEAD_DATE } from './pageFurniture.js';
import type { Paragraph, ParagraphKind } from './types.js';

const SENTENCE_END = /[。！？；…!?;]["”’」』）)]*$/;
const INNER_PUNCTUATION = /[，。；：！？、,;:!?]/;
/** （一） (一) 一、 第一部分: the numbering of a report's sections. */
export const NUMBERED_HEADING =
  /^(?:[（(]\s*[一二三四五六七八九十]+\s*[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[部分章节])\s*/;
/** A line cut by print is nearly a full column; shorter unterminated lines are headings or captions. */
const MIN_CUT_LINE = 30;
/** A line of clauses this long that stops without a full stop was cut; shorter ones are headings (坚持项目为王，积蓄发展动能). */
const MIN_CLAUSES_CUT = 24;
const MIN_COMMA_CUT = 8;
const MAX_HEADING = 32;
const MAX_CAPTION = 18;
/** A bracketed aside spans at most a few lines; an unclosed bracket in a long paragraph is a typo, not a cut. */
const MAX_BRACKETED = 80;
/** Shorter repeated lines (slogans, headings) are left alone: only whole repeated passages are layout noise. */
const MIN_DUPLICATE = 12;
/** Column layouts repeat a passage close to where it belongs; looking this many paragraphs around keeps cleaning linear. */
const DUPLICATE_WINDOW = 24;

/** A masthead is the first lines of a page: the dated line is looked for this far down. */
const MASTHEAD_LINES = 12;
/** A section banner above the dated line (聚焦, 要闻, 专题): one word alone. */
const BANNER_WORD = /^\p{Script=Han}{2,4}$/u;

/** Normalises the original (see normalizeText) and cuts it into clean paragraphs. */
export function cleanText(original: string): Paragraph[] {
  return paragraphsOf(normalizeText(original));
}

/**
 * `linesWrapped`: the reader knows that the text's lines are printed lines and that a blank line separates paragraphs
 * (a PDF read in reading order); otherwise whether lines were hard-wrapped is told from their widths.
 */
export function paragraphsOf(
  normalized: NormalizedText,
  { linesWrapped = false }: { linesWrapped?: boolean } = {},
): Paragraph[] {
  const lines = splitLines(normalized);
  const blocks = joinWrappedLines(lines, linesWrapped ? 0 : wrapWidth(lines)).map((block) =>
    toParagraph(normalized, block),
  );
  return dropRepeatedPassages(joinCutParagraphs(markBanners(blocks)));
}

/** A line of the normalised text without its surrounding space; `indented` when it started with space. */
interface Line {
  start: number;
  end: number;
  /** Printed width of the original line: a CJK character is 1, an ASCII character ½ (a comma in a PDF text layer). */
  width: number;
  indented: boolean;
  /** A blank line came before it. */
  afterBlank: boolean;
}

function splitLines(normalized: NormalizedText): Line[] {
  const { text, original } = normalized;
  const lines: Line[] = [];
  let afterBlank = false;
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start += 1;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end > start) {
      lines.push({
        start,
        end,
        width: printedWidth(original, normalized.from[start]!, normalized.to[end - 1]!),
        indented: start > lineStart,
        afterBlank,
      });
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    lineStart = lineEnd + 1;
  }
  return lines;
}

function printedWidth(original: string, from: number, to: number): number {
  let width = 0;
  for (let index = from; index < to; index += 1) width += original.charCodeAt(index) < 0x80 ? 0.5 : 1;
  return width;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c;
}

/** Hard-wrapped text (a PDF text layer, a fixed-width copy) has most of its long lines at one full width. */
const MIN_WRAPPED_LINES = 5;
const WRAPPED_SHARE = 0.5;
const WRAP_SLACK = 3;
const MIN_WRAP_WIDTH = 15;

/** The width at or beyond which a line was cut by wrapping, or undefined when the text is not hard-wrapped. */
function wrapWidth(lines: Line[]): number | undefined {
  const lengths = lines
    .map((line) => line.width)
    .filter((width) => width >= MIN_WRAP_WIDTH)
    .sort((a, b) => a - b);
  if (lengths.length < MIN_WRAPPED_LINES) return undefined;
  const full = lengths[Math.floor(lengths.length * 0.9)]!;
  const nearFull = lengths.filter((length) => length >= full - WRAP_SLACK && length <= full + WRAP_SLACK).length;
  return nearFull >= MIN_WRAPPED_LINES && nearFull / lengths.length >= WRAPPED_SHARE ? full - WRAP_SLACK : undefined;
}

/**
 * Lines become paragraphs. In hard-wrapped text a full-width line (any line where the width is 0: a PDF read in reading
 * order) goes on in the next one unless that one is indented or follows a blank line (a new paragraph); elsewhere a
 * line is a paragraph (web copies put no blank line between them).
 */
function joinWrappedLines(lines: Line[], width: number | undefined): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const previous = current.at(-1);
    const continues =
      width !== undefined && previous !== undefined && previous.width >= width && !line.indented && !line.afterBlank;
    if (!continues && current.length > 0) {
      blocks.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function toParagraph(normalized: NormalizedText, lines: Line[]): Paragraph {
  const text = lines.map((line) => normalized.text.slice(line.start, line.end)).join('');
  const from = new Int32Array(text.length);
  const to = new Int32Array(text.length);
  let at = 0;
  for (const line of lines) {
    from.set(normalized.from.subarray(line.start, line.end), at);
    to.set(normalized.to.subarray(line.start, line.end), at);
    at += line.end - line.start;
  }
  return { text, kind: classify(text), from, to };
}

/** Above a newspaper page's dated line, a word alone is the section's banner (聚焦, 要闻), not a caption of the page. */
function markBanners(paragraphs: Paragraph[]): Paragraph[] {
  const dated = paragraphs.slice(0, MASTHEAD_LINES).findIndex((paragraph) => MASTHEAD_DATE.test(paragraph.text));
  return paragraphs.map((paragraph, index) =>
    index < dated && BANNER_WORD.test(paragraph.text) ? { ...paragraph, kind: 'furniture' } : paragraph,
  );
}

function classify(text: string): ParagraphKind {
  if (isPageFurniture(text)) return 'furniture';
  if (NUMBERED_HEADING.test(text) && text.length <= MAX_HEADING * 2) return 'heading';
  if (SENTENCE_END.test(text) || text.length > MAX_HEADING) return 'body';
  if (text.length <= MAX_CAPTION && !INNER_PUNCTUATION.test(text)) return 'caption';
  return 'heading';
}

/**
 * Re-joins what print cut: a body line cut mid-sentence with its continuation (skipping captions placed between),
 * and any paragraph that opens a bracket it does not close with the paragraphs that close it.
 */
function joinCutParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const result: Paragraph[] = [];
  let index = 0;
  while (index < paragraphs.length) {
    let paragraph = paragraphs[index]!;
    let next = index + 1;
    for (;;) {
      let continuation: Paragraph | undefined;
      if (hasOpenBracket(paragraph.text)) {
        continuation = paragraphs[next];
        if (continuation?.kind === 'furniture') continuation = undefined;
      } else {
        const cut = isCut(paragraph, paragraphs[next]);
        let ahead = next;
        if (cut) {
          while (ahead < paragraphs.length && isInterruption(paragraphs[ahead]!)) ahead += 1;
          continuation = paragraphs[ahead];
          // A short continuation looks like a heading; after a certain cut it is the rest of the sentence.
          if (
            continuation &&
            (NUMBERED_HEADING.test(continuation.text) || (cut === 'likely' && continuation.kind === 'heading'))
          )
            continuation = undefined;
        }
        // Captions between a cut line and its continuation are left out; without a continuation they stay.
        if (continuation) next = ahead;
      }
      if (!continuation) break;
      paragraph = concatenate(paragraph, continuation);
      next += 1;
    }
    result.push(paragraph);
    index = next;
  }
  return result;
}

/**
 * A paragraph that print cut: a long body line without its full stop; a line ending on a comma or an opening
 * bracket (no paragraph ends there); a line of clauses cut mid-word (初步核算，…完成26.55亿元，同比增 | 长6.0%);
 * a number cut from its decimals or unit (3. | 9个百分点).
 */
function isCut(paragraph: Paragraph, next: Paragraph | undefined): 'certain' | 'likely' | undefined {
  const text = paragraph.text;
  if (SENTENCE_END.test(text)) return undefined;
  if (/[，、：（“‘《]$/.test(text) && text.length >= MIN_COMMA_CUT) return 'certain';
  if (next && /[\d.]$/.test(text) && /^(?:[\d.%]|[万亿千]?[元吨亩人个家户]|个百分点)/.test(next.text)) return 'certain';
  if (text.length >= MIN_CLAUSES_CUT && /[，；]/.test(text) && !NUMBERED_HEADING.test(text)) return 'likely';
  return paragraph.kind === 'body' && text.length >= MIN_CUT_LINE ? 'likely' : undefined;
}

/** （2023年2月21日在沁水县第十七届 — a bracket opened and not closed: the line goes on in the next paragraph. */
function hasOpenBracket(text: string): boolean {
  const opened = (text.match(/[（(]/g) ?? []).length;
  const closed = (text.match(/[）)]/g) ?? []).length;
  return opened > closed && text.length <= MAX_BRACKETED;
}

function isInterruption(paragraph: Paragraph): boolean {
  return paragraph.kind === 'caption' || paragraph.kind === 'furniture';
}

function concatenate(first: Paragraph, second: Paragraph): Paragraph {
  const join = (a: Int32Array, b: Int32Array): Int32Array => {
    const joined = new Int32Array(a.length + b.length);
    joined.set(a);
    joined.set(b, a.length);
    return joined;
  };
  return {
    text: first.text + second.text,
    kind: 'body',
    from: join(first.from, second.from),
    to: join(first.to, second.to),
  };
}

/** Drops a passage that the column layout printed twice nearby (kept where it first appears in full). */
function dropRepeatedPassages(paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.filter((paragraph, index) => {
    if (paragraph.text.length < MIN_DUPLICATE) return true;
    const from = Math.max(0, index - DUPLICATE_WINDOW);
    const to = Math.min(paragraphs.length, index + DUPLICATE_WINDOW + 1);
    for (let otherIndex = from; otherIndex < to; otherIndex += 1) {
      const other = paragraphs[otherIndex]!;
      if (otherIndex === index || other.text.length < paragraph.text.length || !other.text.includes(paragraph.text))
        continue;
      if (other.text.length > paragraph.text.length || otherIndex < index) return false;
    }
    return true;
  });
}

/**
 * The range of the original text that characters [start, end) of a cleaned paragraph stand for. It is one verbatim
 * slice of the original: where cleaning removed markup or a line break inside the stretch, the slice holds it.
 */
export function sourceRange(paragraph: Paragraph, start: number, end: number): { from: number; to: number } {
  return { from: paragraph.from[start]!, to: paragraph.to[end - 1]! };
}

/**
 * Turns decoded report text into clean paragraphs without losing track of where each character came from.
 *
 * Print and OCR leave noise that the extractor must not see: Markdown marks (#, **), TeX-like artefacts
 * (PM_{2.5}), sentences cut across columns or pages, whole passages repeated by the column layout,
 * mastheads, dates and photo captions. Each cleaned paragraph keeps `runs` that map it back to the
 * original, so a quote can always be cut verbatim from the source.
 */
import type { Paragraph, ParagraphKind, SourceRun } from './types.js';

const SENTENCE_END = /[。！？；…!?;]["”’」』）)]*$/;
const INNER_PUNCTUATION = /[，。；：！？、,;:!?]/;
/** （一） (一) 一、 第一部分: the numbering of a report's sections. */
export const NUMBERED_HEADING = /^(?:[（(]\s*[一二三四五六七八九十]+\s*[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[部分章节])\s*/;
/** A line cut by print is nearly a full column; shorter unterminated lines are headings or captions. */
const MIN_CUT_LINE = 30;
const MAX_HEADING = 32;
const MAX_CAPTION = 18;
/** A bracketed aside spans at most a few lines; an unclosed bracket in a long paragraph is a typo, not a cut. */
const MAX_BRACKETED = 80;
/** Shorter repeated lines (slogans, headings) are left alone: only whole repeated passages are layout noise. */
const MIN_DUPLICATE = 12;
/** Column layouts repeat a passage close to where it belongs; looking this many paragraphs around keeps cleaning linear. */
const DUPLICATE_WINDOW = 24;

const FURNITURE: RegExp[] = [
  /^[A-Z][A-Z .·-]*$/, // CHANGZHI RIBAO
  /^\d{4}$/, // a bare year in a masthead
  /^\S{2,6}日报$/,
  /^\S{0,8}特刊$/,
  /^聚焦$/,
  /^\S{2,6}两会$/,
  /^\d{4}年\d{1,2}月\d{1,2}日\s*(星期|周)[一二三四五六日天]$/,
  /^第\s*\d+\s*版/,
  /^[-—\d\s]+$/, // page numbers and rules
];

export function cleanText(original: string): Paragraph[] {
  const blocks = splitBlocks(original).map((runs) => toParagraph(original, runs));
  return dropRepeatedPassages(joinCutParagraphs(blocks));
}

/** Splits on blank lines; the lines of a block are joined without a separator (Chinese has no spaces). */
function splitBlocks(original: string): SourceRun[][] {
  const blocks: SourceRun[][] = [];
  let current: SourceRun[] = [];
  let lineStart = 0;
  while (lineStart <= original.length) {
    let lineEnd = original.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = original.length;
    const runs = contentRuns(original, lineStart, lineEnd);
    if (runs.length === 0) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(...runs);
    }
    lineStart = lineEnd + 1;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** The parts of one line that are text: without surrounding space, heading marks, ** and PM_{2.5} braces. */
function contentRuns(original: string, start: number, end: number): SourceRun[] {
  const line = original.slice(start, end);
  const lead = /^[\s\u3000]*(#{1,6}\s+)?[\s\u3000]*/.exec(line)?.[0].length ?? 0;
  const trail = /[\s\u3000]*$/.exec(line)?.[0].length ?? 0;
  const body = line.slice(lead, line.length - trail);
  if (body.length === 0) return [];
  const runs: SourceRun[] = [];
  // Markup to skip inside the line: bold marks and the braces of subscripts such as PM_{2.5}.
  const markup = /\*\*|_\{|(?<=_\{[^}]*)\}/g;
  let from = 0;
  for (const match of body.matchAll(markup)) {
    if (match.index > from) runs.push({ at: 0, from: start + lead + from, length: match.index - from });
    from = match.index + match[0].length;
  }
  if (from < body.length) runs.push({ at: 0, from: start + lead + from, length: body.length - from });
  return runs;
}

function toParagraph(original: string, runs: SourceRun[]): Paragraph {
  let text = '';
  const placed = runs.map((run) => {
    const placedRun = { ...run, at: text.length };
    text += original.slice(run.from, run.from + run.length);
    return placedRun;
  });
  return { text, kind: classify(text), runs: placed };
}

function classify(text: string): ParagraphKind {
  if (FURNITURE.some((pattern) => pattern.test(text))) return 'furniture';
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
      } else if (isCut(paragraph)) {
        while (next < paragraphs.length && isInterruption(paragraphs[next]!)) next += 1;
        continuation = paragraphs[next];
        if (continuation && (continuation.kind === 'heading' || NUMBERED_HEADING.test(continuation.text))) continuation = undefined;
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

function isCut(paragraph: Paragraph): boolean {
  return paragraph.kind === 'body' && paragraph.text.length >= MIN_CUT_LINE && !SENTENCE_END.test(paragraph.text);
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
  const shift = first.text.length;
  return {
    text: first.text + second.text,
    kind: 'body',
    runs: [...first.runs, ...second.runs.map((run) => ({ ...run, at: run.at + shift }))],
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
      if (otherIndex === index || other.text.length < paragraph.text.length || !other.text.includes(paragraph.text)) continue;
      if (other.text.length > paragraph.text.length || otherIndex < index) return false;
    }
    return true;
  });
}

/**
 * The verbatim source text for characters [start, end) of a cleaned paragraph, or undefined when that
 * stretch spans a removed mark or a line break, i.e. is not one contiguous piece of the original.
 */
export function sourceRange(paragraph: Paragraph, start: number, end: number): { from: number; to: number } | undefined {
  const run = paragraph.runs.find((candidate) => start >= candidate.at && end <= candidate.at + candidate.length);
  if (!run) return undefined;
  return { from: run.from + (start - run.at), to: run.from + (end - run.at) };
}

/** The run of the paragraph that contains the cleaned position, as a cleaned [start, end) range. */
export function runAround(paragraph: Paragraph, position: number): { start: number; end: number } | undefined {
  const run = paragraph.runs.find((candidate) => position >= candidate.at && position < candidate.at + candidate.length);
  return run ? { start: run.at, end: run.at + run.length } : undefined;
}

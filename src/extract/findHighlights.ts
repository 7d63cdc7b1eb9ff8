/**
 * The report's own theme sentences as short highlights: headings (坚持项目为王，积蓄发展动能),
 * lead-ins (这一年，坚持项目牵引，…；一年来，我们保大盘促增长，…) and numbered sections (（一）聚焦…).
 * Each gets one supporting sentence. Those in the plan part of the report are targets.
 */
import { NUMBERED_HEADING, sourceRange } from '../ingest/cleanText.js';
import type { Paragraph } from '../ingest/types.js';
import type { Highlight } from '../summary/schema.js';

const LEAD_IN = /^(?:这一年|一年来|过去一年|过去的一年)[，,](?:我们)?/;
const MAX_TITLE = 24;
const MAX_TEXT = 90;

export function findHighlights(
  paragraphs: Paragraph[],
  original: string,
  planStart: number,
): { highlights: Highlight[]; targets: Highlight[] } {
  const highlights: Highlight[] = [];
  const targets: Highlight[] = [];
  paragraphs.forEach((paragraph, index) => {
    const found = themeOf(paragraph, paragraphs[index + 1], original);
    if (found) (index >= planStart ? targets : highlights).push(found);
  });
  return { highlights, targets };
}

function themeOf(paragraph: Paragraph, next: Paragraph | undefined, original: string): Highlight | undefined {
  const nextBody = next && next.kind === 'body' ? next : undefined;
  if (paragraph.kind === 'heading' && /[，,]/.test(paragraph.text) && nextBody) {
    const title = condense(paragraph.text.replace(NUMBERED_HEADING, ''));
    return withQuote({ title, text: firstSentence(nextBody.text) }, paragraph, 0, paragraph.text.length, original);
  }
  if (paragraph.kind !== 'body') return undefined;
  const leadIn = LEAD_IN.exec(paragraph.text);
  if (!leadIn) return undefined;
  const sentences = splitSentences(paragraph.text.slice(leadIn[0].length));
  const [theme, ...rest] = sentences;
  if (!theme) return undefined;
  const support = rest[0] ?? (nextBody ? firstSentence(nextBody.text) : '');
  const start = paragraph.text.indexOf(theme, leadIn[0].length);
  return withQuote(
    { title: condense(theme), text: shorten(support) },
    paragraph,
    start,
    start + theme.length,
    original,
  );
}

/** The theme as it stands in the original text. */
function withQuote(
  highlight: Highlight,
  paragraph: Paragraph,
  start: number,
  end: number,
  original: string,
): Highlight {
  const range = sourceRange(paragraph, start, end);
  return { ...highlight, quote: original.slice(range.from, range.to) };
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

function firstSentence(text: string): string {
  return shorten(splitSentences(text)[0] ?? text);
}

/** A title without its closing full stop, cut at a clause boundary when too long. */
function condense(text: string): string {
  const title = text.replace(/[。！？；]$/, '');
  if (title.length <= MAX_TITLE) return title;
  const clauses = title.split(/[，,；;]/);
  return (
    clauses.find((clause) => clause.length >= 4 && clause.length <= MAX_TITLE) ?? `${title.slice(0, MAX_TITLE - 1)}…`
  );
}

function shorten(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.slice(0, MAX_TEXT);
  const lastBreak = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('；'), cut.lastIndexOf('、'));
  return `${cut.slice(0, lastBreak > MAX_TEXT / 2 ? lastBreak : MAX_TEXT - 1)}…`;
}

/**
 * What a report says itself, in its review part, about last year's targets (圆满完成年初确定的目标任务, 12项指标完成年度
 * 目标, 部分指标完成情况不及预期): each statement with its sentence quoted, as the report says it, never re-judged. The
 * statements' words are data (data/target-rules.json statedAttainment); the plan part is left out, where the same
 * words are resolves for the coming year.
 */
import { targetRules } from '../compare/pairTargets.js';
import type { Paragraph } from '../ingest/types.js';
import { sourceRange } from '../ingest/cleanText.js';
import type { StatedAttainment } from '../summary/schema.js';

/** How far before a statement, within its clause, a word of resolve (确保, 力争) turns it into one. */
const CUE_REACH = 3;

export interface StatementFound {
  says: StatedAttainment['says'];
  /** The clause that makes the statement, as written (部分经济指标完成情况不及预期). */
  statement: string;
  /** Where the sentence holding it starts and ends in the text. */
  sentence: { start: number; end: number };
}

/** The pure core: the attainment statements of one paragraph's normalised text, in order, one per sentence. */
export function statementsOf(text: string): StatementFound[] {
  const { met, notMet, futureCues } = targetRules().statedAttainment;
  const patterns = [
    ...met.map((source) => ({ says: '完成' as const, pattern: new RegExp(source, 'g') })),
    ...notMet.map((source) => ({ says: '未完成' as const, pattern: new RegExp(source, 'g') })),
  ];
  const found: StatementFound[] = [];
  for (const { says, pattern } of patterns) {
    for (const match of text.matchAll(pattern)) {
      const clause = around(text, match.index, CLAUSE_MARKS);
      const lead = text.slice(Math.max(clause.start, match.index - CUE_REACH), match.index);
      if (futureCues.some((cue) => lead.includes(cue))) continue;
      const sentence = around(text, match.index, SENTENCE_MARKS);
      if (found.some((other) => other.sentence.start === sentence.start)) continue;
      found.push({ says, statement: text.slice(clause.start, clause.end).replace(/[。！？，；：]$/, ''), sentence });
    }
  }
  return found.sort((a, b) => a.sentence.start - b.sentence.start);
}

/** Every attainment statement of the review part (paragraphs before planStart), its sentence quoted from the original. */
export function findStatedAttainment(paragraphs: Paragraph[], original: string, planStart: number): StatedAttainment[] {
  return paragraphs.slice(0, planStart).flatMap((paragraph) =>
    paragraph.kind === 'furniture'
      ? []
      : statementsOf(paragraph.text).map(({ says, statement, sentence }) => {
          const range = sourceRange(paragraph, sentence.start, sentence.end);
          return { says, statement, quote: original.slice(range.from, range.to) };
        }),
  );
}

const SENTENCE_MARKS = ['。', '！', '？'];
const CLAUSE_MARKS = [...SENTENCE_MARKS, '，', '；', '：'];

/** The stretch between two of `marks` (the closing one kept; the paragraph's ends otherwise) that holds a position. */
function around(text: string, position: number, marks: string[]): { start: number; end: number } {
  const start = Math.max(0, ...marks.map((mark) => text.lastIndexOf(mark, position - 1) + 1));
  const ends = marks.map((mark) => text.indexOf(mark, position)).filter((index) => index >= 0);
  return { start, end: ends.length > 0 ? Math.min(...ends) + 1 : text.length };
}

/**
 * Session, dates and years: when the report was delivered or published, which meeting it belongs to,
 * which year it reviews and which year its targets are for.
 */
import type { Paragraph } from '../ingest/types.js';
import type { Session } from '../summary/schema.js';
import { CHINESE_NUMERAL, parseChineseNumber, parseYear } from './chineseNumbers.js';

export interface SessionFinding {
  session: Session;
  reviewYear?: number;
  planYear?: number;
  /** Index of the first paragraph of the plan part (targets for planYear); paragraphs.length if none. */
  planStart: number;
}

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const CHINESE_DATE = new RegExp(`([〇零一二三四五六七八九]{4})年(${CHINESE_NUMERAL}{1,3})月(${CHINESE_NUMERAL}{1,3})日`);
const DATE = new RegExp(`${ARABIC_DATE.source}|${CHINESE_DATE.source}`);
/** 在沁水县第十七届人民代表大会第四次会议上 */
const CONGRESS = new RegExp(`在(\\S{2,16}?第${CHINESE_NUMERAL}+届人民代表大会第${CHINESE_NUMERAL}+次(?:全体)?会议)上`);
const TWO_SESSIONS = /^(\S{2,6}两会)$/;
const YEAR = `(\\d{4}|[〇零一二三四五六七八九]{4})`;
const REVIEW_CUES = [
  new RegExp(`过去的?${YEAR}年`),
  new RegExp(`回望${YEAR}年`),
  new RegExp(`回顾${YEAR}年`),
  new RegExp(`${YEAR}年工作回顾`),
  new RegExp(`交出${YEAR}年`),
  new RegExp(`^${YEAR}年，`),
];
/** The first sentence or two of the part about the coming year: 二、2023年工作安排; …。2025年是“十四五”规划收官之年. */
const PLAN_START = (year: number): RegExp =>
  new RegExp(`^(?:[^。！？]*[。！？]){0,2}?(?:[一二三四五六七八九十]+、)?(?:${year}年|今年)(?:是|工作安排|的?主要目标|经济社会发展的?主要预期目标|，我们将|，全[县区市])`);

export function findSession(paragraphs: Paragraph[]): SessionFinding {
  const session: Session = {};
  for (const paragraph of paragraphs) {
    const congress = CONGRESS.exec(paragraph.text);
    if (congress && !session.name) {
      session.name = congress[1];
      const delivered = DATE.exec(paragraph.text);
      if (delivered) session.date = toIsoDate(delivered);
    }
  }
  for (const paragraph of paragraphs) {
    if (!session.name && paragraph.kind === 'furniture') {
      const twoSessions = TWO_SESSIONS.exec(paragraph.text);
      if (twoSessions) session.name = twoSessions[1];
    }
    // A newspaper's issue date stands on its own line with the weekday (2026年1月17日 星期六).
    if (!session.date && paragraph.kind === 'furniture' && /星期|周[一二三四五六日天]$/.test(paragraph.text)) {
      const published = DATE.exec(paragraph.text);
      if (published) session.date = toIsoDate(published);
    }
  }
  const mastheadYear = paragraphs.slice(0, 20).find((paragraph) => paragraph.kind === 'furniture' && /^\d{4}$/.test(paragraph.text));
  const sessionYear = session.date ? Number(session.date.slice(0, 4)) : mastheadYear ? Number(mastheadYear.text) : undefined;
  if (sessionYear) session.year = sessionYear;

  const reviewYear = findReviewYear(paragraphs, sessionYear);
  const plan = findPlan(paragraphs, reviewYear, sessionYear);
  return { session, reviewYear, planYear: plan?.year, planStart: plan?.start ?? paragraphs.length };
}

function findReviewYear(paragraphs: Paragraph[], sessionYear: number | undefined): number | undefined {
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'furniture' || paragraph.kind === 'caption') continue;
    for (const cue of REVIEW_CUES) {
      const match = cue.exec(paragraph.text);
      const year = match?.[1] ? parseYear(match[1]) : undefined;
      if (year && (!sessionYear || year < sessionYear)) return year;
    }
  }
  return undefined;
}

/** Where the part about the coming year starts: a plan heading or lead sentence, or the whole text for a plan-only report. */
function findPlan(paragraphs: Paragraph[], reviewYear: number | undefined, sessionYear: number | undefined): { year: number; start: number } | undefined {
  const year = reviewYear ? reviewYear + 1 : sessionYear;
  if (!year) return undefined;
  const pattern = PLAN_START(year);
  const start = paragraphs.findIndex((paragraph) => paragraph.kind !== 'furniture' && pattern.test(paragraph.text));
  if (start >= 0) return { year, start };
  if (!reviewYear) {
    // Nothing is reviewed, so the report is a plan: everything in it is a target (the 屯留 sample).
    const firstText = paragraphs.findIndex((paragraph) => paragraph.kind === 'body' || paragraph.kind === 'heading');
    return { year, start: Math.max(firstText, 0) };
  }
  return undefined;
}

function toIsoDate(match: RegExpExecArray): string | undefined {
  const [year, month, day] = match[1] ? [Number(match[1]), Number(match[2]), Number(match[3])] : [parseYear(match[4]!), parseChineseNumber(match[5]!), parseChineseNumber(match[6]!)];
  if (!year || !month || !day || month > 12 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

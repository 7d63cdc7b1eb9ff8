/**
 * Session, dates and years: when the report was delivered or published, which meeting it belongs to,
 * which year it reviews and which year its targets are for.
 */
import type { Paragraph } from '../ingest/types.js';
import type { Session, SourceKind } from '../summary/schema.js';
import { CHINESE_NUMERAL, parseChineseNumber, parseYear } from './chineseNumbers.js';
import { sessionPatterns } from './sessionWords.js';

export interface SessionFinding {
  session: Session;
  reviewYear?: number;
  planYear?: number;
  /** Index of the first paragraph of the plan part (targets for planYear); paragraphs.length if none. */
  planStart: number;
}

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const CHINESE_DATE = new RegExp(
  `([〇零一二三四五六七八九]{4})\\s*年\\s*(${CHINESE_NUMERAL}{1,3})\\s*月\\s*(${CHINESE_NUMERAL}{1,3})\\s*日`,
);
const DOTTED_DATE = /(?<![\d.])(\d{4})[.．/-](\d{1,2})[.．/-](\d{1,2})(?![\d.])/;
const DATE = new RegExp(`${ARABIC_DATE.source}|${CHINESE_DATE.source}|${DOTTED_DATE.source}`, 'g');
const MONTH_DAY = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
/** 在沁水县第十七届人民代表大会第四次会议上; 三穗县第十五届人民代表大会第五次会议隆重开幕 (line breaks and spaces allowed). */
const CONGRESS = new RegExp(
  `([\\p{Script=Han}\\s]{2,24}?)\\s*第\\s*(${CHINESE_NUMERAL}+)\\s*届\\s*人民代表大会\\s*(?:常务委员会\\s*)?第\\s*(${CHINESE_NUMERAL}+)\\s*次\\s*(?:全体\\s*)?会议`,
  'u',
);
/** A session's date is printed this close to its name (the line above, or the sentence around it). */
const DATE_WINDOW_BEFORE = 80;
const DATE_WINDOW_AFTER = 60;
const TWO_SESSIONS = /^(\S{2,6}两会)$/;
const YEAR = `(\\d{4}|[〇零一二三四五六七八九]{4})`;
/** A statistical communiqué reports one year: 2022年宁陕县国民经济和社会发展统计公报. */
const COMMUNIQUE_TITLE = new RegExp(`${YEAR}\\s*年[^。\\n]{0,24}?国民经济和社会发展统计公报`);
/** A session late in the year (a new congress in December) reviews the year it is held in. */
const LATE_SESSION_MONTH = 10;

export function findSession(paragraphs: Paragraph[]): SessionFinding {
  const joined = paragraphs.map((paragraph) => paragraph.text).join('\n');
  const { session, monthDay } = congressOf(joined);
  readFurniture(paragraphs, session);
  const mastheadYear = paragraphs
    .slice(0, 20)
    .find((paragraph) => paragraph.kind === 'furniture' && /^\d{4}$/.test(paragraph.text));
  let sessionYear = session.date
    ? Number(session.date.slice(0, 4))
    : mastheadYear
      ? Number(mastheadYear.text)
      : undefined;
  const communique = COMMUNIQUE_TITLE.exec(joined.slice(0, 400));
  const reviews = sessionPatterns().reviewWords.test(joined);
  // A session late in the year (a new congress in November) reviews the year it is held in.
  const late = session.date !== undefined && Number(session.date.slice(5, 7)) >= LATE_SESSION_MONTH;
  // The session's date, when known, dates a review that names no year better than the years the text names (a
  // five-year review names 2013年以来 and 比2012年).
  const bySessionDate = session.date && reviews ? (late ? sessionYear : sessionYear! - 1) : undefined;
  const reviewYear = communique
    ? parseYear(communique[1]!)
    : (findReviewYear(paragraphs, late ? sessionYear! + 1 : sessionYear) ??
      bySessionDate ??
      yearBeforePlanYear(joined, sessionYear) ??
      (reviews ? latestResultYear(joined, sessionYear) : undefined));
  // 今天(2月10日)…第五次会议: the year is the one after the year reviewed.
  if (monthDay && !sessionYear && reviewYear && monthDay.month <= 12 && monthDay.day <= 31) {
    sessionYear = reviewYear + 1;
    session.date = `${sessionYear}-${String(monthDay.month).padStart(2, '0')}-${String(monthDay.day).padStart(2, '0')}`;
  }
  if (sessionYear) session.year = sessionYear;
  const plan = communique ? undefined : findPlan(paragraphs, reviewYear, sessionYear, reviews);
  return { session, reviewYear, planYear: plan?.year, planStart: plan?.start ?? paragraphs.length };
}

/** The congress a report was delivered at, and the date printed nearest to its name (or a month and day alone). */
function congressOf(joined: string): { session: Session; monthDay?: { month: number; day: number } } {
  const congress =
    firstMatchNear(joined, '人民代表大会', CONGRESS) ??
    firstMatchNear(joined, '届人大', sessionPatterns().congressOpening);
  if (!congress) return { session: {} };
  const place = congress[1]!
    .replace(/\s+/g, '')
    .replace(/^.*[在日时，的]/, '')
    .replace(sessionPatterns().timeOfDay, '');
  const session: Session = { name: `${place}第${congress[2]}届人民代表大会第${congress[3]}次会议` };
  const window = joined.slice(
    Math.max(0, congress.index - DATE_WINDOW_BEFORE),
    congress.index + congress[0].length + DATE_WINDOW_AFTER,
  );
  const middle = Math.min(DATE_WINDOW_BEFORE, congress.index);
  const byDistance = (a: RegExpMatchArray, b: RegExpMatchArray): number =>
    Math.abs(a.index! - middle) - Math.abs(b.index! - middle);
  const nearest = [...window.matchAll(DATE)].filter((match) => toIsoDate(match)).sort(byDistance)[0];
  if (nearest) return { session: { ...session, date: toIsoDate(nearest) } };
  const bare = [...window.matchAll(MONTH_DAY)].sort(byDistance)[0];
  return bare ? { session, monthDay: { month: Number(bare[1]), day: Number(bare[2]) } } : { session };
}

/** Reach of a congress's name around its anchor word: the place (≤ 24 characters), the ordinals, spaces, the verb. */
const ANCHOR_REACH = 60;

/**
 * The first match of `pattern` in `text` that holds `anchor`, found by searching only around each occurrence of the
 * anchor: a pattern that opens with a lazy run of characters would otherwise be tried at every position of a report.
 */
function firstMatchNear(text: string, anchor: string, pattern: RegExp): RegExpExecArray | null {
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + anchor.length)) {
    const from = Math.max(0, at - ANCHOR_REACH);
    const match = pattern.exec(text.slice(from, at + anchor.length + ANCHOR_REACH));
    if (match) {
      match.index += from;
      return match;
    }
  }
  return null;
}

/** A newspaper page's furniture: the 两会 name, and the issue date on its own line with the weekday (2026年1月17日 星期六). */
function readFurniture(paragraphs: Paragraph[], session: Session): void {
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== 'furniture') continue;
    const twoSessions = session.name ? null : TWO_SESSIONS.exec(paragraph.text);
    if (twoSessions) session.name = twoSessions[1];
    if (!session.date && /星期|周[一二三四五六日天]$/.test(paragraph.text)) {
      const published = new RegExp(DATE.source).exec(paragraph.text);
      if (published) session.date = toIsoDate(published);
    }
  }
}

/**
 * A report that names no year in a review cue still speaks of the year it reviews and the year it plans for:
 * the latest two consecutive years it names (2010年 … 2011年 → 2010), before the session.
 */
function yearBeforePlanYear(text: string, sessionYear: number | undefined): number | undefined {
  const years = new Set(
    [...text.matchAll(/(?<!\d)(\d{4})\s*年/g)]
      .map((match) => Number(match[1]))
      .filter((year) => year >= 1949 && (!sessionYear || year <= sessionYear)),
  );
  const latest = [...years].sort((a, b) => b - a).find((year) => years.has(year - 1));
  return latest ? latest - 1 : undefined;
}

/** The latest year whose results the text states (2024年苏州市实现…), before the session. */
function latestResultYear(text: string, sessionYear: number | undefined): number | undefined {
  const years = sessionPatterns()
    .resultStatements.flatMap((statement) => [...text.matchAll(statement)])
    .map((match) => parseYear(match[1]!))
    .filter((year): year is number => year !== undefined && (!sessionYear || year < sessionYear));
  return years.length > 0 ? Math.max(...years) : undefined;
}

function findReviewYear(paragraphs: Paragraph[], sessionYear: number | undefined): number | undefined {
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'furniture') continue;
    for (const cue of sessionPatterns().reviewCues) {
      const match = cue.exec(paragraph.text);
      const year = match?.[1] ? parseYear(match[1]) : undefined;
      if (year && (!sessionYear || year < sessionYear)) return year;
    }
  }
  return undefined;
}

/** Where the part about the coming year starts: a plan heading or lead sentence, or the whole text for a plan-only report. */
function findPlan(
  paragraphs: Paragraph[],
  reviewYear: number | undefined,
  sessionYear: number | undefined,
  reviews: boolean,
): { year: number; start: number } | undefined {
  const year = reviewYear ? reviewYear + 1 : sessionYear;
  if (!year) return undefined;
  const pattern = sessionPatterns().planStart(year);
  const start = paragraphs.findIndex((paragraph) => paragraph.kind !== 'furniture' && pattern.test(paragraph.text));
  if (start >= 0) return { year, start };
  if (!reviewYear && !reviews) {
    // Nothing is reviewed, so the report is a plan (a 两会 page about the year ahead): everything in it is a target.
    const firstText = paragraphs.findIndex((paragraph) => paragraph.kind === 'body' || paragraph.kind === 'heading');
    return { year, start: Math.max(firstText, 0) };
  }
  return undefined;
}

function toIsoDate(match: RegExpMatchArray): string | undefined {
  const [year, month, day] = match[1]
    ? [Number(match[1]), Number(match[2]), Number(match[3])]
    : match[4]
      ? [parseYear(match[4]), parseChineseNumber(match[5]!), parseChineseNumber(match[6]!)]
      : [Number(match[7]), Number(match[8]), Number(match[9])];
  if (!year || !month || !day || month > 12 || day > 31 || year < 1949 || year > 2100) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The kind of text, from the words of its head (统计公报, 政府工作报告, 日报 …). */
export function sourceKindOf(text: string): SourceKind {
  const head = text.slice(0, 400);
  const { sourceKinds } = sessionPatterns();
  const kinds = ['communique', 'work_report', 'newspaper_special'] as const;
  return kinds.find((kind) => sourceKinds[kind].some((word) => head.includes(word))) ?? 'other';
}

/**
 * Extract stage: cleaned report text → validated BriefingSummary.
 * Everything here is pure and deterministic; nothing is invented (titles and highlights are the report's
 * own sentences, every figure carries its verbatim quote).
 */
import { basename, extname } from 'node:path';
import type { Paragraph, ReportText } from '../ingest/types.js';
import { type BriefingSummary, type Region, SCHEMA_VERSION, type SourceKind } from '../summary/schema.js';
import { validateSummary } from '../summary/validateSummary.js';
import { ocrSourceFields, withOcrConfidence } from '../ingest/ocr/figureConfidence.js';
import { BriefingError } from '../errors.js';
import { findFigures } from './findFigures.js';
import { findHighlights } from './findHighlights.js';
import { findKeywords } from './findKeywords.js';
import { findRegion } from './findRegion.js';
import { findSession, sourceKindOf } from './findSession.js';
import { findStatedAttainment } from './findStatedAttainment.js';
import { rankFigures } from './rankFigures.js';

/** What a person has said about a report: its region (a name, short name or code) or the session scope. */
export interface ExtractOptions {
  region?: string;
  scope?: string;
}

export async function extractSummary(report: ReportText, options: ExtractOptions = {}): Promise<BriefingSummary> {
  const { paragraphs, original } = report;
  const region = await findRegion(report.normalized, report.file, {
    ...options,
    originalOf: (start, end) => original.slice(report.normalizedFrom[start]!, report.normalizedTo[end - 1]!),
  });
  const { session, reviewYear, planYear, planStart } = findSession(paragraphs);
  const ranked = rankFigures(findFigures(paragraphs, original, { reviewYear, planYear, planStart }));
  const ocr = report.ocr ? withOcrConfidence(ranked, report.ocr) : { figures: ranked, warnings: [] };
  const { figures } = ocr;
  const { highlights, targets } = findHighlights(paragraphs, original, planStart);
  const statedAttainment = findStatedAttainment(paragraphs, original, planStart);
  const kind = sourceKindOf(report.normalized);
  const { title, subtitle } = findTitle(paragraphs, kind, { reviewYear, planYear });
  const credits = findCredits(original);
  const places = [region.region.name, region.region.parent, region.region.asWritten ?? ''];
  const keywords = await findKeywords(bodyText(paragraphs), places);

  if (figures.length === 0) throw notAReport(report.file);
  const warnings = warningsOf(
    [...report.warnings, ...ocr.warnings, ...region.warnings],
    session,
    highlights.length + targets.length,
  );

  // Display text follows the official name only where the text misreads it in a known OCR confusion (电留 for 屯留).
  const corrected = correctRegionSpelling(region.region);
  return validateSummary(
    {
      schemaVersion: SCHEMA_VERSION,
      id: idFor(report),
      source: sourceOf(report, kind),
      region: region.region,
      session,
      ...(reviewYear ? { reviewYear } : {}),
      ...(planYear ? { planYear } : {}),
      title: corrected(title),
      ...(subtitle ? { subtitle: corrected(subtitle) } : {}),
      figures,
      highlights: highlights.map((item) => ({ ...item, title: corrected(item.title), text: corrected(item.text) })),
      targets: targets.map((item) => ({ ...item, title: corrected(item.title), text: corrected(item.text) })),
      keywords,
      ...(credits ? { credits } : {}),
      ...(statedAttainment.length > 0 ? { statedAttainment } : {}),
      warnings,
    },
    report.file,
  );
}

function sourceOf(report: ReportText, kind: SourceKind): BriefingSummary['source'] {
  const ocr = report.ocr ? ocrSourceFields(report.ocr) : {};
  return { file: basename(report.file), sha256: report.sha256, encoding: report.encoding, kind, ...ocr };
}

function notAReport(file: string): BriefingError {
  return new BriefingError(
    'INPUT_NOT_A_REPORT',
    'no figures with units found: this does not look like a regional report',
    {
      file,
      field: 'figures',
      hint: 'give a government work report, a 两会 special page or a statistical communiqué; or write the summary by hand and use briefing render',
    },
  );
}

/** What a person should check first: what reading the file and settling the region found, and what the report lacks. */
function warningsOf(found: string[], session: { date?: string }, themeSentences: number): string[] {
  const warnings = [...found];
  if (!session.date) warnings.push('no publication or delivery date found in the report');
  if (themeSentences === 0) warnings.push('no theme sentences found for highlights');
  return warnings;
}

/** A safe slug from the file name (never a path); non-ASCII names fall back to a content hash. */
export function idFor(report: Pick<ReportText, 'file' | 'sha256'>): string {
  const stem = basename(report.file, extname(report.file))
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 64);
  return stem.length >= 3 ? stem : `report-${report.sha256.slice(0, 12)}`;
}

/** Replaces a misread or traditional spelling of the region (full and short form) by the official one. */
function correctRegionSpelling(region: Region): (text: string) => string {
  const { asWritten, name } = region;
  if (!asWritten || asWritten.length !== name.length) return (text) => text;
  const short = (full: string): string => full.slice(0, -1);
  return (text) => text.replaceAll(asWritten, name).replaceAll(short(asWritten), short(name));
}

/** Running text only: mastheads and captions would skew keywords. */
function bodyText(paragraphs: Paragraph[]): string {
  return paragraphs
    .filter((paragraph) => paragraph.kind === 'body' || paragraph.kind === 'heading')
    .map((paragraph) => paragraph.text)
    .join('\n');
}

const HEADLINE_PART = /^\p{Script=Han}{3,10}$/u;
/** A title line, not a paragraph that mentions the title. */
const MAX_TITLE = 40;
const MIN_HEADLINE = 12;

/**
 * The report's headline: a work report's own title, or a newspaper page's headline in spaced parts
 * (潮涌太岳千帆竞 岁序更新启新程; 攻坚克难 开创新局 奋楫勇进 再出发), possibly printed over two lines.
 * Without one, a plain description of the report, never an invented slogan.
 */
function findTitle(
  paragraphs: Paragraph[],
  kind: SourceKind,
  years: { reviewYear?: number; planYear?: number },
): { title: string; subtitle?: string } {
  const head = paragraphs.slice(0, 60);
  const subtitle = head.find((paragraph) => /^——/.test(paragraph.text))?.text.replace(/^——/, '');
  if (kind === 'communique') {
    const own = head.find((paragraph) => /统计公报/.test(paragraph.text) && paragraph.text.length <= MAX_TITLE);
    if (own) return { title: own.text.replace(/^[（(][^）)]*[）)]/, ''), subtitle };
  }
  if (kind === 'work_report') {
    return { title: head.find((paragraph) => /工作报告$/.test(paragraph.text))?.text ?? '政府工作报告', subtitle };
  }
  const isHeadline = (parts: string[]): boolean =>
    parts.length >= 2 && parts.every((part) => HEADLINE_PART.test(part)) && parts.join('').length >= MIN_HEADLINE;
  for (let index = 0; index < head.length; index += 1) {
    const paragraph = head[index]!;
    if (paragraph.kind !== 'caption' && paragraph.kind !== 'heading') continue;
    const parts = paragraph.text.split(/[ \u3000]+/);
    if (isHeadline(parts)) return { title: parts.join(' '), subtitle };
    const next = head[index + 1];
    if (
      next &&
      next.kind === paragraph.kind &&
      next.text.length === paragraph.text.length &&
      isHeadline([paragraph.text, next.text])
    ) {
      return { title: `${paragraph.text} ${next.text}`, subtitle };
    }
  }
  const { reviewYear, planYear } = years;
  return { title: reviewYear ? `${reviewYear}年工作回顾` : planYear ? `${planYear}年工作安排` : '工作报告', subtitle };
}

const CREDIT_ROLES = ['策划', '统筹', '文字', '图片', '摄影', '版式', '编辑', '设计'];

const CREDIT = new RegExp(`(${CREDIT_ROLES.join('|')})\\s*[/／：:]\\s*`, 'g');

/** Credit lines under newspaper special pages: 策划/宋玉红 统筹/刘俭 陈建波 文字/部盼 (also with ：). */
function findCredits(original: string): Record<string, string> | undefined {
  const credits: Record<string, string> = {};
  for (const line of original.split('\n')) {
    const trimmed = line.trim();
    const markers = [...trimmed.matchAll(CREDIT)];
    if (markers.length === 0 || markers[0]!.index !== 0) continue;
    markers.forEach((marker, index) => {
      const names = trimmed.slice(marker.index + marker[0].length, markers[index + 1]?.index ?? trimmed.length).trim();
      if (names && names.length <= 40) credits[marker[1]!] ??= names;
    });
  }
  return Object.keys(credits).length > 0 ? credits : undefined;
}

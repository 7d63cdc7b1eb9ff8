/**
 * Finds every number with a unit in the cleaned paragraphs and turns it into a Figure with a verbatim quote.
 *
 * A figure is kept only if its quote can be cut as one contiguous piece of the original text containing
 * the number and unit exactly as written: a briefing never shows a number that is not in the report.
 */
import { runAround, sourceRange } from '../ingest/cleanText.js';
import type { Paragraph } from '../ingest/types.js';
import type { Figure } from '../summary/schema.js';
import { CHINESE_NUMERAL, parseChineseNumber, parseYear } from './chineseNumbers.js';

/** Units as written after a number, longest first so 万千瓦时 wins over 万千瓦 and 亿元 over 元. */
const UNITS = [
  '个百分点', '万千瓦时', '亿千瓦时', '万立方米', '亿立方米', '万平方米', '平方公里', '万人次',
  '亿元', '万元', '亿斤', '万斤', '亿公斤', '万公斤', '万吨', '亿方', '万方', '兆瓦', '吉瓦', '千瓦', '万千瓦',
  '万亩', '公里', '千米', '平方米', '万人', '人次', '万户', '万头', '万只', '万羽', '万株', '万册',
  '元', '吨', '亩', '米', '%', '％', '个', '家', '户', '人', '名', '座', '台', '项', '场', '处', '所', '条',
  '辆', '套', '支', '件', '头', '羽', '只', '株', '倍', '次', '批', '类', '栋', '间', '张', '床', '篇',
].sort((a, b) => b.length - a.length);

const UNIT = `(?:余|多)?(?:${UNITS.map(escapeRegExp).join('|')})`;
const FIGURE = new RegExp(
  // Arabic digits not part of a longer number, a code (5G, PM2.5) or a version, or Chinese numerals (三十二个);
  // spaces inside are as printed ("4061.7 万吨").
  `(?:(?<![\\d.A-Za-z])(\\d+(?:\\.\\d+)?)|(?<!${CHINESE_NUMERAL})(${CHINESE_NUMERAL}{2,}))(\\s?)(${UNIT})`,
  'g',
);
/** Small Chinese numbers are mostly rhetoric (三大主导产业, 两个维护); only counts from ten up are figures. */
const MIN_CHINESE_FIGURE = 10;
/** A growth rate right after a figure, possibly after the words it measures (9480万千瓦时绿电规模同比增长46%). */
const GROWTH = /^[，,]?\s*[^，。；、,;\d]{0,8}?(?:同比|比上年|较上年)?(增长|提高|增加|下降|减少)\s*(\d+(?:\.\d+)?)\s*[%％]/;
const CLAUSE_BREAK = /[，。；：！？,;!?\n]/;
const LABEL_BREAK = /[，。；：！？、,;!?（）()]/;
const TARGET_CUE = /力争|确保|预期|目标|计划|努力|将(?:达到|实现|完成)/;
/** Verbs and fillers around a number that are not part of what it measures. */
const LABEL_TAIL = /(?:分别|同比|累计|全年|共计|共|已|均|约|预计|达到|达|完成|实现|突破|超过|超|提升至|提高到|提高至|增长到|增至|稳定在|保持在|为|是|有|和|及|与|新建|建成|的)+$/;
const LABEL_HEAD = /^(?:全年|累计|共|其中|同时|并|和|及|全县|全区|全市|我们|其|实现|完成|确保|力争|预计|争取|至少|拿出|发放|制定|努力)+/;
/** Words that say "amount" but not of what: they take the subject of the figure before them (项目268个、总投资…). */
const GENERIC_LABEL = /^(?:总投资|投资|金额|总额|规模|产值|面积)$/;
const NUMBER_WITH_UNIT = new RegExp(`\\d{4}年|${FIGURE.source}|\\d+(?:\\.\\d+)?`, 'g');
const MAX_LABEL = 16;
const MAX_QUOTE = 80;

export interface FigureContext {
  reviewYear?: number;
  planYear?: number;
  planStart: number;
}

export function findFigures(paragraphs: Paragraph[], original: string, context: FigureContext): Figure[] {
  const figures: Figure[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === 'furniture' || paragraph.kind === 'caption') return;
    const inPlan = index >= context.planStart;
    const consumed = new Set<number>();
    for (const match of paragraph.text.matchAll(FIGURE)) {
      if (consumed.has(match.index)) continue;
      const figure = toFigure(paragraph, original, match, inPlan, context, consumed);
      if (figure) figures.push(figure);
    }
  });
  return figures;
}

function toFigure(paragraph: Paragraph, original: string, match: RegExpExecArray, inPlan: boolean, context: FigureContext, consumed: Set<number>): Figure | undefined {
  const text = paragraph.text;
  const [whole, digits, chinese, , unit] = match as unknown as [string, string | undefined, string | undefined, string, string];
  const valueText = digits ?? chinese!;
  const value = digits !== undefined ? Number(digits) : parseChineseNumber(chinese!);
  if (value === undefined || (chinese !== undefined && value < MIN_CHINESE_FIGURE)) return undefined;
  const start = match.index;
  const end = start + whole.length;

  let growthPct: number | undefined;
  const growth = GROWTH.exec(text.slice(end));
  if (growth && !unit.endsWith('%') && !unit.endsWith('％')) {
    growthPct = Number(growth[2]) * (growth[1] === '下降' || growth[1] === '减少' ? -1 : 1);
    const growthNumberAt = end + growth[0].indexOf(growth[2]!, growth[1]!.length);
    consumed.add(growthNumberAt);
  }

  const clause = clauseAround(text, start, growth ? end + growth[0].length : end);
  const quote = verbatimQuote(paragraph, original, clause, { start, end });
  if (!quote) return undefined;
  const sentence = sentenceAround(text, start);
  const kind = inPlan || TARGET_CUE.test(sentence) || TARGET_CUE.test(clauseText(text, clause)) ? 'target' : 'actual';
  const explicitYear = /(\d{4})年/.exec(clauseText(text, clause).slice(0, start - clause.start));
  const year = (explicitYear ? parseYear(explicitYear[1]!) : undefined) ?? (kind === 'target' ? context.planYear : context.reviewYear);

  return {
    label: labelFor(text, start, end, unit),
    valueText,
    value,
    unit,
    ...(growthPct !== undefined ? { growthPct } : {}),
    ...(year ? { year } : {}),
    kind,
    quote: quote.text,
    offset: quote.offset,
  };
}

interface Range {
  start: number;
  end: number;
}

function clauseAround(text: string, start: number, end: number): Range {
  let clauseStart = start;
  while (clauseStart > 0 && !CLAUSE_BREAK.test(text[clauseStart - 1]!)) clauseStart -= 1;
  let clauseEnd = end;
  while (clauseEnd < text.length && !CLAUSE_BREAK.test(text[clauseEnd]!)) clauseEnd += 1;
  return { start: clauseStart, end: clauseEnd };
}

function clauseText(text: string, range: Range): string {
  return text.slice(range.start, range.end);
}

function sentenceAround(text: string, position: number): string {
  const before = text.slice(0, position);
  const sentenceStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('！')) + 1;
  return text.slice(sentenceStart, position);
}

/**
 * The clause cut down to the piece of the original that holds the number: a clause that crosses a removed mark
 * or a print line break is shortened to the contiguous run containing the figure. Undefined when even the
 * number and unit are not contiguous in the original (a figure split across lines is not shown).
 */
function verbatimQuote(paragraph: Paragraph, original: string, clause: Range, figure: Range): { text: string; offset: number } | undefined {
  const run = runAround(paragraph, figure.start);
  if (!run || figure.end > run.end) return undefined;
  let start = Math.max(clause.start, run.start);
  let end = Math.min(clause.end, run.end);
  if (end - start > MAX_QUOTE) {
    start = Math.max(start, figure.start - (MAX_QUOTE >> 1));
    end = Math.min(end, start + MAX_QUOTE);
  }
  const range = sourceRange(paragraph, start, end);
  if (!range) return undefined;
  return { text: original.slice(range.from, range.to), offset: range.from };
}

/** What the number measures: the words before it in its clause, or after it when it leads (3598万吨原煤产量). */
function labelFor(text: string, start: number, end: number, unit: string): string {
  let labelStart = start;
  while (labelStart > 0 && !LABEL_BREAK.test(text[labelStart - 1]!)) labelStart -= 1;
  // Other figures and years in front belong to other labels (分别增长7%和6.5%, 2026年项目储备).
  let before = text.slice(labelStart, start).replace(NUMBER_WITH_UNIT, '').replace(/\s+/g, '').replace(LABEL_HEAD, '');
  const isRate = unit === '%' || unit === '％';
  before = before.replace(LABEL_TAIL, '');
  const rateWord = /(增长|提高|增加|下降|减少|增速)$/.exec(before)?.[1];
  before = before.replace(/(增长|提高|增加|下降|减少)$/, '').replace(LABEL_TAIL, '');
  if (GENERIC_LABEL.test(before)) before = `${subjectBefore(text, labelStart)}${before}`;
  if (before.length >= 2) {
    const label = isRate && rateWord ? `${before}${rateWord === '下降' || rateWord === '减少' ? '降幅' : '增速'}` : before;
    return label.length > MAX_LABEL ? label.slice(-MAX_LABEL) : label;
  }
  let labelEnd = end;
  while (labelEnd < text.length && !LABEL_BREAK.test(text[labelEnd]!)) labelEnd += 1;
  const after = text.slice(end, labelEnd).replace(/\d.*$/, '').replace(/\s+/g, '').replace(/(建成|投用|完成|实现)$/, '');
  const label = after.length >= 2 ? after : before || unit;
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL) : label;
}

/** The subject of the previous item in an enumeration: 推进项目268个、总投资… → 项目. */
function subjectBefore(text: string, clauseStart: number): string {
  if (clauseStart === 0 || !/[、，,]/.test(text[clauseStart - 1]!)) return '';
  let previousStart = clauseStart - 1;
  while (previousStart > 0 && !/[，。；：！？,;!?]/.test(text[previousStart - 1]!)) previousStart -= 1;
  const previous = text.slice(previousStart, clauseStart - 1).split('、').at(-1) ?? '';
  const subject = previous.replace(NUMBER_WITH_UNIT, '').replace(/\s+/g, '').replace(/^.*?(?:推进|列入|招引|引进|实施|建设|签约|谋划|完成|新增|开工)/, '').replace(/^.*等/, '');
  return subject.length >= 2 && subject.length <= 8 ? subject : '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
}

/** Chinese numerals as they appear in reports: years (二〇二五), months and days (十二, 二十一), counts (三). */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

export const CHINESE_NUMERAL = '[〇零一二两三四五六七八九十百千万]';
/** Numeral characters of a figure's number: 万 and 亿 are left to the unit's magnitude (三万吨 is 3 × 万吨). */
export const CHINESE_NUMERAL_CHARACTERS = '〇零一二两三四五六七八九十百千';

/** Parses 二〇二五 (digit by digit) and 二十一 / 一百零五 (positional). Returns undefined for anything else. */
export function parseChineseNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  if ([...text].every((character) => character in DIGITS) && text.length > 1 && !text.includes('两')) {
    return Number([...text].map((character) => DIGITS[character]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const character of text) {
    if (character in DIGITS) {
      digit = DIGITS[character]!;
    } else if (character in UNITS) {
      const unit = UNITS[character]!;
      if (unit === 10_000) {
        total += (section + (digit ?? 0)) * unit;
        section = 0;
      } else {
        section += (digit ?? 1) * unit;
      }
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** A year written in Arabic or Chinese digits (2025, 二〇二五). */
export function parseYear(text: string): number | undefined {
  const value = /^\d{4}$/.test(text) ? Number(text) : parseChineseNumber(text);
  return value !== undefined && value >= 1949 && value <= 2100 ? value : undefined;
}

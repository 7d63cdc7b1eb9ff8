import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForms, normalizeText } from '../../src/ingest/normalizeText.js';
import { toSimplified } from '../../src/ingest/toSimplified.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/samples.js';
import { withDataReplaced } from '../../src/util/dataFile.js';

/** The original text each normalised character stands for, joined: what a quote of the whole would be. */
function sourceOf(original: string, start: number, end: number): string {
  const normalized = normalizeText(original);
  return original.slice(normalized.from[start], normalized.to[end - 1]);
}

describe('normalizeText', () => {
  it('drops markup residue of web copies: tags, entities, pinyin glosses, footnote marks', () => {
    const original =
      '<p>全年<span style="x">地區生產總值</span>&nbsp;完成 192.3億元</p><br>經(jīng)濟增長(zhǎng)6%，R&D[3]经费';
    expect(normalizeText(original).text).toBe('\n全年地区生产总值 完成 192.3亿元\n\n经济增长6%，R&D经费');
  });

  it('keeps pinyin-like text that is not a gloss, and parentheses that are not pinyin', () => {
    expect(normalizeText('生产总值（GDP）完成100亿元(km)').text).toBe('生产总值（GDP）完成100亿元（km）');
  });

  it('folds full-width digits, letters and signs, and ASCII punctuation to the Chinese form outside numbers', () => {
    expect(foldForms('２０２３年，增长４．５％;比重11.8:48.3,收入1,234.5元,Ａ')).toBe(
      '2023年，增长4.5%；比重11.8:48.3，收入1,234.5元，A',
    );
    expect(foldForms('增长6.5℅')).toBe('增长6.5%');
  });

  it('reads a circle among Chinese numerals as zero (二○二五年, a real session line), and leaves a bullet alone', () => {
    expect(foldForms('二○二五年一月二十日在金华市第八届人民代表大会第五次会议上')).toBe(
      '二〇二五年一月二十日在金华市第八届人民代表大会第五次会议上',
    );
    expect(foldForms('二◯一八年')).toBe('二〇一八年');
    expect(foldForms('○ 加快项目建设')).toBe('○ 加快项目建设');
  });

  it('converts a traditional text to simplified, and leaves a simplified text alone (乾安县 stays)', () => {
    expect(toSimplified('寧陜縣國民經濟和社會發展統計公報')).toBe('宁陕县国民经济和社会发展统计公报');
    expect(toSimplified('吉林省乾安县经济运行总体平稳，发展质量稳步提升。')).toBe(
      '吉林省乾安县经济运行总体平稳，发展质量稳步提升。',
    );
  });

  it('maps every normalised character back to the original it stands for', () => {
    const original = '**地區生產總值**完成&nbsp;４２６．８億元，PM_{2.5}下降';
    const { text } = normalizeText(original);
    expect(text).toBe('地区生产总值完成 426.8亿元，PM2.5下降');
    const at = text.indexOf('426.8亿元');
    expect(sourceOf(original, at, at + '426.8亿元'.length)).toBe('４２６．８億元');
    expect(sourceOf(original, text.indexOf('完成'), at)).toBe('完成&nbsp;');
    expect(sourceOf(original, 0, text.length)).toBe(original.slice(2));
  });

  it('turns CR and CRLF line endings into line breaks (one character for CRLF)', () => {
    const { text, from, to } = normalizeText('第一行\r\n第二行\r第三行');
    expect(text).toBe('第一行\n第二行\n第三行');
    expect([from[3], to[3]]).toEqual([3, 5]);
  });

  it('keeps its map in order and within the original, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '增',
            '長',
            '⽬',
            '⻓',
            'ﬃ',
            '\u{2F800}',
            '１',
            '％',
            '<',
            'b',
            'r',
            '>',
            '&',
            'n',
            's',
            'p',
            ';',
            '(',
            'ā',
            ')',
            '\r',
            '\n',
            ' ',
            '億',
            '*',
            '_',
            '{',
            '}',
            ',',
            '5',
          ),
        }),
        (original) => {
          const { text, from, to } = normalizeText(original);
          expect(from.length).toBe(text.length);
          for (let index = 0; index < text.length; index += 1) {
            expect(from[index]!).toBeLessThan(to[index]!);
            expect(to[index]!).toBeLessThanOrEqual(original.length);
            // The letters a ligature (ﬃ) unfolds to all stand for that one character; anything else follows its predecessor.
            const ofLigature =
              index > 0 &&
              from[index] === from[index - 1] &&
              to[index] === to[index - 1] &&
              /^[\ufb00-\ufb06]$/.test(original.slice(from[index], to[index]));
            if (index > 0 && !ofLigature) expect(from[index]!).toBeGreaterThanOrEqual(to[index - 1]!);
          }
        },
      ),
    );
  });

  it('folds Kangxi radicals, radicals of the supplement, compatibility ideographs and ligatures, each mapped to its original', () => {
    // As a PDF text layer writes 项目总投资 and 长治: 目 as ⽬ (U+2F6C), 长 as ⻓ (U+2ED3), 户 as ⼾ (U+2F3E, NFKC gives 戶).
    const original = '项⽬总投资⻓治市农⼾，\uF900\u{2F800}ﬁnancial';
    const { text } = normalizeText(original);
    expect(text).toBe('项目总投资长治市农户，\u8C48\u4E3Dfinancial');
    expect(sourceOf(original, 0, 5)).toBe('项⽬总投资');
    expect(sourceOf(original, text.indexOf('长治'), text.indexOf('长治') + 2)).toBe('⻓治');
    // A character of two code units (U+2F800) becomes one, a ligature one of three: the quote is still the original.
    expect(sourceOf(original, text.indexOf('\u4E3D'), text.indexOf('\u4E3D') + 1)).toBe('\u{2F800}');
    expect(sourceOf(original, text.indexOf('fi'), text.indexOf('fi') + 1)).toBe('ﬁ');
    expect(sourceOf(original, text.indexOf('fi'), text.length)).toBe('ﬁnancial');
  });

  it('leaves compatibility forms a report means as written: squared units, circled numbers', () => {
    expect(normalizeText('面积120㎡，①项').text).toBe('面积120㎡，①项');
  });

  it('leaves the simplified samples as they are, but for markup and punctuation forms', () => {
    const original = readFileSync(join(ROOT, 'data/reports/004_02e8585f2ada8328.txt'), 'utf8');
    const { text } = normalizeText(original);
    expect(text.replace(/[，；：（）！？]/g, '')).toBe(
      foldForms(original.replaceAll('**', ''))
        .replace(/[，；：（）！？]/g, '')
        .replace(/\r\n?/g, '\n'),
    );
  });
});

describe('every variant of data/char-variants.json is one OpenCC leaves', () => {
  const data = JSON.parse(readFileSync(join(ROOT, 'data/char-variants.json'), 'utf8')) as {
    variants: Record<string, string>;
  };
  // A traditional text (so it is converted) holding the variant in a phrase of a report.
  const textWith = (variant: string): string => `過去一年，經濟運行穩中有進，${variant}字見於這份報告。`;

  it.each(Object.entries(data.variants).map(([variant, simplified]) => ({ variant, simplified })))(
    '$variant → $simplified, and stays $variant without the entry',
    async ({ variant, simplified }) => {
      expect(normalizeText(textWith(variant)).text).toContain(`${simplified}字见于`);
      const without = {
        ...data,
        variants: Object.fromEntries(Object.entries(data.variants).filter(([key]) => key !== variant)),
      };
      const converted = await withDataReplaced(
        'char-variants.json',
        without,
        async () => normalizeText(textWith(variant)).text,
      );
      expect(converted).not.toContain(`${simplified}字见于`);
    },
  );
});

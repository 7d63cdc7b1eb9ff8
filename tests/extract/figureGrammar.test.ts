import { describe, expect, it } from 'vitest';
import { parseNumber, scanQuantities } from '../../src/extract/figureGrammar.js';

const one = (text: string) => {
  const found = scanQuantities(text);
  expect(found, `quantities of ${text}`).toHaveLength(1);
  return found[0]!;
};

describe('the number grammar', () => {
  it.each([
    ['完成426.8亿元', 426.8, '亿元', 'money'],
    ['收入1,234.5万元', 1234.5, '万元', 'money'],
    ['产量4 061.7万吨', 4061.7, '万吨', 'mass'],
    ['产量4061.7 万吨', 4061.7, '万吨', 'mass'],
    ['增长-0.5%', -0.5, '%', 'percent'],
    ['三点五亿元', 3.5, '亿元', 'money'],
    ['三十二个', 32, '个', 'count'],
    ['利用外资5425万美元', 5425, '万美元', 'money_foreign'],
    ['1.28亿斤', 1.28, '亿斤', 'mass'],
    ['发电量9480万千瓦时', 9480, '万千瓦时', 'energy'],
    ['PM2.5浓度为35微克/立方米', 35, '微克/立方米', 'concentration'],
    ['接待游客1200万人次', 1200, '万人次', 'visits'],
    ['提高1.2个百分点', 1.2, '个百分点', 'points'],
    ['出生率6.39‰', 6.39, '‰', 'permille'],
  ])('%s → %d %s (%s)', (text, value, unit, family) => {
    expect(one(text)).toMatchObject({ value, unit, family });
  });

  it('reads a bare 万 or 亿 that ends the phrase (人口达到1002.1万)', () => {
    expect(one('常住人口达到1002.1万，')).toMatchObject({ value: 1002.1, unit: '万', family: 'magnitude' });
  });

  it('reads ranges and keeps qualifiers as such', () => {
    expect(one('增长5%—6%')).toMatchObject({ value: 5, valueTo: 6, unit: '%' });
    expect(one('产量4-5万吨')).toMatchObject({ value: 4, valueTo: 5, unit: '万吨' });
    expect(one('增长6%左右')).toMatchObject({ value: 6, qualifier: '左右', isThreshold: false });
    expect(one('控制在3%以内。')).toMatchObject({ value: 3, qualifier: '以内' });
    expect(one('引资额210亿元以上。')).toMatchObject({ value: 210, qualifier: '以上', isThreshold: false });
    expect(one('服务1.2万余人')).toMatchObject({ value: 1.2, unit: '万人', qualifier: '余' });
  });

  it('tells thresholds (a category) from qualified figures', () => {
    expect(one('引进10亿元以上项目')).toMatchObject({ value: 10, isThreshold: true });
    expect(one('主营业务收入2000万元以上工业企业')).toMatchObject({ isThreshold: true });
    expect(one('500万元以上的项目')).toMatchObject({ isThreshold: true });
  });

  it('takes no year, date, ordinal, code or rhetoric for a quantity', () => {
    expect(
      scanQuantities(
        '2023年2月21日在第十七届人民代表大会第四次会议上，建成5G基站，PM2.5达标，三大产业，两个维护，突破千亿元',
      ),
    ).toEqual([]);
  });

  it('parses the numbers of reports', () => {
    expect([
      parseNumber('1,234.5'),
      parseNumber('4 061.7'),
      parseNumber('负3'),
      parseNumber('−0.5'),
      parseNumber('三点五'),
      parseNumber('一百零五'),
      parseNumber('二十'),
    ]).toEqual([1234.5, 4061.7, -3, -0.5, 3.5, 105, 20]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/extract/gazetteer.js';
import { fullNamesOf, levelSuffix, scanNames, wholeWordMentions } from '../../../src/extract/region/mentions.js';

const named = (name: string, parent?: string) =>
  loadGazetteer().all.find((each) => each.name === name && (!parent || each.parent === parent))!;

describe('fullNamesOf', () => {
  it('gives the official name, the name after its city, and the shortenings of autonomous divisions', () => {
    expect(fullNamesOf(named('宝山区', '上海市'))).toEqual(['宝山区', '上海市宝山区', '上海宝山区']);
    expect(fullNamesOf(named('酉阳土家族苗族自治县'))).toEqual(expect.arrayContaining(['酉阳土家族苗族县', '酉阳县']));
    expect(fullNamesOf(named('黔东南苗族侗族自治州'))).toContain('黔东南州');
  });

  it('names a division with a generic stem (城区) only with its city', () => {
    expect(fullNamesOf(named('城区', '阳泉市'))).toEqual(['阳泉市城区', '阳泉城区']);
  });

  it('gives every province its level word (广西 speaks as 全区, 阿里地区 as 全地区)', () => {
    expect(levelSuffix(named('广西壮族自治区'))).toBe('区');
    expect(levelSuffix(named('阿里地区'))).toBe('地区');
    expect(levelSuffix(named('恩施土家族苗族自治州'))).toBe('州');
  });
});

describe('scanNames and wholeWordMentions', () => {
  it('takes the longest name at a place and does not start another inside it', () => {
    expect(scanNames('上海市宝山区第八届').map((mention) => [mention.name, mention.division.code])).toEqual([
      ['上海市宝山区', '310113'],
    ]);
  });

  it('keeps whole words only, and no short name in a facility (长治路, 木里矿区)', async () => {
    const names = async (text: string) => (await wholeWordMentions(text)).map((mention) => mention.name);
    expect(await names('获评国家生态文明建设示范县')).toEqual([]);
    expect(await names('沿长治路建商铺，完成木里矿区整治，长治经济平稳')).toEqual(['长治']);
  });
});

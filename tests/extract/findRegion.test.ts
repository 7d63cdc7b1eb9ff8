import { readFileSync } from 'node:fs';
import { normalizeText } from '../../src/ingest/normalizeText.js';
import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { findRegion } from '../../src/extract/findRegion.js';
import { SAMPLES } from '../helpers/samples.js';

describe('findRegion on the samples', () => {
  it.each(SAMPLES)('$file is $golden.region.name', async (sample) => {
    const { region } = await findRegion(readFileSync(sample.path, 'utf8'), sample.file);
    expect(region).toMatchObject({
      name: sample.golden.region.name,
      code: sample.golden.region.code,
      parent: sample.golden.region.parent,
      level: sample.golden.region.level,
    });
  });
});

describe('findRegion corrections and errors', () => {
  it('corrects an OCR misread one character off inside the named city, with a warning', async () => {
    const { region, warnings } = await findRegion('长治两会。电留区召开会议，电留区人民政府报告工作。', 'x.txt');
    expect(region).toEqual({ name: '屯留区', code: '140405', parent: '长治市', level: 'district', asWritten: '电留区' });
    expect(warnings).toEqual(['region name corrected: the text writes 电留区, the gazetteer has 屯留区 (长治市, 140405)']);
  });

  it('converts traditional characters to the official simplified name', async () => {
    const original = '壺關縣人民政府工作報告。壺關縣經濟運行穩中向好。';
    const normalized = normalizeText(original);
    const { region, warnings } = await findRegion(normalized.text, 'x.txt', (start, end) => original.slice(normalized.from[start], normalized.to[end - 1]));
    expect(region).toMatchObject({ name: '壶关县', code: '140427', parent: '长治市', asWritten: '壺關縣' });
    expect(warnings[0]).toContain('壺關縣');
  });

  it('refuses a text that names no region', async () => {
    await expect(findRegion('经济运行总体平稳，稳中有进。', 'none.txt')).rejects.toMatchObject({ code: 'REGION_NOT_FOUND', file: 'none.txt' });
  });

  it('refuses to guess between two regions named equally often', async () => {
    const error = await findRegion('沁源县与襄垣县签署合作协议。', 'two.txt').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BriefingError);
    expect(error).toMatchObject({ code: 'REGION_AMBIGUOUS' });
    expect((error as BriefingError).message).toContain('沁源县');
    expect((error as BriefingError).message).toContain('襄垣县');
  });
});

describe('findRegion: who speaks, in whole words', () => {
  const regionOf = async (text: string) => (await findRegion(normalizeText(text).text, 'x.txt')).region;

  it('does not read 范县 in 示范县, 和县 in 市委、市政府和县委, 大城县 in 超大城市', async () => {
    const text = '现在，我代表县人民政府向大会报告工作。在市委、市政府和县委的坚强领导下，全县获评国家生态文明建设示范县，对接超大城市市场。沁源县人民政府。';
    expect(await regionOf(text)).toMatchObject({ name: '沁源县', code: '140431' });
  });

  it('counts no short name inside a street, station or farm name, nor without supporting evidence', async () => {
    // 长治 appears only as 长治路 and 长治站: no evidence for 长治市; 襄垣县 speaks.
    expect(await regionOf('襄垣县人民政府工作报告。全县沿长治路新建商铺，长治站改造完成，襄垣县经济平稳。')).toMatchObject({ name: '襄垣县' });
    // 宁远 alone, with nothing to support it, is not a region.
    await expect(findRegion('宁远的春天来得早。', 'x.txt')).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
  });

  it("gives a city's report to the city, however often it names its counties", async () => {
    const text = '长治市人民政府工作报告\n现在，我代表市人民政府向大会报告工作。全市经济平稳。沁源县、襄垣县、屯留区、上党区项目加快，沁源县煤层气、襄垣县新材料、沁源县旅游、襄垣县农业。全市上下…';
    expect(await regionOf(text)).toMatchObject({ name: '长治市', code: '140400', level: 'city' });
  });

  it('reads a banner, a league and an autonomous prefecture by their own names and short forms', async () => {
    expect(await regionOf('2023年2月23日在苏尼特右旗第十六届人民代表大会第三次会议上。全旗经济')).toMatchObject({ name: '苏尼特右旗', level: 'banner' });
    expect(await regionOf('黔东南州经济社会发展稳中有进，全州地区生产总值完成1123亿元，凯里、黄平增速居前。')).toMatchObject({ name: '黔东南苗族侗族自治州', level: 'city' });
  });

  it('corrects only misreadings from the OCR confusion table (电/屯), never any one-character neighbour', async () => {
    await expect(findRegion('屯流区召开会议，屯流区人民政府报告工作。', 'x.txt')).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
  });

  it('reads a traditional-character repost (宁陜縣: a variant OpenCC leaves)', async () => {
    expect(await regionOf('2022年陜西省安康市寧陜縣國民經濟和社會發展統計公報。全縣生產總值完成26.55億元。')).toMatchObject({ name: '宁陕县', code: '610923' });
  });
});

describe('gazetteer', () => {
  it('gives every county-level unit an official parent name (a province for those it governs directly)', async () => {
    const { loadGazetteer } = await import('../../src/extract/gazetteer.js');
    const { counties } = loadGazetteer();
    expect(counties.length).toBeGreaterThan(2800);
    for (const county of counties) expect(county.parent, county.name).toMatch(/^[\p{L}\p{N}·]+$/u);
    expect(counties.find((county) => county.name === '济源市')).toMatchObject({ parent: '河南省', level: 'county_city' });
    expect(counties.some((county) => county.name === '市辖区')).toBe(false);
  });
});

describe('findRegion from a short name alone', () => {
  it('takes the one region a text names only by its short name, when it speaks at that level, with a warning', async () => {
    const { region, warnings } = await findRegion(normalizeText('县委、政府团结带领全县各族人民，为伊吾的改革开放做出努力。全县地区生产总值445636万元。').text, 'x.txt');
    expect(region).toMatchObject({ name: '伊吾县', code: '650522' });
    expect(warnings[0]).toContain('check it');
  });

  it('refuses when two short names, or a short name at another level, are all there is', async () => {
    await expect(findRegion(normalizeText('全县学习安吉、宁远的经验。').text, 'x.txt')).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
    await expect(findRegion(normalizeText('全市学习安吉的经验。').text, 'x.txt')).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
  });
});

// The region stage's entry: the samples, what the summary records (asWritten, source), the errors a person can act
// on, and the user's word. The rules themselves are exemplified phrase by phrase in specs/region.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { findRegion } from '../../src/extract/findRegion.js';
import { normalizeText } from '../../src/ingest/normalizeText.js';
import { SAMPLES } from '../helpers/samples.js';

const find = (text: string, file = 'x.txt', options = {}) => findRegion(normalizeText(text).text, file, options);
const refusal = (text: string, file = 'x.txt', options = {}) =>
  find(text, file, options).then(
    () => undefined,
    (error: unknown) => error as BriefingError,
  );

describe('findRegion on the samples', () => {
  it.each(SAMPLES)('$file is $golden.region.name, read from its text', async (sample) => {
    const { region } = await findRegion(readFileSync(sample.path, 'utf8'), sample.file);
    expect(region).toMatchObject({ ...sample.golden.region, source: 'text' });
  });
});

describe('findRegion records what it corrected', () => {
  it('corrects an OCR misread of the table (电/屯), with a warning', async () => {
    const { region, warnings } = await find('长治两会。电留区召开会议，电留区人民政府报告工作。');
    expect(region).toEqual({
      name: '屯留区',
      code: '140405',
      parent: '长治市',
      level: 'district',
      asWritten: '电留区',
      source: 'text',
    });
    expect(warnings).toEqual([
      'region name corrected: the text writes 电留区, the gazetteer has 屯留区 (长治市, 140405)',
    ]);
  });

  it('converts traditional characters to the official simplified name', async () => {
    const original = '壺關縣人民政府工作報告。壺關縣經濟運行穩中向好。';
    const normalized = normalizeText(original);
    const { region, warnings } = await findRegion(normalized.text, 'x.txt', {
      originalOf: (start, end) => original.slice(normalized.from[start], normalized.to[end - 1]),
    });
    expect(region).toMatchObject({ name: '壶关县', code: '140427', parent: '长治市', asWritten: '壺關縣' });
    expect(warnings[0]).toContain('壺關縣');
  });
});

describe('findRegion refuses with the candidates and the way to settle it', () => {
  it('lists the close candidates, best first, with the exact flag that settles it', async () => {
    const error = await refusal('沁源县与襄垣县签署合作协议。沁源县、襄垣县共建园区。', 'reports/a.txt');
    expect(error).toMatchObject({ code: 'REGION_AMBIGUOUS', file: 'reports/a.txt', field: 'region' });
    expect(
      error!
        .candidates!.slice(0, 2)
        .map((candidate) => candidate.name)
        .sort(),
    ).toEqual(['沁源县', '襄垣县']);
    expect(error!.candidates!.map((candidate) => candidate.name)).not.toContain('合作市');
    expect(error!.hint).toContain(`--region ${error!.candidates![0]!.code}`);
    expect(error!.toJSON().candidates).toEqual(error!.candidates);
  });

  it('says how to name a region when the text names none', async () => {
    const error = await refusal('经济运行总体平稳，稳中有进。');
    expect(error).toMatchObject({ code: 'REGION_NOT_FOUND', candidates: [] });
    expect(error!.hint).toContain('--region');
  });

  it('refuses the national government (我代表国务院)', async () => {
    const error = await refusal('现在，我代表国务院，向大会报告政府工作。我国经济回升向好。');
    expect(error!.message).toContain('国务院');
  });
});

describe("the user's word wins", () => {
  it('takes --region by name, short name or code, and says when the text reads otherwise', async () => {
    const text = '现在，我代表沁源县人民政府，向大会报告工作。全县经济平稳。';
    for (const given of ['襄垣县', '襄垣', '140423', '长治市襄垣县']) {
      const { region, warnings } = await find(text, 'x.txt', { region: given });
      expect(region).toEqual({ name: '襄垣县', code: '140423', parent: '长治市', level: 'county', source: 'user' });
      expect(warnings).toEqual(['the text reads as 沁源县 (长治市, 140431); using 襄垣县 (140423) as given']);
    }
  });

  it('names the region of a text that settles nothing', async () => {
    const { region, warnings } = await find('经济运行总体平稳。', 'x.txt', { region: '140431' });
    expect(region).toMatchObject({ name: '沁源县', source: 'user' });
    expect(warnings).toEqual([]);
  });

  it('refuses a region the gazetteer does not have, or one that names several, with the fix', async () => {
    await expect(find('全县经济平稳。', 'x.txt', { region: '沁原县' })).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
      field: 'region',
    });
    const error = (await refusal('全区经济平稳。', 'x.txt', { region: '宝山区' }))!;
    expect(error).toMatchObject({ code: 'REGION_AMBIGUOUS', field: 'region' });
    expect(error.message).toContain('上海市');
    expect(error.message).toContain('双鸭山市');
    expect(error.hint).toMatch(/--region \d{6}/);
  });

  it('refuses a scope the gazetteer does not have', async () => {
    await expect(find('全县经济平稳。', 'x.txt', { scope: '长治州' })).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
      field: 'scope',
    });
  });
});

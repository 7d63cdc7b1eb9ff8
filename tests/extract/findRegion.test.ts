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

// The user's word on regions: --region for one report, regions: of the project file by name, path or glob, scope:.
import { describe, expect, it } from 'vitest';
import { extractOptionsFor, regionSettings } from '../../src/pipeline/regionSettings.js';

describe('extractOptionsFor', () => {
  it('gives --region to the one report of the command', () => {
    expect(extractOptionsFor({ region: '沁源' }, ['a.txt'])('a.txt')).toEqual({ region: '沁源' });
  });

  it('refuses --region with several reports, or a region the gazetteer lacks, before any work (exit 2)', () => {
    expect(() => extractOptionsFor({ region: '沁源县' }, ['a.txt', 'b.txt'])).toThrowError(
      expect.objectContaining({ code: 'USAGE', field: '--region' }),
    );
    expect(() => extractOptionsFor({ region: '沁原县' }, ['a.txt'])).toThrowError(
      expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('沁原县') }),
    );
    expect(() => extractOptionsFor({ region: '宝山区' }, ['a.txt'])).toThrowError(
      expect.objectContaining({ code: 'USAGE', hint: expect.stringMatching(/--region \d{6}/) }),
    );
  });

  it('maps file names, paths relative to the project file and globs to regions; a file no entry names gets none', () => {
    const optionsFor = extractOptionsFor(
      {
        regions: { '沁源2026.docx': '沁源县', '屯留/*.txt': '140405', 'xiangyuan-*.txt': '襄垣' },
        base: '/office',
        configFile: '/office/briefing.config.yaml',
      },
      [],
    );
    expect(optionsFor('/office/reports/沁源2026.docx')).toEqual({ region: '沁源县' });
    expect(optionsFor('/office/屯留/2026.txt')).toEqual({ region: '140405' });
    expect(optionsFor('/elsewhere/xiangyuan-2026.txt')).toEqual({ region: '襄垣' });
    expect(optionsFor('/office/屯留/sub/2026.txt')).toEqual({});
    expect(optionsFor('/office/other.txt')).toEqual({});
  });

  it('names the project file and the key of a regions: entry the gazetteer lacks', () => {
    expect(() =>
      extractOptionsFor({ regions: { 'a.txt': '长治州' }, configFile: '/office/briefing.config.yaml' }, []),
    ).toThrowError(
      expect.objectContaining({ code: 'USAGE', file: '/office/briefing.config.yaml', field: 'regions.a.txt' }),
    );
  });

  it('passes the scope to every report, and checks it', () => {
    expect(extractOptionsFor({ scope: '长治市' }, ['a.txt', 'b.txt'])('b.txt')).toEqual({ scope: '长治市' });
    expect(() =>
      extractOptionsFor({ scope: '长治州', scopeFromConfig: true, configFile: '/office/briefing.config.yaml' }, []),
    ).toThrowError(expect.objectContaining({ file: '/office/briefing.config.yaml', field: 'scope' }));
  });
});

describe('regionSettings', () => {
  it('takes the flags over the project file, with paths relative to the file', () => {
    const config = { scope: '长治市', regions: { 'a.txt': '沁源县' }, file: '/office/briefing.config.yaml' };
    expect(regionSettings({ scope: '长治市' }, config)).toEqual({
      scope: '长治市',
      scopeFromConfig: true,
      regions: config.regions,
      base: '/office',
      configFile: config.file,
    });
    expect(regionSettings({ scope: '晋城市', region: '沁水' }, config)).toMatchObject({
      scope: '晋城市',
      scopeFromConfig: false,
      region: '沁水',
    });
  });
});

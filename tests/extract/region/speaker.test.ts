import { describe, expect, it } from 'vitest';
import { findSpeaker } from '../../../src/extract/region/speaker.js';

describe('findSpeaker', () => {
  it('takes the level the speaker states over any count', () => {
    expect(findSpeaker('我代表市政府向大会报告工作。全省第二，全省领先，全省上下。')).toMatchObject({
      level: '市',
      strength: 'stated',
    });
    expect(findSpeaker('现在，我代表锡林郭勒盟行政公署，向大会报告工作。')).toMatchObject({
      level: '盟',
      strength: 'stated',
    });
    expect(findSpeaker('我代表地区行署向大会报告工作。')).toMatchObject({ level: '地区', strength: 'stated' });
    expect(findSpeaker('现在，我代表国务院，向大会报告政府工作。')).toMatchObject({ level: '国', strength: 'stated' });
  });

  it('counts the level words, leaving out rankings in a wider scope (居全市第一, 全省领先)', () => {
    const speaker = findSpeaker('全县上下奋进，全县经济平稳，我县项目加快，增速居全市第一，全省领先，全市样板。');
    expect(speaker.counts).toMatchObject({ 县: 3, 市: 0, 省: 0 });
    expect(speaker).toMatchObject({ level: '县', strength: 'counted' });
  });

  it('calls a level weak when its words do not clearly outnumber the others', () => {
    expect(findSpeaker('全县上下，全市发展。')).toMatchObject({ strength: 'weak' });
    expect(findSpeaker('经济平稳。')).toEqual({ strength: 'weak', counts: expect.any(Object) });
  });
});

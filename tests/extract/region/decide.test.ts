import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/extract/gazetteer.js';
import { decide, refusalError } from '../../../src/extract/region/decide.js';
import type { Candidate, Evidence } from '../../../src/extract/region/evidence.js';

const division = (name: string, parent?: string) =>
  loadGazetteer().all.find((each) => each.name === name && (!parent || each.parent === parent))!;
const candidate = (
  name: string,
  score: number,
  evidence: Evidence[],
  parent?: string,
  selfReferences = 0,
): Candidate => ({ division: division(name, parent), evidence, score, selfReferences });
const full = (weight: number): Evidence => ({ kind: 'full', weight, count: weight / 2, detail: '' });
const short = (count: number): Evidence => ({ kind: 'short', weight: count, count, detail: '' });
const parent: Evidence = { kind: 'parent', weight: 1, detail: '' };

describe('decide', () => {
  it('takes the best candidate only by a margin of half again over the runner-up', () => {
    expect(decide([candidate('沁源县', 15, [full(15)]), candidate('襄垣县', 9.9, [full(9.9)])])).toMatchObject({
      candidate: { division: { code: '140431' } },
    });
    expect(decide([candidate('沁源县', 15, [full(15)]), candidate('襄垣县', 10.1, [full(10.1)])])).toMatchObject({
      refusal: 'close',
    });
  });

  it('lets a text that speaks as itself win a close call', () => {
    expect(
      decide([candidate('沁源县', 15, [full(15)], undefined, 1), candidate('襄垣县', 12, [full(12)])]),
    ).toHaveProperty('candidate');
  });

  it('tells homonyms apart only by a named parent or province (宝山区 of 上海, not of 双鸭山)', () => {
    const shanghai = candidate('宝山区', 47, [full(46), parent], '上海市');
    const shuangyashan = candidate('宝山区', 46, [full(46)], '双鸭山市');
    expect(decide([shanghai, shuangyashan])).toMatchObject({ candidate: { division: { code: '310113' } } });
    expect(decide([candidate('宝山区', 46, [full(46)], '上海市'), shuangyashan])).toMatchObject({ refusal: 'close' });
  });

  it('takes short names alone only when written three times or more, and never a score under the least evidence', () => {
    expect(decide([candidate('伊吾县', 2.4, [short(2)])])).toMatchObject({ refusal: 'none' });
    expect(decide([candidate('伊吾县', 3.6, [short(3)])])).toHaveProperty('candidate');
    expect(decide([candidate('沁源县', 1, [full(1)])])).toMatchObject({ refusal: 'none' });
    expect(decide([])).toMatchObject({ refusal: 'none' });
  });

  it('refuses with the close candidates listed, best first, and the command that settles it', () => {
    const error = refusalError(
      {
        refusal: 'close',
        candidates: [candidate('沁源县', 12, []), candidate('襄垣县', 10, []), candidate('合作市', 1, [])],
      },
      'reports/a b.txt',
    );
    expect(error).toMatchObject({ code: 'REGION_AMBIGUOUS', field: 'region', file: 'reports/a b.txt' });
    expect(error.candidates!.map((each) => each.name)).toEqual(['沁源县', '襄垣县']);
    expect(error.hint).toContain("briefing build 'reports/a b.txt' --region 140431 (沁源县)");
  });
});

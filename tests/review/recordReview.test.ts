// A person's edits as the review page sends them, recorded honestly: corrections keep the quote and the extracted
// reading, hiding and reordering lose nothing, and nothing the page sends can change a quote or invent a figure.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSummary } from '../../src/extract/extractSummary.js';
import { readReport } from '../../src/ingest/readReport.js';
import { recordReview } from '../../src/review/recordReview.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { validateSummary } from '../../src/summary/validateSummary.js';
import { SAMPLES } from '../helpers/samples.js';

const AT = '2026-12-01T10:00:00.000Z';
let loaded: BriefingSummary;

beforeAll(async () => {
  loaded = await extractSummary(await readReport(SAMPLES[4]!.path));
});

const identity = (): number[] => loaded.figures.map((_, index) => index);
const copy = (): BriefingSummary => structuredClone(loaded);

describe('recordReview', () => {
  it('records a corrected value with the extracted reading beside it, keeping the quote; the result is a valid summary', () => {
    const edited = copy();
    edited.figures[0]!.value = 123.45;
    const result = validateSummary(recordReview(loaded, { summary: edited, origins: identity() }, AT, '王芳'));
    const figure = result.figures[0]!;
    expect(figure.quote).toBe(loaded.figures[0]!.quote);
    expect(figure.valueText).toBe('123.45');
    expect(figure.reviewed).toMatchObject({
      at: AT,
      by: '王芳',
      extracted: {
        value: loaded.figures[0]!.value,
        valueText: loaded.figures[0]!.valueText,
        unit: loaded.figures[0]!.unit,
      },
    });
    expect(result.reviewed).toEqual({ at: AT, by: '王芳' });
    expect(result.figures.slice(1)).toEqual(loaded.figures.slice(1));
  });

  it("ignores a quote, offset or valueText the page sends: the report's words are not the page's to change", () => {
    const edited = copy();
    edited.figures[1]!.quote = '伪造的句子 999';
    edited.figures[1]!.offset = 0;
    edited.figures[1]!.valueText = '999';
    const result = recordReview(loaded, { summary: edited, origins: identity() }, AT);
    expect(result.figures[1]).toEqual(loaded.figures[1]);
  });

  it('keeps the first extracted reading through a second correction, and drops the record when the reading is restored', () => {
    const first = copy();
    first.figures[0]!.value = 1;
    const once = recordReview(loaded, { summary: first, origins: identity() }, AT);
    const second = structuredClone(once);
    second.figures[0]!.unit = '万元';
    const twice = recordReview(once, { summary: second, origins: identity() }, '2026-12-02T00:00:00.000Z');
    expect(twice.figures[0]!.reviewed!.extracted.value).toBe(loaded.figures[0]!.value);
    const restored = structuredClone(twice);
    restored.figures[0]!.value = loaded.figures[0]!.value;
    restored.figures[0]!.unit = loaded.figures[0]!.unit;
    const back = recordReview(twice, { summary: restored, origins: identity() }, AT);
    expect(back.figures[0]).toEqual(loaded.figures[0]);
  });

  it('counts an indicator or range change as a correction too', () => {
    const edited = copy();
    edited.figures[2]!.indicator = 'gdp';
    const result = recordReview(loaded, { summary: edited, origins: identity() }, AT);
    expect(result.figures[2]!.reviewed?.extracted.indicator).toBe(loaded.figures[2]!.indicator);
  });

  it('hides and reorders without marking figures corrected', () => {
    const edited = copy();
    edited.figures.reverse();
    edited.figures[0]!.hidden = true;
    const origins = identity().reverse();
    const result = validateSummary(recordReview(loaded, { summary: edited, origins }, AT));
    expect(result.figures[0]).toEqual({ ...loaded.figures.at(-1)!, hidden: true });
    expect(result.figures.every((figure) => figure.reviewed === undefined)).toBe(true);
    expect(result.figures.map((figure) => figure.quote)).toEqual(
      [...loaded.figures].reverse().map((figure) => figure.quote),
    );
  });

  it('refuses a draft that drops, duplicates or adds a figure', () => {
    const dropped = copy();
    dropped.figures.pop();
    expect(() => recordReview(loaded, { summary: dropped, origins: identity().slice(0, -1) }, AT)).toThrowError(
      expect.objectContaining({ code: 'SUMMARY_INVALID', field: '$.figures' }),
    );
    const duplicated = identity();
    duplicated[1] = 0;
    expect(() => recordReview(loaded, { summary: copy(), origins: duplicated }, AT)).toThrowError(
      /not the figures loaded/,
    );
  });

  it("keeps what identifies the report (source, id, fingerprint, the region's name for its code) whatever the page sends", () => {
    const edited = copy() as BriefingSummary & { fingerprint?: string };
    edited.region = { ...edited.region, name: '别处县', parent: '别处市' };
    edited.source = { ...edited.source, sha256: '0'.repeat(64) };
    edited.id = 'other';
    const result = recordReview(
      { ...loaded, fingerprint: 'a'.repeat(64) },
      { summary: edited, origins: identity() },
      AT,
    );
    expect(result).toMatchObject({
      region: loaded.region,
      source: loaded.source,
      id: loaded.id,
      fingerprint: 'a'.repeat(64),
    });
  });
});

describe('recordReview: the region', () => {
  const withRegionCode = (summary: BriefingSummary, code: string): BriefingSummary => ({
    ...structuredClone(summary),
    region: { ...summary.region, code },
  });

  it("records a region changed to another division as the user's, with the extracted region beside it; the id stays", () => {
    // The sample is 沁水县 (140521); a person says it is its city's, 晋城市 (140500).
    const result = validateSummary(
      recordReview(loaded, { summary: withRegionCode(loaded, '140500'), origins: identity() }, AT, '王芳'),
    );
    expect(result.region).toEqual({
      name: '晋城市',
      code: '140500',
      parent: '山西省',
      level: 'city',
      source: 'user',
      reviewed: { at: AT, by: '王芳', extracted: loaded.region },
    });
    expect(result.id).toBe(loaded.id);
    expect(result.figures).toEqual(loaded.figures);
  });

  it("takes only the code from the page: name, parent and level are the gazetteer's", () => {
    const edited = withRegionCode(loaded, '140431');
    edited.region = { ...edited.region, name: '伪造县', parent: '伪造市', level: 'province' };
    expect(recordReview(loaded, { summary: edited, origins: identity() }, AT).region).toMatchObject({
      name: '沁源县',
      parent: '长治市',
      level: 'county',
      source: 'user',
    });
  });

  it('keeps the first extraction through later changes, and drops the record when the extracted region is chosen again', () => {
    const once = recordReview(loaded, { summary: withRegionCode(loaded, '140500'), origins: identity() }, AT, '王芳');
    const twice = recordReview(
      once,
      { summary: withRegionCode(once, '140431'), origins: identity() },
      '2026-12-02T00:00:00.000Z',
      '李明',
    );
    expect(twice.region).toMatchObject({
      name: '沁源县',
      reviewed: { at: '2026-12-02T00:00:00.000Z', by: '李明', extracted: loaded.region },
    });
    const back = recordReview(twice, { summary: withRegionCode(twice, loaded.region.code), origins: identity() }, AT);
    expect(back.region).toEqual(loaded.region);
  });

  it('keeps the record of a region picked for a report the extractor refused, which has no extracted region', () => {
    const picked = structuredClone(loaded);
    picked.region = {
      name: '沁源县',
      code: '140431',
      parent: '长治市',
      level: 'county',
      source: 'user',
      reviewed: { at: AT },
    };
    expect(
      recordReview(picked, { summary: structuredClone(picked), origins: identity() }, '2026-12-02T00:00:00.000Z')
        .region,
    ).toEqual(picked.region);
    const changed = recordReview(
      picked,
      { summary: withRegionCode(picked, '140423'), origins: identity() },
      '2026-12-02T00:00:00.000Z',
      '王芳',
    );
    expect(changed.region).toEqual({
      name: '襄垣县',
      code: '140423',
      parent: '长治市',
      level: 'county',
      source: 'user',
      reviewed: { at: '2026-12-02T00:00:00.000Z', by: '王芳' },
    });
  });

  it('refuses a code that is no division of the gazetteer, naming the field', () => {
    for (const code of ['999999', '沁源县', '']) {
      expect(() =>
        recordReview(loaded, { summary: withRegionCode(loaded, code), origins: identity() }, AT),
      ).toThrowError(expect.objectContaining({ code: 'SUMMARY_INVALID', field: '$.region.code' }));
    }
  });
});

describe("recordReview: last year's targets", () => {
  const pair = (verdict: '完成' | '未完成'): NonNullable<BriefingSummary['lastYearTargets']>['pairs'][number] => ({
    indicator: 'urban_income',
    year: 2022,
    measure: 'growth',
    target: { value: 7.5, unit: '%', label: '城镇居民人均可支配收入增速', quote: '城镇居民人均可支配收入增长7.5%' },
    result: { value: 6.5, unit: '%', label: '城镇居民人均可支配收入', quote: '城镇居民人均可支配收入增长6.5%' },
    verdict,
    reason: '实际6.5%，目标7.5%：不低于7.5%',
  });
  const withTargets = (): BriefingSummary => ({
    ...structuredClone(loaded),
    lastYearTargets: { previous: { file: 'last.txt', sha256: 'c'.repeat(64) }, pairs: [pair('未完成'), pair('完成')] },
    statedAttainment: [{ says: '完成', statement: '圆满完成全年目标任务', quote: '圆满完成全年目标任务。' }],
  });
  const sendVerdicts = (from: BriefingSummary, verdicts: string[]): BriefingSummary => {
    const edited = structuredClone(from);
    edited.lastYearTargets!.pairs.forEach((sent, index) => (sent.verdict = verdicts[index] as '完成'));
    return edited;
  };

  it("records a person's verdict with the rule's verdict and reason beside it; the sentences stay the reports'", () => {
    const before = withTargets();
    const edited = sendVerdicts(before, ['完成', '完成']);
    edited.lastYearTargets!.pairs[0]!.target.quote = '伪造的目标';
    edited.statedAttainment = [{ says: '未完成', statement: '伪造', quote: '伪造' }];
    const result = validateSummary(recordReview(before, { summary: edited, origins: identity() }, AT, '王芳'));
    expect(result.lastYearTargets!.pairs[0]).toEqual({
      ...pair('未完成'),
      verdict: '完成',
      reviewed: { at: AT, by: '王芳', extracted: { verdict: '未完成', reason: pair('未完成').reason } },
    });
    expect(result.lastYearTargets!.pairs[1]).toEqual(pair('完成'));
    expect(result.statedAttainment).toEqual(before.statedAttainment);
  });

  it("keeps an earlier review as it was, and drops the record when the verdict is set back to the rule's", () => {
    const first = recordReview(
      withTargets(),
      { summary: sendVerdicts(withTargets(), ['完成', '完成']), origins: identity() },
      AT,
    );
    const later = '2026-12-02T10:00:00.000Z';
    expect(
      recordReview(first, { summary: sendVerdicts(first, ['完成', '完成']), origins: identity() }, later)
        .lastYearTargets!.pairs[0]!.reviewed!.at,
    ).toBe(AT);
    expect(
      recordReview(first, { summary: sendVerdicts(first, ['未完成', '完成']), origins: identity() }, later)
        .lastYearTargets!.pairs[0],
    ).toEqual(pair('未完成'));
  });

  it('refuses a verdict outside the three, and pairs that are not the pairs loaded', () => {
    const before = withTargets();
    expect(() =>
      recordReview(before, { summary: sendVerdicts(before, ['基本完成', '完成']), origins: identity() }, AT),
    ).toThrow(/a verdict must be one of 完成, 未完成, 无可比数据/);
    const fewer = structuredClone(before);
    fewer.lastYearTargets!.pairs.pop();
    expect(() => recordReview(before, { summary: fewer, origins: identity() }, AT)).toThrow(/not the pairs loaded/);
  });

  it('adds no pairs a summary without last year does not have', () => {
    const edited = withTargets();
    expect(recordReview(loaded, { summary: edited, origins: identity() }, AT).lastYearTargets).toBeUndefined();
  });
});

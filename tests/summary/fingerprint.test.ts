import { describe, expect, it } from 'vitest';
import { canonicalJson, isEditedByHand, withFingerprint } from '../../src/summary/fingerprint.js';

describe('fingerprint', () => {
  const summary = withFingerprint({ id: 'a', figures: [{ label: '地区生产总值', value: 426.8 }] });

  it('sees an untouched summary as untouched, even with its keys reordered', () => {
    expect(isEditedByHand(summary)).toBe(false);
    const reordered = { figures: summary.figures, fingerprint: summary.fingerprint, id: 'a' };
    expect(isEditedByHand(reordered)).toBe(false);
  });

  it('sees any change of content as an edit, and a missing fingerprint too', () => {
    expect(isEditedByHand({ ...summary, figures: [{ label: '地区生产总值', value: 426.9 }] })).toBe(true);
    expect(isEditedByHand({ id: 'a' })).toBe(true);
  });

  it('writes canonical JSON with sorted keys and no undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: undefined, c: 'x' }] })).toBe(
      '{"a":[true,null,{"c":"x"}],"b":1}',
    );
  });
});

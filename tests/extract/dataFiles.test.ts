// The domain data of extraction (data/*.json) is reviewed by hand; these checks keep it consistent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/samples.js';

const data = (name: string) => JSON.parse(readFileSync(join(ROOT, 'data', name), 'utf8'));
const units = data('units.json') as {
  magnitudes: Record<string, number>;
  rates: Array<{ unit: string; family: string }>;
  bases: Array<{ unit: string; family: string }>;
};
const indicators = (
  data('indicators.json') as { indicators: Array<{ id: string; label: string; aliases: string[]; units: string[] }> }
).indicators;
const families = new Set([...units.bases, ...units.rates].map((entry) => entry.family));

describe('data/indicators.json', () => {
  it('has about forty indicators with unique ids, each named by its own label', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(40);
    expect(new Set(indicators.map((indicator) => indicator.id)).size).toBe(indicators.length);
    for (const indicator of indicators) expect(indicator.aliases, indicator.id).toContain(indicator.label);
  });

  it('gives every alias to one indicator only, and only unit families that exist', () => {
    const owners = new Map<string, string>();
    for (const indicator of indicators) {
      for (const alias of indicator.aliases) {
        expect(owners.get(alias), `${alias} is an alias of ${owners.get(alias)} and ${indicator.id}`).toBeUndefined();
        owners.set(alias, indicator.id);
      }
      for (const family of indicator.units) expect(families, `${indicator.id}: ${family}`).toContain(family);
    }
  });

  it('lists the core indicators of a county report', () => {
    const ids = indicators.map((indicator) => indicator.id);
    for (const id of [
      'gdp',
      'general_budget_revenue',
      'fixed_asset_investment',
      'retail_sales',
      'industrial_value_added',
      'urban_income',
      'rural_income',
      'grain_output',
      'foreign_trade',
      'foreign_investment',
      'deposits',
      'loans',
      'urban_jobs',
      'population',
    ])
      expect(ids).toContain(id);
  });
});

describe('data/units.json', () => {
  it('has unique units and powers of ten for magnitudes', () => {
    const all = [...units.bases, ...units.rates].map((entry) => entry.unit);
    expect(new Set(all).size).toBe(all.length);
    for (const [word, value] of Object.entries(units.magnitudes)) expect(Math.log10(value) % 1, word).toBe(0);
  });
});

describe('data/figure-words.json', () => {
  it('has every list the grammar reads, non-empty', () => {
    const words = data('figure-words.json') as Record<string, unknown>;
    for (const key of [
      'approximate',
      'qualifiers',
      'thresholdQualifiers',
      'rangeSeparators',
      'growthUp',
      'growthDown',
      'growthFillers',
      'targetCues',
      'actualCues',
      'labelLead',
      'labelTail',
      'emptyLabels',
      'genericAmounts',
      'shareWords',
      'comparisonBase',
      'meetingNouns',
      'peerScopes',
      'policyVerbs',
      'policyUnits',
      'actionVerbs',
      'conversionWords',
      'incrementWords',
      'specificationWords',
    ]) {
      expect(Array.isArray(words[key]) && (words[key] as unknown[]).length > 0, key).toBe(true);
    }
    // A threshold qualifier is a qualifier; a growth word is not also a decline word.
    const list = (key: string) => words[key] as string[];
    for (const word of list('thresholdQualifiers')) expect(list('qualifiers')).toContain(word);
    for (const word of list('growthUp')) expect(list('growthDown')).not.toContain(word);
  });
});

describe('data/ocr-confusions.json and data/char-variants.json', () => {
  it('pairs single, different characters', () => {
    for (const [a, b] of (data('ocr-confusions.json') as { pairs: string[][] }).pairs) {
      expect([...a!].length, a).toBe(1);
      expect([...b!].length, b).toBe(1);
      expect(a).not.toBe(b);
    }
    for (const [from, to] of Object.entries(
      (data('char-variants.json') as { variants: Record<string, string> }).variants,
    )) {
      expect([[...from].length, [...to].length], from).toEqual([1, 1]);
      expect(from).not.toBe(to);
    }
  });
});

describe('data/region-words.json', () => {
  it('speaks at every level a division has, and as the national government', async () => {
    const words = data('region-words.json') as { levelWords: Record<string, string[]>; speakerCues: string[] };
    const { loadGazetteer } = await import('../../src/extract/gazetteer.js');
    const { levelSuffix } = await import('../../src/extract/region/mentions.js');
    const { all } = loadGazetteer();
    // A handful of the code table's units have no people's congress of their own (西沙群岛, 乌拉盖管委会, 香港特别行政区).
    const spoken = all.filter((division) => Object.keys(words.levelWords).includes(levelSuffix(division)));
    expect(spoken.length / all.length).toBeGreaterThan(0.997);
    expect(words.levelWords['国']).toEqual(['我国']);
    expect(words.speakerCues).toContain('人民政府');
  });
});

describe('data/region-name-background.json', () => {
  it('is measured on at least 150 reports, and holds the ordinary words that are also short names', () => {
    const background = data('region-name-background.json') as {
      measuredOn: { reports: number };
      perTenThousand: Record<string, number>;
    };
    expect(background.measuredOn.reports).toBeGreaterThanOrEqual(150);
    for (const word of ['资源', '新建', '合作']) expect(background.perTenThousand[word], word).toBeGreaterThan(1);
  });
});

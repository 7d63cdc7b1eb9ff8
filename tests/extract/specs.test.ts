// The spec files of extraction (tests/extract/specs/<stage>.json): real phrases and the answer each must give,
// including phrases that must give nothing. One runner for every stage's specs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { withDataReplaced } from '../../src/util/dataFile.js';
import { findRegion } from '../../src/extract/findRegion.js';
import { statementsOf } from '../../src/extract/findStatedAttainment.js';
import { normalizeText } from '../../src/ingest/normalizeText.js';
import { ROOT } from '../helpers/samples.js';
import { figuresOf } from '../../src/extract/figures/figuresOf.js';
import { placeFigure } from '../../src/extract/figures/placeFigure.js';
import { findSession, sourceKindOf } from '../../src/extract/findSession.js';
import { cleanText } from '../../src/ingest/cleanText.js';
import { aliasesOf, answerOf, entriesOf, expandSpecs, type FigureSpec } from './figureSpecs.mjs';

interface RegionSpec {
  rule: string;
  input: string;
  file?: string;
  scope?: string;
  expect: Array<{ name: string; code: string; source?: string }>;
  warning?: string;
  /** For a refusal: names the error must offer, best first. */
  candidates?: string[];
  /** Pairs of data/ocr-confusions.json observed in real OCR output that this spec needs. */
  confusions?: [string, string][];
}

/** The specs of one stage: tests/extract/specs/<stage>.json. */
function specsOf<Spec>(stage: string): Spec[] {
  return (JSON.parse(readFileSync(join(ROOT, `tests/extract/specs/${stage}.json`), 'utf8')) as { specs: Spec[] }).specs;
}

export const regionSpecs = specsOf<RegionSpec>('region');

interface IndicatorSpec {
  rule: string;
  input: string;
  /** The figures that are catalogue indicators, in order; [] when none is. */
  expect: Array<{ indicator: string; value: number; unit: string }>;
}

/** Whether the region stage gives a spec its expected answer (and warning, and candidates). */
async function answers(spec: RegionSpec): Promise<boolean> {
  try {
    await expectAnswer(spec);
    return true;
  } catch {
    return false;
  }
}

async function expectAnswer(spec: RegionSpec): Promise<void> {
  const found = await findRegion(
    normalizeText(spec.input).text,
    spec.file ?? 'report.txt',
    spec.scope ? { scope: spec.scope } : {},
  ).catch((error: unknown) => error);
  if (spec.expect.length === 0) {
    expect(found, spec.input).toBeInstanceOf(BriefingError);
    expect((found as BriefingError).code).toMatch(/^REGION_(NOT_FOUND|AMBIGUOUS)$/);
    if (spec.candidates)
      expect(
        (found as BriefingError).candidates?.map((candidate) => candidate.name).slice(0, spec.candidates.length),
      ).toEqual(spec.candidates);
    return;
  }
  expect(found, spec.input).not.toBeInstanceOf(Error);
  const { region, warnings } = found as Awaited<ReturnType<typeof findRegion>>;
  expect(region, spec.input).toMatchObject(spec.expect[0]!);
  if (spec.warning) expect(warnings.join('\n')).toContain(spec.warning);
}

describe('tests/extract/specs/region.json', () => {
  it.each(regionSpecs.map((spec, index) => ({ ...spec, title: `${index}: ${spec.rule}` })))('$title', expectAnswer);
});

describe("every entry of the region stage's word lists is needed by a spec", () => {
  const words = JSON.parse(readFileSync(join(ROOT, 'data/region-words.json'), 'utf8')) as Record<string, unknown> & {
    levelWords: Record<string, string[]>;
  };
  const lists = ['speakerCues', 'rankingBefore', 'rankingAfter', 'facilitySuffixes'] as const;
  const entries = [
    ...lists.flatMap((list) =>
      (words[list] as string[]).map((entry) => ({
        entry,
        without: { ...words, [list]: (words[list] as string[]).filter((other) => other !== entry) },
      })),
    ),
    ...Object.entries(words.levelWords).flatMap(([level, list]) =>
      list.map((entry) => ({
        entry,
        without: { ...words, levelWords: { ...words.levelWords, [level]: list.filter((other) => other !== entry) } },
      })),
    ),
  ];

  it.each(entries.map(({ entry, without }) => ({ entry, without, title: entry })))(
    '$title',
    async ({ entry, without }) => {
      // Only a spec whose text holds the entry can depend on it.
      const holding = regionSpecs.filter((spec) => spec.input.includes(entry));
      expect(holding.length, `no spec holds ${entry}`).toBeGreaterThan(0);
      const changed = await withDataReplaced('region-words.json', without, async () => {
        for (const spec of holding) if (!(await answers(spec))) return true;
        return false;
      });
      expect(changed, `removing ${entry} changes the answer of no spec`).toBe(true);
    },
  );
});

const figureLibrary = { normalizeText, figuresOf, placeFigure };
const figureSpecs = expandSpecs(
  (JSON.parse(readFileSync(join(ROOT, 'tests/extract/specs/figures.json'), 'utf8')) as { specs: FigureSpec[] }).specs,
);

describe('tests/extract/specs/figures.json', () => {
  it.each(figureSpecs.map((spec, index) => ({ ...spec, title: `${index}: ${spec.rule}: ${spec.input}` })))(
    '$title',
    (spec) => {
      expect(answerOf(spec.input, spec.part, figureLibrary)).toEqual(spec.expect);
    },
  );
});

describe("every entry of the figure grammar's data and every alias of the catalogue is needed by a spec", () => {
  const entries = [
    ...entriesOf(
      JSON.parse(readFileSync(join(ROOT, 'data/figure-words.json'), 'utf8')) as Record<string, unknown>,
      JSON.parse(readFileSync(join(ROOT, 'data/units.json'), 'utf8')) as Record<string, unknown>,
    ),
    ...aliasesOf(JSON.parse(readFileSync(join(ROOT, 'data/indicators.json'), 'utf8')) as Record<string, unknown>),
  ];

  it.each(entries.map((entry) => ({ ...entry, title: `${entry.file} ${entry.list}: ${entry.entry}` })))(
    '$title',
    async ({ file, entry, without }) => {
      const holding = figureSpecs.filter((spec) => spec.input.includes(entry));
      expect(holding.length, `no spec holds ${entry}`).toBeGreaterThan(0);
      const changed = await withDataReplaced(file, without, async () =>
        holding.some(
          (spec) => JSON.stringify(answerOf(spec.input, spec.part, figureLibrary)) !== JSON.stringify(spec.expect),
        ),
      );
      expect(changed, `removing ${entry} changes the answer of no spec`).toBe(true);
    },
  );
});

interface SessionSpec {
  rule: string;
  input: string;
  expect: {
    reviewYear?: number | null;
    planYear?: number;
    planStart?: number;
    session?: { name: string } | null;
    kind?: string;
  };
}

const sessionSpecs = (
  JSON.parse(readFileSync(join(ROOT, 'tests/extract/specs/session.json'), 'utf8')) as { specs: SessionSpec[] }
).specs;

/** What the session stage gives a spec's phrase, in the spec's terms (a kind spec asks for the kind of text only). */
function sessionAnswer(spec: SessionSpec): SessionSpec['expect'] {
  if (spec.expect.kind) return { kind: sourceKindOf(normalizeText(spec.input).text) };
  const found = findSession(cleanText(spec.input));
  const { reviewYear = null, planYear, planStart, session } = found;
  return Object.fromEntries(
    Object.keys(spec.expect).map((key) => [
      key,
      { reviewYear, planYear, planStart, session: session.name === undefined ? null : { name: session.name } }[
        key as 'reviewYear'
      ],
    ]),
  );
}

describe('tests/extract/specs/session.json', () => {
  it.each(
    sessionSpecs.map((spec, index) => ({
      ...spec,
      title: `${index}: ${spec.rule}: ${spec.input.replace(/\n+/g, ' ')}`,
    })),
  )('$title', (spec) => {
    expect(sessionAnswer(spec)).toEqual(spec.expect);
  });
});

describe("every entry of the session stage's words is needed by a spec", () => {
  const words = JSON.parse(readFileSync(join(ROOT, 'data/session-words.json'), 'utf8')) as Record<string, string[]> & {
    sourceKinds: Record<string, string[]>;
  };
  const lists = [
    'reviewCues',
    'resultStatements',
    'reviewWords',
    'planLeads',
    'planHeadings',
    'timeOfDay',
    'sessionOpenings',
  ] as const;
  const entries = [
    ...lists.flatMap((list) =>
      words[list]!.map((entry) => ({
        entry,
        without: { ...words, [list]: words[list]!.filter((other) => other !== entry) },
      })),
    ),
    ...Object.entries(words.sourceKinds).flatMap(([kind, list]) =>
      list.map((entry) => ({
        entry,
        without: { ...words, sourceKinds: { ...words.sourceKinds, [kind]: list.filter((other) => other !== entry) } },
      })),
    ),
  ];

  it.each(entries.map((entry) => ({ ...entry, title: entry.entry })))('$title', async ({ without }) => {
    const changed = await withDataReplaced('session-words.json', without, async () =>
      sessionSpecs.some((spec) => JSON.stringify(sessionAnswer(spec)) !== JSON.stringify(spec.expect)),
    );
    expect(changed, 'removing it changes the answer of no spec').toBe(true);
  });
});

interface AttainmentSpec {
  rule: string;
  input: string;
  /** The statements the phrase makes, in order; [] when none. */
  expect: Array<{ says: string; statement: string }>;
}

describe('tests/extract/specs/indicator.json', () => {
  it.each(specsOf<IndicatorSpec>('indicator').map((spec, index) => ({ ...spec, title: `${index}: ${spec.rule}` })))(
    '$title',
    (spec) => {
      const named = figuresOf(normalizeText(spec.input).text).flatMap((found) =>
        found.indicator
          ? [{ indicator: found.indicator.id, value: found.quantity.value, unit: found.quantity.unit }]
          : [],
      );
      expect(named, spec.input).toEqual(spec.expect);
    },
  );
});

describe('tests/extract/specs/attainment.json', () => {
  it.each(specsOf<AttainmentSpec>('attainment').map((spec, index) => ({ ...spec, title: `${index}: ${spec.rule}` })))(
    '$title',
    (spec) => {
      const stated = statementsOf(normalizeText(spec.input).text).map(({ says, statement }) => ({ says, statement }));
      expect(stated, spec.input).toEqual(spec.expect);
    },
  );
});

describe('every word of data/target-rules.json statedAttainment is needed by an attainment spec', () => {
  const rules = JSON.parse(readFileSync(join(ROOT, 'data/target-rules.json'), 'utf8')) as {
    statedAttainment: Record<string, string[]>;
  };
  const answersOf = (): string =>
    JSON.stringify(specsOf<AttainmentSpec>('attainment').map((spec) => statementsOf(normalizeText(spec.input).text)));
  const entries = Object.entries(rules.statedAttainment).flatMap(([list, words]) =>
    words.map((entry) => ({
      title: `${list}: ${entry}`,
      without: {
        ...rules,
        statedAttainment: { ...rules.statedAttainment, [list]: words.filter((other) => other !== entry) },
      },
    })),
  );
  it.each(entries)('$title', async ({ without }) => {
    const all = answersOf();
    expect(await withDataReplaced('target-rules.json', without, async () => answersOf())).not.toBe(all);
  });
});

describe('every OCR confusion a spec names is in the table and needed by it', () => {
  const confusions = JSON.parse(readFileSync(join(ROOT, 'data/ocr-confusions.json'), 'utf8')) as {
    pairs: [string, string][];
  };
  const named = regionSpecs.flatMap((spec) =>
    (spec.confusions ?? []).map((pair) => ({ spec, pair, title: `${pair.join('→')}: ${spec.rule}` })),
  );

  it.each(named)('$title', async ({ spec, pair }) => {
    const same = (other: [string, string]): boolean => other[0] === pair[0] && other[1] === pair[1];
    expect(confusions.pairs.some(same), `${pair.join('/')} is not in data/ocr-confusions.json`).toBe(true);
    expect(await answers(spec)).toBe(true);
    const without = { ...confusions, pairs: confusions.pairs.filter((other) => !same(other)) };
    expect(
      await withDataReplaced('ocr-confusions.json', without, () => answers(spec)),
      `removing ${pair.join('/')} changes nothing`,
    ).toBe(false);
  });
});

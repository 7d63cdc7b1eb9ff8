// Shared by the figure spec runner (tests/extract/specs.test.ts) and scripts/harvest-figure-specs.mjs: how a spec's
// phrase is read, how a figure is written in a spec, and every entry of the figure grammar's data.

/** The years a spec's phrase is read with: the review part is of REVIEW_YEAR, the plan part of PLAN_YEAR. */
export const REVIEW_YEAR = 2023;
export const PLAN_YEAR = 2024;

/**
 * 地区生产总值 192.3亿元 +6% [gdp]: label, value and unit with its qualifier, signed growth, catalogue indicator;
 * then `target` for a target, and `@2021` for a year the phrase states itself.
 */
export function describeFigure(figure) {
  const growth =
    figure.growthPct !== undefined
      ? ` ${figure.growthPct < 0 ? '' : '+'}${figure.growthPct}%`
      : figure.growthPoints !== undefined
        ? ` ${figure.growthPoints < 0 ? '' : '+'}${figure.growthPoints}个百分点`
        : '';
  const range = figure.valueTo !== undefined ? `—${figure.valueTo}` : '';
  const indicator = figure.indicator ? ` [${figure.indicator}]` : '';
  const kind = figure.kind === 'target' ? ' target' : '';
  const defaultYear = figure.kind === 'target' ? PLAN_YEAR : REVIEW_YEAR;
  const year = figure.year !== undefined && figure.year !== defaultYear ? ` @${figure.year}` : '';
  return `${figure.label} ${figure.value}${range}${figure.unit}${figure.qualifier ?? ''}${growth}${indicator}${kind}${year}`;
}

/** A spec's answer: the figures of its phrase, read as one body paragraph of the review (or plan) part. */
export function answerOf(input, part, { normalizeText, figuresOf, placeFigure }) {
  const normalized = normalizeText(input);
  const paragraph = { text: normalized.text, kind: 'body', from: normalized.from, to: normalized.to };
  const context = { reviewYear: REVIEW_YEAR, planYear: PLAN_YEAR, planStart: part === 'plan' ? 0 : 1 };
  return figuresOf(paragraph.text)
    .flatMap((found) => placeFigure(paragraph, input, found, part === 'plan', context) ?? [])
    .map((figure) => describeFigure(figure));
}

/** Each entry of data/figure-words.json and data/units.json, with its file's data without it. */
export function* entriesOf(figureWords, units) {
  const without = (list, keep) =>
    Array.isArray(list) ? list.filter(keep) : Object.fromEntries(Object.entries(list).filter(([key]) => keep(key)));
  for (const [list, value] of Object.entries(figureWords)) {
    if (typeof value !== 'object') continue;
    for (const entry of Array.isArray(value) ? value : Object.keys(value))
      yield {
        file: 'figure-words.json',
        list,
        entry,
        without: { ...figureWords, [list]: without(value, (other) => other !== entry) },
      };
  }
  for (const entry of Object.keys(units.magnitudes))
    yield {
      file: 'units.json',
      list: 'magnitudes',
      entry,
      without: { ...units, magnitudes: without(units.magnitudes, (other) => other !== entry) },
    };
  for (const list of ['rates', 'bases']) {
    for (const { unit } of units[list])
      yield {
        file: 'units.json',
        list,
        entry: unit,
        without: { ...units, [list]: units[list].filter((other) => other.unit !== unit) },
      };
  }
}

/** Specs as written, with each templated spec (`each`: entries of a word list, `{}` in input and expect) expanded. */
export function expandSpecs(specs) {
  return specs.flatMap((spec) =>
    spec.each
      ? spec.each.map((entry) => ({
          ...spec,
          each: undefined,
          input: spec.input.replaceAll('{}', entry),
          expect: spec.expect.map((answer) => answer.replaceAll('{}', entry)),
          rule: `${spec.rule} (${entry})`,
        }))
      : [spec],
  );
}

/**
 * Each alias of data/indicators.json, with the catalogue without it. An indicator's own label names it by definition,
 * so it is not a word the data adds and needs no spec.
 */
export function* aliasesOf(catalogue) {
  for (const [at, indicator] of catalogue.indicators.entries()) {
    for (const alias of indicator.aliases.filter((each) => each !== indicator.label)) {
      const indicators = catalogue.indicators.map((each, index) =>
        index === at ? { ...each, aliases: each.aliases.filter((other) => other !== alias) } : each,
      );
      yield { file: 'indicators.json', list: indicator.id, entry: alias, without: { ...catalogue, indicators } };
    }
  }
}

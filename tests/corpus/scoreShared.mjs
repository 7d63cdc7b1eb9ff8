// Scores a summary against the figure labels of ../shared/corpus/full (labels.json, labels_wrapped.json): a labelled
// fact is found when a figure quotes the same place of the report with the same signed value and unit; its growth,
// kind (actual/target) and year must then agree. Shared by tests/corpus/sharedFigures.test.ts (on src/) and
// scripts/score-shared-figures.mjs (on any built tree, for before/after).

const simplify = (text) => text.replace(/\s+/g, '').replace(/％/g, '%');

/** The signed change a label states: a growth-only fact (unit %, growth = value) is the change itself. */
function expectedValue(fact) {
  return fact.unit === '%' && fact.growth_pct !== null && Math.abs(fact.growth_pct) === Math.abs(fact.value)
    ? fact.growth_pct
    : fact.value;
}

function figureValue(figure) {
  return figure.unit === '%' && figure.growthPct === undefined && figure.label.endsWith('降幅')
    ? -figure.value
    : figure.value;
}

export function scoreFacts(summary, original, facts) {
  const score = {
    facts: facts.length,
    found: 0,
    withGrowth: 0,
    growthRight: 0,
    kindRight: 0,
    yearRight: 0,
    missed: [],
    wrong: [],
  };
  for (const fact of facts) {
    const at = original.indexOf(fact.quote);
    const candidates = summary.figures.filter(
      (figure) =>
        figure.offset !== undefined &&
        figure.offset < at + fact.quote.length &&
        figure.offset + figure.quote.length > at &&
        Math.abs(figureValue(figure) - expectedValue(fact)) < 1e-9 &&
        simplify(figure.unit).replace(/^(余|多)/, '') === simplify(fact.unit),
    );
    const figure = candidates[0];
    const name = `${fact.name} ${fact.value}${fact.unit}`;
    if (!figure) {
      score.missed.push(name);
      continue;
    }
    score.found += 1;
    const growthOnly =
      fact.unit === '%' && fact.growth_pct !== null && Math.abs(fact.growth_pct) === Math.abs(fact.value);
    if (!growthOnly && fact.growth_pct !== null) {
      score.withGrowth += 1;
      if (figure.growthPct === fact.growth_pct) score.growthRight += 1;
      else score.wrong.push(`${name}: growth ${figure.growthPct ?? 'none'} instead of ${fact.growth_pct}`);
    }
    if (figure.kind === fact.kind) score.kindRight += 1;
    else score.wrong.push(`${name}: ${figure.kind} instead of ${fact.kind}`);
    if ((figure.year ?? null) === fact.year) score.yearRight += 1;
    else score.wrong.push(`${name}: year ${figure.year ?? 'none'} instead of ${fact.year}`);
  }
  return score;
}

export function sumScores(scores) {
  const total = { facts: 0, found: 0, withGrowth: 0, growthRight: 0, kindRight: 0, yearRight: 0 };
  for (const score of scores) for (const key of Object.keys(total)) total[key] += score[key];
  return total;
}

export function formatTotals(total) {
  const share = (part, whole) => `${part}/${whole} = ${((part / whole) * 100).toFixed(1)}%`;
  return [
    `| labelled facts found at their quote (signed value, unit) | ${share(total.found, total.facts)} |`,
    `| growth right, of found facts that have one | ${share(total.growthRight, total.withGrowth)} |`,
    `| actual/target right, of found facts | ${share(total.kindRight, total.found)} |`,
    `| year right, of found facts | ${share(total.yearRight, total.found)} |`,
  ].join('\n');
}

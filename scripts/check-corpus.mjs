#!/usr/bin/env node
// Checks the labelled corpus (tests/corpus) for mechanical mistakes a labeller can make: quotes that are not
// verbatim or not unique, values missing from their quote, unknown indicator ids. Usage: node scripts/check-corpus.mjs [id-prefix]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../tests/corpus/', import.meta.url));
const indicators = new Set(JSON.parse(readFileSync(fileURLToPath(new URL('../data/indicators.json', import.meta.url)), 'utf8')).indicators.map((i) => i.id));
const prefix = process.argv[2] ?? '';
let problems = 0;
const problem = (id, message) => { problems += 1; console.log(`${id}: ${message}`); };
const count = (text, part) => { let n = 0; let at = text.indexOf(part); while (at >= 0) { n += 1; at = text.indexOf(part, at + 1); } return n; };
for (const name of readdirSync(join(root, 'golden')).filter((n) => n.startsWith(prefix) && n.endsWith('.golden.json')).sort()) {
  const id = name.replace(/\.golden\.json$/, '');
  let golden;
  try { golden = JSON.parse(readFileSync(join(root, 'golden', name), 'utf8')); } catch (error) { problem(id, `golden JSON: ${error.message}`); continue; }
  let text;
  try { text = readFileSync(golden.report ? join(root, '../..', golden.report) : join(root, 'reports', `${id}.txt`), 'utf8'); } catch { problem(id, 'no report text (reports/<id>.txt or the golden file\'s "report" path)'); continue; }
  if (golden.id !== id) problem(id, `id field ${golden.id} differs from the file name`);
  for (const field of ['province', 'kind', 'length', 'region', 'session', 'figures', 'notFigures', 'source']) if (!(field in golden)) problem(id, `missing ${field}`);
  if (!/^\d{6}$/.test(golden.region?.code ?? '')) problem(id, 'region.code is not six digits');
  if (!['province', 'city', 'county', 'district', 'county_city', 'banner'].includes(golden.region?.level)) problem(id, `region.level ${golden.region?.level}`);
  // 6–10 headline figures; a short text may hold only 4 or 5.
  if (!(golden.figures?.length >= 4)) problem(id, `only ${golden.figures?.length} figures`);
  for (const [index, figure] of (golden.figures ?? []).entries()) {
    const where = `${id} figure ${index} (${figure.label})`;
    const n = count(text, figure.quote ?? '');
    if (n !== 1) problem(where, `quote occurs ${n} times in the report`);
    if (!figure.quote?.includes(figure.valueText)) problem(where, 'quote does not contain valueText');
    if (figure.indicator !== null && !indicators.has(figure.indicator)) problem(where, `unknown indicator ${figure.indicator}`);
    if (typeof figure.value !== 'number') problem(where, 'value is not a number');
    if (!['actual', 'target'].includes(figure.kind)) problem(where, `kind ${figure.kind}`);
    for (const field of ['label', 'labelCore', 'unit']) if (typeof figure[field] !== 'string') problem(where, `${field} missing`);
    if (figure.labelCore && figure.label && !figure.label.includes(figure.labelCore)) problem(where, 'label does not contain labelCore');
  }
  for (const not of golden.notFigures ?? []) {
    if (count(text, not.context) !== 1) problem(id, `notFigure context "${not.context}" occurs ${count(text, not.context)} times`);
    if (!not.context.includes(not.valueText)) problem(id, `notFigure context "${not.context}" lacks ${not.valueText}`);
  }
}
console.log(problems === 0 ? 'corpus: no problems' : `corpus: ${problems} problem(s)`);
process.exitCode = problems === 0 ? 0 : 1;

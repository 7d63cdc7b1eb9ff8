/**
 * Traditional characters to simplified, character for character so that positions hold (normalizeText keeps a map
 * from each character back to the original).
 */
import { z } from 'zod';
import * as OpenCC from 'opencc-js/t2cn';
import { loadDataFile } from '../util/dataFile.js';

/** One character to one character: a variant OpenCC leaves (陜 → 陕). */
const charVariantsSchema = z.object({
  $comment: z.string(),
  variants: z.record(z.string().length(1), z.string().length(1)),
});

let converter: ((text: string) => string) | undefined;
/** The variants table and its pattern, built once per data (a test that replaces the file gets its own). */
const variantTables = new WeakMap<object, { table: Map<string, string>; pattern: RegExp }>();

function variantTable(): { table: Map<string, string>; pattern: RegExp } {
  const data = loadDataFile('char-variants.json', charVariantsSchema);
  let built = variantTables.get(data);
  if (!built) {
    const table = new Map(Object.entries(data.variants));
    built = { table, pattern: new RegExp(`[${[...table.keys()].join('')}]`, 'gu') };
    variantTables.set(data, built);
  }
  return built;
}

/**
 * A text is traditional when conversion changes at least this share of its characters, and this many: in a simplified
 * text it changes next to none (a 40,000-character report: 0), in a traditional one a quarter.
 */
const TRADITIONAL_SHARE = 0.02;
const MIN_TRADITIONAL = 3;
const SAMPLE = 1000;

/**
 * Traditional → simplified (OpenCC, Taiwan forms, plus variant characters OpenCC leaves: data/char-variants.json),
 * character for character: a phrase conversion that changes the length of a line is redone character by character,
 * so positions always hold. Only a traditional text is converted: OpenCC would turn simplified 乾安县 into 干安县.
 */
export function toSimplified(text: string): string {
  // Three stretches of the text tell whether it is traditional, at a fraction of converting it all.
  const sample =
    text.length <= 3 * SAMPLE
      ? text
      : [0, (text.length - SAMPLE) >> 1, text.length - SAMPLE].map((at) => text.slice(at, at + SAMPLE)).join('\n');
  const converted = convertTraditional(sample);
  let changed = 0;
  const length = Math.min(converted.length, sample.length);
  for (let index = 0; index < length; index += 1)
    if (converted.charCodeAt(index) !== sample.charCodeAt(index)) changed += 1;
  if (changed < Math.max(MIN_TRADITIONAL, sample.length * TRADITIONAL_SHARE)) return text;
  return sample === text ? converted : convertTraditional(text);
}

/** Traditional → simplified unconditionally, character for character (see toSimplified for when to use it). */
export function convertTraditional(text: string): string {
  const convert = (converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  const { table, pattern } = variantTable();
  const withVariants = (converted: string): string => converted.replace(pattern, (character) => table.get(character)!);
  const whole = convert(text);
  if (whole.length === text.length) return withVariants(whole);
  const byCharacter = (character: string): string => {
    const converted = convert(character);
    return converted.length === character.length ? converted : character;
  };
  return withVariants(
    text
      .split('\n')
      .map((line) => {
        const converted = convert(line);
        return converted.length === line.length ? converted : [...line].map(byCharacter).join('');
      })
      .join('\n'),
  );
}

/**
 * Chinese word segmentation and TF-IDF keywords, wherever Node runs.
 *
 * The native jieba port (@node-rs/jieba) is the fast path, but its binary exists only for the platforms the lock file
 * carries; where it cannot load (or with BRIEFING_SEGMENTER=wasm), the same jieba-rs compiled to WebAssembly
 * (jieba-wasm, one build for every platform) segments, and the keywords are scored here the way jieba-rs scores them,
 * with the same IDF table. tests/extract/segmenter.test.ts checks that both give the same words and keywords.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Segmenter {
  readonly kind: 'native' | 'wasm';
  /** jieba's words of a text, in order (they join back to the text). */
  cut(text: string): string[];
  /** The topK words of the allowed parts of speech by TF-IDF, best first. */
  keywords(text: string, topK: number, tags: string[]): string[];
}

const require = createRequire(import.meta.url);

export function createSegmenter(
  prefer: string | undefined = process.env.BRIEFING_SEGMENTER,
  loadNative: () => Segmenter = nativeSegmenter,
): Segmenter {
  if (prefer !== 'wasm') {
    try {
      return loadNative();
    } catch {
      // No binary of the native build for this platform: the portable one below does the same work.
    }
  }
  return wasmSegmenter();
}

function nativeSegmenter(): Segmenter {
  const { Jieba, TfIdf } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict, idf } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array; idf: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const tfidf = TfIdf.withDict(idf);
  return {
    kind: 'native',
    cut: (text) => jieba.cut(text, false),
    keywords: (text, topK, tags) => tfidf.extractKeywords(jieba, text, topK, tags).map((keyword) => keyword.keyword),
  };
}

/** jieba-rs's keyword settings: words of two characters or more, its stop words, no HMM. */
const MIN_KEYWORD_LENGTH = 2;
const STOP_WORDS = new Set([
  'the',
  'of',
  'is',
  'and',
  'to',
  'in',
  'that',
  'we',
  'for',
  'an',
  'are',
  'by',
  'be',
  'as',
  'on',
  'with',
  'can',
  'if',
  'from',
  'which',
  'you',
  'it',
  'this',
  'then',
  'at',
  'have',
  'all',
  'not',
  'one',
  'has',
  'or',
]);

function wasmSegmenter(): Segmenter {
  const jieba = require('jieba-wasm') as typeof import('jieba-wasm');
  const idf = idfTable();
  return {
    kind: 'wasm',
    cut: (text) => jieba.cut(text, false),
    keywords: (text, topK, tags) => {
      const allowed = new Set(tags);
      const frequency = new Map<string, number>();
      for (const { word, tag } of jieba.tag(text, false)) {
        if (
          (allowed.size > 0 && !allowed.has(tag)) ||
          [...word].length < MIN_KEYWORD_LENGTH ||
          STOP_WORDS.has(word.toLowerCase())
        )
          continue;
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
      }
      const total = [...frequency.values()].reduce((sum, count) => sum + count, 0);
      return [...frequency]
        .map(([word, count]) => ({ word, score: (count * (idf.weights.get(word) ?? idf.median)) / total }))
        .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
        .slice(0, topK)
        .map((keyword) => keyword.word);
    },
  };
}

/** jieba's IDF table, as the native package ships it (a data file, the same on every platform). */
function idfTable(): { weights: Map<string, number>; median: number } {
  const file = join(dirname(require.resolve('@node-rs/jieba/dict.js')), 'idf.txt');
  const weights = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space > 0) weights.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  const sorted = [...weights.values()].sort((a, b) => a - b);
  return { weights, median: sorted[sorted.length >> 1] ?? 0 };
}

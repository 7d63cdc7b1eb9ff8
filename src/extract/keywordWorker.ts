/**
 * The thread that holds jieba (see findKeywords.ts): loads the dictionaries once, then answers requests for keywords
 * and for word segmentation (whole-word checks of region names).
 */
import { parentPort } from 'node:worker_threads';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';

export type KeywordRequest = { id: number; op: 'keywords'; text: string; topK: number; tags: string[] } | { id: number; op: 'cut'; texts: string[] };
export interface KeywordReply {
  id: number;
  keywords?: string[];
  cuts?: string[][];
  error?: string;
}

if (parentPort) {
  const port = parentPort;
  const jieba = Jieba.withDict(dict);
  const tfidf = TfIdf.withDict(idf);
  port.on('message', (request: KeywordRequest) => {
    const { id } = request;
    try {
      if (request.op === 'cut') port.postMessage({ id, cuts: request.texts.map((text) => jieba.cut(text, false)) } satisfies KeywordReply);
      else port.postMessage({ id, keywords: tfidf.extractKeywords(jieba, request.text, request.topK, request.tags).map((keyword) => keyword.keyword) } satisfies KeywordReply);
    } catch (error) {
      port.postMessage({ id, error: (error as Error).message } satisfies KeywordReply);
    }
  });
}

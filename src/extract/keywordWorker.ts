/**
 * The thread that holds jieba (see findKeywords.ts): loads the dictionaries once, then answers requests for keywords
 * and for word segmentation (whole-word checks of region names).
 */
import { parentPort } from 'node:worker_threads';
import { createSegmenter } from './segmenter.js';

export type KeywordRequest =
  | { id: number; op: 'keywords'; text: string; topK: number; tags: string[] }
  | { id: number; op: 'cut'; texts: string[] };
export interface KeywordReply {
  id: number;
  keywords?: string[];
  cuts?: string[][];
  error?: string;
}

if (parentPort) {
  const port = parentPort;
  const segmenter = createSegmenter();
  port.on('message', (request: KeywordRequest) => {
    const { id } = request;
    try {
      if (request.op === 'cut')
        port.postMessage({ id, cuts: request.texts.map((text) => segmenter.cut(text)) } satisfies KeywordReply);
      else
        port.postMessage({
          id,
          keywords: segmenter.keywords(request.text, request.topK, request.tags),
        } satisfies KeywordReply);
    } catch (error) {
      port.postMessage({ id, error: (error as Error).message } satisfies KeywordReply);
    }
  });
}

/** The thread that holds jieba (see findKeywords.ts): loads the dictionaries once, then answers keyword requests. */
import { parentPort } from 'node:worker_threads';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';

export interface KeywordRequest {
  id: number;
  text: string;
  topK: number;
  tags: string[];
}
export interface KeywordReply {
  id: number;
  keywords?: string[];
  error?: string;
}

if (parentPort) {
  const port = parentPort;
  const jieba = Jieba.withDict(dict);
  const tfidf = TfIdf.withDict(idf);
  port.on('message', ({ id, text, topK, tags }: KeywordRequest) => {
    try {
      port.postMessage({ id, keywords: tfidf.extractKeywords(jieba, text, topK, tags).map((keyword) => keyword.keyword) } satisfies KeywordReply);
    } catch (error) {
      port.postMessage({ id, error: (error as Error).message } satisfies KeywordReply);
    }
  });
}

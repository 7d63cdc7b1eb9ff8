/**
 * Keywords of a report by TF-IDF over a real Chinese segmentation (jieba, via @node-rs/jieba), restricted to
 * nouns, so 煤层气 and 产业园 come out whole instead of as character n-grams.
 *
 * jieba's dictionaries take about 0.3 s to load, a third of a one-report build. They load once per process, on a
 * worker thread of their own (keywordWorker.ts), so the main thread can do other work meanwhile: `startSegmenter`
 * starts the load early (a build loads the renderer while it runs).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { KeywordReply, KeywordRequest } from './keywordWorker.js';

const NOUN_TAGS = ['n', 'nz', 'nt', 'nl'];
const MAX_KEYWORDS = 8;
/** Words every government report uses: they say nothing about this one. */
const GENERIC_WORDS = new Set([
  '建设',
  '发展',
  '项目',
  '工作',
  '推进',
  '产业',
  '高质量',
  '群众',
  '服务',
  '民生',
  '经济',
  '社会',
  '企业',
  '全县',
  '全区',
  '全市',
  '政府',
  '领导',
  '改革',
  '创新',
  '体系',
  '机制',
  '能力',
  '水平',
  '质量',
  '重点',
  '任务',
  '目标',
  '成效',
  '特色',
  '行动',
  '中心',
  '全面',
  '综合',
  '工程',
  '成效显著',
  '力度',
  '作用',
  '基础',
  '问题',
  '方面',
  '领域',
  '环境',
  '格局',
  '单位',
  '部门',
]);
/** The compiled worker, from src/extract (tests) and dist/extract alike. */
const WORKER = fileURLToPath(new URL('../../dist/extract/keywordWorker.js', import.meta.url));

interface Segmenter {
  worker: Worker;
  pending: Map<number, { resolve: (reply: KeywordReply) => void; reject: (error: Error) => void }>;
  nextId: number;
}
let segmenter: Segmenter | undefined;

/** Starts loading the dictionaries on their thread, if not started yet. */
export function startSegmenter(): void {
  if (segmenter) return;
  const worker = new Worker(WORKER, { execArgv: [] }); // not the flags of the main thread: it runs one module
  const started: Segmenter = { worker, pending: new Map(), nextId: 0 };
  worker.on('message', (reply: KeywordReply) => {
    const request = started.pending.get(reply.id);
    started.pending.delete(reply.id);
    if (started.pending.size === 0) worker.unref();
    if (reply.error !== undefined) request?.reject(new Error(`keyword segmentation failed: ${reply.error}`));
    else request?.resolve(reply);
  });
  const fail = (error: Error): void => {
    if (segmenter === started) segmenter = undefined; // the next report starts a new thread
    for (const request of started.pending.values())
      request.reject(new Error(`keyword segmentation failed: ${error.message}`, { cause: error }));
    started.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`its thread ended (exit code ${code})`)));
  // The thread never keeps the process alive by itself, only while a request waits for it. Unref'd after its listeners
  // are added: adding a 'message' listener refs the worker again, and a batch whose inputs all fail would never exit.
  worker.unref();
  segmenter = started;
}

/** Sends one request to the segmenter's thread and waits for its reply. */
async function ask(request: DistributiveOmit<KeywordRequest, 'id'>): Promise<KeywordReply> {
  startSegmenter();
  const current = segmenter!;
  const id = (current.nextId += 1);
  return new Promise<KeywordReply>((resolve, reject) => {
    current.pending.set(id, { resolve, reject });
    current.worker.ref();
    current.worker.postMessage({ ...request, id } as KeywordRequest);
  });
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export async function findKeywords(text: string, exclude: readonly string[]): Promise<string[]> {
  const candidates = (await ask({ op: 'keywords', text, topK: MAX_KEYWORDS * 3, tags: NOUN_TAGS })).keywords!;
  const excluded = new Set([...GENERIC_WORDS, ...exclude]);
  return candidates
    .filter((word) => word.length >= 2 && !excluded.has(word) && !exclude.some((name) => name.includes(word)))
    .slice(0, MAX_KEYWORDS);
}

/** jieba's words of each text, in order (they join back to the text). */
export async function segmentWords(texts: string[]): Promise<string[][]> {
  if (texts.length === 0) return [];
  return (await ask({ op: 'cut', texts })).cuts!;
}

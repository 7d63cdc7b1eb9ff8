/**
 * Keywords of a report by TF-IDF over a real Chinese segmentation (jieba, via @node-rs/jieba), restricted to
 * nouns, so 煤层气 and 产业园 come out whole instead of as character n-grams. The dictionaries load once.
 */
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';

const NOUN_TAGS = ['n', 'nz', 'nt', 'nl'];
const MAX_KEYWORDS = 8;
/** Words every government report uses: they say nothing about this one. */
const GENERIC_WORDS = new Set([
  '建设', '发展', '项目', '工作', '推进', '产业', '高质量', '群众', '服务', '民生', '经济', '社会', '企业', '全县', '全区', '全市',
  '政府', '领导', '改革', '创新', '体系', '机制', '能力', '水平', '质量', '重点', '任务', '目标', '成效', '特色', '行动',
  '中心', '全面', '综合', '工程', '成效显著', '力度', '作用', '基础', '问题', '方面', '领域', '环境', '格局', '单位', '部门',
]);

let segmenter: { jieba: Jieba; tfidf: TfIdf } | undefined;

export function findKeywords(text: string, exclude: readonly string[]): string[] {
  segmenter ??= { jieba: Jieba.withDict(dict), tfidf: TfIdf.withDict(idf) };
  const excluded = new Set([...GENERIC_WORDS, ...exclude]);
  return segmenter.tfidf
    .extractKeywords(segmenter.jieba, text, MAX_KEYWORDS * 3, NOUN_TAGS)
    .map((keyword) => keyword.keyword)
    .filter((word) => word.length >= 2 && !excluded.has(word) && !exclude.some((name) => name.includes(word)))
    .slice(0, MAX_KEYWORDS);
}

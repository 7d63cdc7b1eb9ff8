/**
 * Seeded synthetic summaries for benchmarks: official county-level names from the gazetteer, 6–12 figures with
 * growth rates, five highlights of about 80 characters, three targets. Deterministic for a given seed, and every
 * summary passes the schema (quotes contain their numbers), so it goes through the real pipeline.
 */
import { loadGazetteer } from '../extract/gazetteer.js';
import { SCHEMA_VERSION, type BriefingSummary, type Figure } from '../summary/schema.js';
import { validateSummary } from '../summary/validateSummary.js';

const INDICATORS: [label: string, unit: string, base: number][] = [
  ['地区生产总值', '亿元', 300],
  ['规上工业增加值', '亿元', 110],
  ['固定资产投资', '亿元', 160],
  ['社会消费品零售总额', '亿元', 120],
  ['一般公共预算收入', '亿元', 25],
  ['城镇居民人均可支配收入', '元', 38_000],
  ['农村居民人均可支配收入', '元', 17_000],
  ['原煤产量', '万吨', 2_000],
  ['粮食总产量', '万吨', 20],
  ['新增经营主体', '户', 1_500],
  ['城镇新增就业', '人', 4_000],
  ['重点项目', '个', 140],
];
const PHRASES = [
  '全县上下坚持稳中求进工作总基调',
  '完整准确全面贯彻新发展理念',
  '着力推动高质量发展',
  '经济运行总体平稳、稳中有进',
  '重点项目建设加快推进',
  '工业生产保持较快增长',
  '煤炭、电力、新材料等主导产业支撑有力',
  '消费市场持续回暖',
  '居民收入稳步提高',
  '城乡收入差距进一步缩小',
  '财政收支运行平稳',
  '民生领域支出占比超过八成',
  '乡村振兴扎实推进',
  '粮食总产量再创历史新高',
  '营商环境持续优化',
  '生态环境质量稳定向好',
  '招商引资成效显著',
  '文旅融合发展势头良好',
  '安全生产形势总体稳定',
  '就业形势保持稳定',
];
const THEMES = [
  '坚持项目牵引，经济底盘更加稳固',
  '坚持绿色转型，产业结构不断优化',
  '坚持改革创新，发展动能加速集聚',
  '坚持融合发展，城乡颜值稳步焕新',
  '坚持共建共享，民生福祉日益增进',
  '坚持系统推进，乡村振兴持续深化',
];

export function syntheticSummaries(count: number, seed = 20261123): BriefingSummary[] {
  const { counties } = loadGazetteer();
  return Array.from({ length: count }, (_, index) => {
    const random = mulberry32(seed + index * 7919);
    const county = counties[Math.floor(random() * counties.length)]!;
    const figureCount = 6 + Math.floor(random() * 7);
    const figures: Figure[] = INDICATORS.slice(0, figureCount).map(([label, unit, base]) => {
      const value =
        unit === '亿元' || unit === '万吨'
          ? Math.round(base * (0.5 + random()) * 10) / 10
          : Math.round(base * (0.5 + random()));
      const growthPct = Math.round((-3 + random() * 12) * 10) / 10;
      const valueText = String(value);
      return {
        label,
        value,
        valueText,
        unit,
        growthPct,
        year: 2025,
        kind: 'actual',
        quote: `${label}完成${valueText}${unit}，增长${growthPct}%`,
      };
    });
    const sentence = (length: number): string => {
      let text = '';
      while (text.length < length)
        text += `${PHRASES[Math.floor(random() * PHRASES.length)]}${text.length + 20 < length ? '，' : '。'}`;
      return text;
    };
    return validateSummary({
      schemaVersion: SCHEMA_VERSION,
      id: `bench-${String(index + 1).padStart(5, '0')}`,
      source: { file: `bench-${index + 1}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8', kind: 'work_report' },
      region: { name: county.name, code: county.code, parent: county.parent, level: county.level },
      session: { name: `${county.name}第十八届人民代表大会第五次会议`, date: '2026-01-17', year: 2026 },
      reviewYear: 2025,
      planYear: 2026,
      title: '政府工作报告',
      figures,
      highlights: THEMES.slice(0, 5).map((title) => ({ title, text: sentence(80) })),
      targets: THEMES.slice(0, 3).map((title) => ({ title: title.replace('坚持', '继续坚持'), text: sentence(40) })),
      keywords: ['项目', '产业', '乡村'],
      warnings: [],
    });
  });
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

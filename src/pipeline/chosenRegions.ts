/**
 * Summaries whose region a person chose (region.source 'user': --region, regions:, the review page), found in an
 * output folder by their report's sha256. Saved under the chosen region, they are not where the extractor's own
 * reading of the report would look, so `build` and `serve` read the folder once for them: the person's word wins.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BriefingSummary } from '../summary/schema.js';
import { isSummaryFile } from './collectInputs.js';

export interface ChosenRegion {
  summaryFile: string;
  code: string;
}

export function summariesWithChosenRegion(folder: string): Map<string, ChosenRegion> {
  const found = new Map<string, ChosenRegion>();
  let names: string[];
  try {
    names = readdirSync(folder).filter(isSummaryFile).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    try {
      const data = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Partial<BriefingSummary>;
      if (data.region?.source === 'user' && typeof data.source?.sha256 === 'string')
        found.set(data.source.sha256, { summaryFile: join(folder, name), code: data.region.code });
    } catch {
      // Not a summary this tool wrote: the build-named file of the report is still looked at as before.
    }
  }
  return found;
}

/** The sha256 of a report file as the summary's source records it; undefined when it cannot be read (its read says why). */
export function reportSha256(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

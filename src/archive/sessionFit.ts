/**
 * Whether a report belongs in a session: a 晋城市 report of 2023 in a 长治两会 of 2026 is almost certainly the wrong file.
 * The session's place is whatever gazetteer name its own name holds (长治两会 → 长治市); with none, only the year is checked.
 */
import { loadGazetteer } from '../extract/gazetteer.js';
import type { BriefingSummary } from '../summary/schema.js';

export function sessionMisfits(session: string, date: string, summary: BriefingSummary): string[] {
  const { region } = summary;
  const misfits: string[] = [];
  const places = placesNamedIn(session);
  if (
    places.length > 0 &&
    !places.some((place) => place.code === region.code || place.name === region.parent || place.name === region.name)
  ) {
    misfits.push(`${region.name} (${region.parent}) is not a region of the session ${session}`);
  }
  const sessionYear = Number(date.slice(0, 4));
  const reportYear = summary.session.year ?? (summary.reviewYear !== undefined ? summary.reviewYear + 1 : undefined);
  if (reportYear !== undefined && reportYear !== sessionYear)
    misfits.push(
      `${region.name}: the report is of the ${reportYear} session, the archive's session is of ${sessionYear}`,
    );
  return misfits;
}

function placesNamedIn(session: string): Array<{ name: string; code: string }> {
  const { cities, counties } = loadGazetteer();
  return [...cities, ...counties].filter(
    (division) =>
      session.includes(division.name) ||
      (division.shortName !== undefined && division.shortName.length >= 2 && session.includes(division.shortName)),
  );
}

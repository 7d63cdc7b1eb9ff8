/**
 * The final table of a mail run, for a person on a terminal: one row per delegate (line, delegate, regions,
 * status, detail) and a line of totals. Columns are aligned by display width, Chinese characters counting two.
 */
import type { DelegateOutcome, MailStatus } from './outcome.js';

const REGIONS_WIDTH = 24;
const STATUS_ORDER: MailStatus[] = ['sent', 'written', 'skipped', 'uncertain', 'failed', 'invalid'];

export function formatOutcomes(outcomes: readonly DelegateOutcome[], counts: Record<MailStatus, number>): string {
  const header = ['line', 'delegate', 'regions', 'status', 'detail'];
  const rows = outcomes.map((outcome) => [
    String(outcome.line),
    outcome.email ? `${outcome.name} <${outcome.email}>` : outcome.name,
    truncate(outcome.regions.join('、'), REGIONS_WIDTH),
    outcome.status,
    outcome.detail,
  ]);
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : pad(cell, widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const totals = STATUS_ORDER.filter((status) => counts[status] > 0 || status === 'sent' || status === 'failed').map(
    (status) => `${status} ${counts[status]}`,
  );
  return [line(header), ...rows.map(line), totals.join(' · ')].join('\n');
}

/** Columns a terminal gives the text: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += isWide(character.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let result = '';
  for (const character of text) {
    if (displayWidth(`${result}${character}…`) > width) break;
    result += character;
  }
  return `${result}…`;
}

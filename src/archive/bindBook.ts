/**
 * One print-ready PDF of a batch's briefings (`briefing build --book`): cover, contents, every briefing in gazetteer
 * order with the book's page numbers in its footer, bookmarks, and blank backs for duplex printing if asked. The same
 * binding as an archive's book.pdf; written atomically.
 */
import { renderBriefing } from '../pipeline/renderBriefing.js';
import type { BriefingSummary } from '../summary/schema.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { makeBook } from './makeBook.js';

export interface BindOptions {
  summaries: BriefingSummary[];
  file: string;
  /** The cover's title; by default the session the summaries name, else 简报汇编. */
  session?: string;
  template?: string;
  issuer?: string;
  duplex?: boolean;
}

export async function bindBook({
  summaries,
  file,
  session,
  template,
  issuer,
  duplex,
}: BindOptions): Promise<{ file: string; pages: number }> {
  const ordered = [...summaries].sort((a, b) => a.region.code.localeCompare(b.region.code));
  const date =
    ordered
      .map((summary) => summary.session.date)
      .filter((value): value is string => Boolean(value))
      .sort()
      .at(-1) ?? '';
  const title = session ?? ordered.find((summary) => summary.session.name)?.session.name ?? '简报汇编';
  // The book's clock is the session's, as an archive's: the same summaries give the same bytes.
  const creationDate = new Date(`${date || '1970-01-01'}T00:00:00Z`);
  const book = await makeBook({
    session: title,
    date,
    creationDate,
    pdfa: false,
    duplex,
    entries: ordered.map((summary) => ({
      summary,
      render: async (pageNumber: number) =>
        (await renderBriefing(summary, { template, issuer, pageNumber, creationDate })).pdf,
    })),
  });
  await writeFileAtomic(file, book.pdf);
  return { file, pages: book.pages };
}

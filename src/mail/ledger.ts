/**
 * The mail ledger (mail-ledger.jsonl in the session folder): a state machine per message, on disk. Before a message is
 * handed to the server, a "sending" line with its Message-ID is appended and flushed (fsync); after the server's 250,
 * a "sent" line; after a refusal, a "failed" line. A delegate counts as delivered when a "sent" line exists for their
 * address and the message's content hash; a "sending" line with no outcome after it means a run stopped mid-hand-over
 * (killed, power cut): the message may or may not have gone out, and a re-run says so instead of mailing again.
 * The file is only ever appended to; a line cut short by a crash is ignored with a warning, never fatal.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BriefingError } from '../errors.js';

export const LEDGER_FILE = 'mail-ledger.jsonl';

const ledgerEntrySchema = z.object({
  /** The delegate's e-mail address, as written in the delegates file. */
  delegate: z.string(),
  name: z.string(),
  contentHash: z.string(),
  status: z.enum(['sending', 'sent', 'failed']),
  /** The server's last reply (the 250 line when sent, the error when failed). */
  response: z.string().nullable(),
  messageId: z.string().nullable(),
  /** ISO time of the outcome. */
  at: z.string(),
  attempts: z.number().int().nonnegative(),
});

export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export interface Ledger {
  entries: LedgerEntry[];
  /** Lines that could not be read, for a person. */
  warnings: string[];
}

export async function readLedger(folder: string): Promise<Ledger> {
  const file = join(folder, LEDGER_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], warnings: [] };
    throw new BriefingError('INPUT_UNREADABLE', `cannot read the mail ledger: ${(error as Error).message}`, {
      file,
      cause: error,
    });
  }
  const entries: LedgerEntry[] = [];
  const warnings: string[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const entry = ledgerEntrySchema.safeParse(parseJson(line));
    if (entry.success) entries.push(entry.data);
    else warnings.push(`${LEDGER_FILE} line ${index + 1}: not a ledger entry, ignored`);
  }
  return { entries, warnings };
}

/** The "sent" entry of this address with this content, if any. */
export function deliveryOf(
  entries: readonly LedgerEntry[],
  email: string,
  contentHash: string,
): LedgerEntry | undefined {
  return entries.find(
    (entry) => entry.status === 'sent' && sameAddress(entry.delegate, email) && entry.contentHash === contentHash,
  );
}

/** A "sending" entry of this address and content that no "sent" or "failed" entry of its Message-ID follows. */
export function unfinishedSendOf(
  entries: readonly LedgerEntry[],
  email: string,
  contentHash: string,
): LedgerEntry | undefined {
  const mine = entries.filter((entry) => sameAddress(entry.delegate, email) && entry.contentHash === contentHash);
  return mine.find(
    (entry, index) =>
      entry.status === 'sending' &&
      !mine.slice(index + 1).some((later) => later.status !== 'sending' && later.messageId === entry.messageId),
  );
}

/** The latest "sent" entry of this address, whatever its content. */
export function latestDeliveryOf(entries: readonly LedgerEntry[], email: string): LedgerEntry | undefined {
  return entries.findLast((entry) => entry.status === 'sent' && sameAddress(entry.delegate, email));
}

export interface LedgerWriter {
  /** Appends one line and returns once it is on disk. */
  append(entry: LedgerEntry): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the ledger for appending. Opening it before any mail goes out means an unwritable folder stops the run
 * before anything is sent, not after a message that could then not be recorded.
 */
export async function openLedger(folder: string): Promise<LedgerWriter> {
  const file = join(folder, LEDGER_FILE);
  let handle: FileHandle;
  try {
    handle = await open(file, 'a+');
    await endWithNewline(handle);
  } catch (error) {
    throw new BriefingError('OUTPUT_UNWRITABLE', `cannot write the mail ledger: ${(error as Error).message}`, {
      file,
      hint: 'the session folder must be writable: the ledger is what keeps a re-run from mailing anyone twice',
      cause: error,
    });
  }
  return {
    async append(entry) {
      try {
        await handle.appendFile(`${JSON.stringify(entry)}\n`, 'utf8');
        await handle.sync();
      } catch (error) {
        throw new BriefingError(
          'OUTPUT_UNWRITABLE',
          `cannot record the mail to ${entry.delegate} in the ledger: ${(error as Error).message}`,
          {
            file,
            hint: 'the run stopped so that nobody is mailed twice; free the disk, then run again',
            cause: error,
          },
        );
      }
    },
    close: () => handle.close(),
  };
}

/** A crash can leave a last line without its newline; the next line must not be glued onto it. */
async function endWithNewline(handle: FileHandle): Promise<void> {
  const { size } = await handle.stat();
  if (size === 0) return;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] !== 0x0a) await handle.appendFile('\n');
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * --outbox: writes each delegate's message as an .eml file (RFC 5322, as it would go over SMTP) for review or for
 * another mail system, instead of sending it. The date is the session date and Message-ID and MIME boundaries come
 * from the content, so the same session and delegates give byte-identical files. The ledger is neither read nor
 * written: nothing was delivered.
 */
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { type ComposedMessage, mailOptionsOf } from './composeMessage.js';
import { outcomeOf, type DelegateOutcome } from './outcome.js';
import type { Sender } from './resolveSender.js';

export interface OutboxOptions {
  dir: string;
  from: Sender;
  date: Date;
  onProgress?: (message: string) => void;
}

export async function writeOutbox(messages: ComposedMessage[], options: OutboxOptions): Promise<DelegateOutcome[]> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const outcomes: DelegateOutcome[] = [];
  for (const [index, message] of messages.entries()) {
    const info = await composer.sendMail(mailOptionsOf(message, { from: options.from, date: options.date }));
    const file = join(options.dir, emlFileName(message.delegate.email));
    await writeFileAtomic(file, info.message as Buffer);
    options.onProgress?.(`[${index + 1}/${messages.length}] wrote ${file}`);
    outcomes.push(outcomeOf(message, { status: 'written', detail: file, messageId: info.messageId, file }));
  }
  return outcomes;
}

/** The address, lower-cased, with the characters a file name cannot hold percent-encoded (so names stay distinct). */
export function emlFileName(email: string): string {
  return `${email.toLowerCase().replace(/[%/\\:*?"<>|]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)}.eml`;
}

/**
 * Decides, from the ledger, what a run does with one message: send it (never delivered, or only failed before),
 * skip it (this very content was delivered), report it uncertain (an earlier run stopped while handing it over:
 * it may have gone out) unless --resend-uncertain, or, when the delegate was mailed a different version before, skip
 * it with a notice unless --resend-changed asks for the new version to go out.
 */
import type { ComposedMessage } from './composeMessage.js';
import { deliveryOf, latestDeliveryOf, type LedgerEntry, unfinishedSendOf } from './ledger.js';

export type DeliveryPlan =
  | { action: 'send'; resend: LedgerEntry | undefined }
  | { action: 'skip'; reason: 'delivered' | 'changed' | 'uncertain'; entry: LedgerEntry };

export function planDelivery(
  message: ComposedMessage,
  entries: readonly LedgerEntry[],
  resendChanged: boolean,
  resendUncertain = false,
): DeliveryPlan {
  const { email } = message.delegate;
  const delivered = deliveryOf(entries, email, message.contentHash);
  if (delivered) return { action: 'skip', reason: 'delivered', entry: delivered };
  const unfinished = unfinishedSendOf(entries, email, message.contentHash);
  if (unfinished && !resendUncertain) return { action: 'skip', reason: 'uncertain', entry: unfinished };
  const earlier = latestDeliveryOf(entries, email);
  if (earlier && !resendChanged) return { action: 'skip', reason: 'changed', entry: earlier };
  return { action: 'send', resend: earlier };
}

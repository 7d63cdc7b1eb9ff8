/**
 * Decides, from the ledger, what a run does with one message: send it (never delivered, or only failed before),
 * skip it (this very content was delivered), or, when the delegate was mailed a different version before, skip it
 * with a notice unless --resend-changed asks for the new version to go out.
 */
import type { ComposedMessage } from './composeMessage.js';
import { deliveryOf, latestDeliveryOf, type LedgerEntry } from './ledger.js';

export type DeliveryPlan =
  | { action: 'send'; resend: LedgerEntry | undefined }
  | { action: 'skip'; reason: 'delivered' | 'changed'; entry: LedgerEntry };

export function planDelivery(message: ComposedMessage, entries: readonly LedgerEntry[], resendChanged: boolean): DeliveryPlan {
  const { email } = message.delegate;
  const delivered = deliveryOf(entries, email, message.contentHash);
  if (delivered) return { action: 'skip', reason: 'delivered', entry: delivered };
  const earlier = latestDeliveryOf(entries, email);
  if (earlier && !resendChanged) return { action: 'skip', reason: 'changed', entry: earlier };
  return { action: 'send', resend: earlier };
}

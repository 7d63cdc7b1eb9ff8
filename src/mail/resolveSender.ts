/**
 * The From of every message: --from when given (an address, optionally with a display name), else the SMTP login
 * when it is an address (most providers require exactly that), else briefing@localhost.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { BriefingError } from '../errors.js';
import { isEmailAddress } from './readDelegates.js';

export interface Sender {
  /** The From header as given: "长治市人大 <renda@example.org>" or "renda@example.org". */
  header: string;
  address: string;
}

export const FALLBACK_SENDER = 'briefing@localhost';

export function resolveSender(from: string | undefined, smtpUser: string | undefined): Sender {
  if (from === undefined) {
    const address = smtpUser !== undefined && isEmailAddress(smtpUser) ? smtpUser : FALLBACK_SENDER;
    return { header: address, address };
  }
  const parsed = addressparser(from, { flatten: true });
  const address = parsed.length === 1 ? parsed[0]?.address : undefined;
  if (address === undefined || !isEmailAddress(address)) {
    throw new BriefingError('USAGE', `--from must be one e-mail address, got "${from}"`, {
      field: '--from',
      hint: 'e.g. --from "长治市人大 <renda@example.org>"',
    });
  }
  return { header: from, address };
}

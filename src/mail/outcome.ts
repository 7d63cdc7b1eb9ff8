/** What happened to one row of the delegates file in a mail run: the unit of the final table and of --json. */
import type { BriefingError } from '../errors.js';
import type { ComposedMessage } from './composeMessage.js';
import type { DelegateProblem } from './readDelegates.js';

/** uncertain: a message was being handed to the server when an earlier run stopped; it may or may not have gone out. */
export type MailStatus = 'sent' | 'written' | 'skipped' | 'uncertain' | 'failed' | 'invalid';

export interface DelegateOutcome {
  /** Line of the delegates file. */
  line: number;
  name: string;
  email: string;
  regions: string[];
  status: MailStatus;
  /** For a person: the server's reply, why it was skipped, or what failed. */
  detail: string;
  contentHash: string | null;
  messageId: string | null;
  /** The server's last reply. */
  response: string | null;
  attempts: number;
  /** The .eml file written (--outbox). */
  file: string | null;
  error: BriefingError | null;
}

type OutcomeFields = Partial<Omit<DelegateOutcome, 'line' | 'name' | 'email' | 'regions' | 'contentHash'>> &
  Pick<DelegateOutcome, 'status' | 'detail'>;

export function outcomeOf(message: ComposedMessage, fields: OutcomeFields): DelegateOutcome {
  const { line, name, email, regions } = message.delegate;
  return {
    line,
    name,
    email,
    regions,
    contentHash: message.contentHash,
    messageId: null,
    response: null,
    attempts: 0,
    file: null,
    error: null,
    ...fields,
  };
}

export function invalidOutcomeOf(problem: DelegateProblem): DelegateOutcome {
  const { line, name, email, error } = problem;
  return {
    line,
    name,
    email,
    regions: [],
    status: 'invalid',
    detail: error.message,
    contentHash: null,
    messageId: null,
    response: null,
    attempts: 0,
    file: null,
    error,
  };
}

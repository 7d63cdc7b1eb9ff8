/**
 * Retrying SMTP operations. An error is sorted by what it says about the next attempt:
 * - transient: the server refused this message for now (4xx, 503); retry it, and if it still fails, the other
 *   delegates are not affected;
 * - connection: the connection dropped, timed out or the server is closing (421); retry, and if it still fails,
 *   the server is gone for this run and the remaining delegates are not attempted;
 * - permanent: the server refused this message for good (5xx); do not retry, go on with the others;
 * - fatal: the configuration is wrong (login, TLS); nothing can be sent in this run.
 * Waits double from baseDelayMs up to maxDelayMs.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export type FailureKind = 'transient' | 'connection' | 'permanent' | 'fatal';

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 2000, maxDelayMs: 60_000 };

export type Attempted<T> =
  { ok: true; value: T; attempts: number } | { ok: false; error: unknown; kind: FailureKind; attempts: number };

const FATAL_CODES = ['EAUTH', 'ENOAUTH', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EOAUTH2'];
/** A certificate the client does not trust is a setting to fix, not a server to wait for. */
const CERTIFICATE = /CERT|certificate|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/;
const CONNECTION_CODES = ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EDNS'];

export function classifySmtpError(error: unknown): FailureKind {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (typeof code === 'string' && FATAL_CODES.includes(code)) return 'fatal';
  if (isCertificateError(error)) return 'fatal';
  if (typeof responseCode === 'number') {
    if (responseCode === 421) return 'connection';
    if ((responseCode >= 400 && responseCode < 500) || responseCode === 503) return 'transient';
    if (responseCode >= 500 && responseCode < 600) return 'permanent';
  }
  if (typeof code === 'string' && CONNECTION_CODES.includes(code)) return 'connection';
  return 'permanent';
}

export function isCertificateError(error: unknown): boolean {
  for (
    let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 4;
    current = current.cause as typeof current, depth += 1
  ) {
    if (
      (typeof current.code === 'string' && CERTIFICATE.test(current.code)) ||
      (typeof current.message === 'string' && CERTIFICATE.test(current.message))
    )
      return true;
  }
  return false;
}

export async function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (error: unknown, delayMs: number, attempt: number) => void,
): Promise<Attempted<T>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ok: true, value: await operation(), attempts: attempt };
    } catch (error) {
      const kind = classifySmtpError(error);
      const retryable = kind === 'transient' || kind === 'connection';
      if (!retryable || attempt > policy.retries) return { ok: false, error, kind, attempts: attempt };
      const delayMs = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      onRetry?.(error, delayMs, attempt);
      await sleep(delayMs);
    }
  }
}

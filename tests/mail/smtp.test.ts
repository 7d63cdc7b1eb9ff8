// SMTP settings from a URL (shown without credentials), error classes and bounded retries with backoff.
import { describe, expect, it } from 'vitest';
import { classifySmtpError, withRetry } from '../../src/mail/retry.js';
import { parseSmtpUrl, redact } from '../../src/mail/smtp.js';

describe('parseSmtpUrl', () => {
  it('reads host, port, login and TLS mode, and shows the server without credentials', () => {
    const server = parseSmtpUrl({
      url: 'smtp://renda%40example.org:p%40ss%3Aw%2Frd@mail.example.org:2525',
      ratePerMinute: 30,
    });
    expect(server.display).toBe('smtp://mail.example.org:2525');
    expect(server.user).toBe('renda@example.org');
    expect(server.options).toMatchObject({
      pool: true,
      maxConnections: 1,
      maxRequeues: 0,
      host: 'mail.example.org',
      port: 2525,
      secure: false,
      auth: { user: 'renda@example.org', pass: 'p@ss:w/rd' },
      rateDelta: 60_000,
      rateLimit: 30,
      logger: false,
    });
    expect(server.options).not.toHaveProperty('ignoreTLS');
    expect(server.secrets).toContain('p@ss:w/rd');
    expect(server.secrets).toContain('p%40ss%3Aw%2Frd');
  });

  it('requires TLS for a login over smtp:// unless insecureAuth, and takes no other scheme', () => {
    expect(parseSmtpUrl({ url: 'smtp://u:p@mail.example.org' }).options.requireTLS).toBe(true);
    expect(parseSmtpUrl({ url: 'smtp://u:p@mail.example.org', insecureAuth: true }).options.requireTLS).toBe(false);
    expect(parseSmtpUrl({ url: 'smtp://mail.example.org' }).options.requireTLS).toBe(false);
    expect(() => parseSmtpUrl({ url: 'ftp://u:p@mail.example.org:2607' })).toThrowError(
      expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('smtp:// or smtps://') }),
    );
  });

  it('uses port 587 for smtp:// and TLS on 465 for smtps://; no login without a user', () => {
    expect(parseSmtpUrl({ url: 'smtp://mail.example.org' })).toMatchObject({
      display: 'smtp://mail.example.org:587',
      user: undefined,
      secrets: [],
      options: { port: 587, auth: undefined },
    });
    expect(parseSmtpUrl({ url: 'smtps://u:p@mail.example.org' })).toMatchObject({
      display: 'smtps://mail.example.org:465',
      options: { port: 465, secure: true },
    });
    expect(parseSmtpUrl({ url: 'smtp://[::1]:25' }).options.host).toBe('::1');
  });

  it('refuses what is not an SMTP URL without repeating it (it may hold a password)', () => {
    expect(() => parseSmtpUrl({ url: 'user:secret-word@mail' })).toThrow(/must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseSmtpUrl({ url: 'http://user:secret-word@mail.example.org' })).toThrow(
      'got http://mail.example.org',
    );
    try {
      parseSmtpUrl({ url: 'smtp://user:secret-word@exa mple.org' });
    } catch (error) {
      expect(String(error)).toContain('not a valid URL');
      expect(String(error)).not.toContain('secret-word');
    }
  });

  it('redacts every form of the password', () => {
    const { secrets } = parseSmtpUrl({ url: 'smtp://u:s%C3%A9cret@h' });
    expect(redact(`AUTH PLAIN ${Buffer.from('\0u\0sécret').toString('base64')} s%C3%A9cret sécret`, secrets)).toBe(
      'AUTH PLAIN *** *** ***',
    );
  });
});

describe('classifySmtpError', () => {
  it('sorts errors by what the next attempt can expect', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550 })).toBe('permanent');
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 451 })).toBe('transient');
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 503 })).toBe('transient');
    expect(classifySmtpError({ code: 'EPROTOCOL', responseCode: 421 })).toBe('connection');
    expect(classifySmtpError({ code: 'ECONNECTION' })).toBe('connection');
    expect(classifySmtpError({ code: 'ETIMEDOUT' })).toBe('connection');
    expect(classifySmtpError({ code: 'ESOCKET' })).toBe('connection');
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535 })).toBe('fatal');
    expect(classifySmtpError({ code: 'ETLS' })).toBe('fatal');
    expect(classifySmtpError(new Error('something else'))).toBe('permanent');
  });
});

describe('withRetry', () => {
  const policy = { retries: 3, baseDelayMs: 4, maxDelayMs: 10 };

  it('retries temporary failures with doubling, capped waits, then gives up', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        throw Object.assign(new Error('busy'), { responseCode: 451 });
      },
      policy,
      (_error, delayMs) => waits.push(delayMs),
    );
    expect(result).toMatchObject({ ok: false, kind: 'transient', attempts: 4 });
    expect(calls).toBe(4);
    expect(waits).toEqual([4, 8, 10]);
  });

  it('returns at the first success, and does not retry a permanent failure', async () => {
    let calls = 0;
    expect(
      await withRetry(
        async () =>
          (calls += 1) === 2 ? 'ok' : Promise.reject(Object.assign(new Error('dropped'), { code: 'ECONNECTION' })),
        policy,
      ),
    ).toEqual({ ok: true, value: 'ok', attempts: 2 });
    calls = 0;
    const refused = await withRetry(async () => {
      calls += 1;
      throw Object.assign(new Error('no such user'), { responseCode: 550 });
    }, policy);
    expect(refused).toMatchObject({ ok: false, kind: 'permanent', attempts: 1 });
    expect(calls).toBe(1);
  });
});

/**
 * The SMTP side of the mail stage: connection settings from an smtp:// or smtps:// URL, and a pooled nodemailer
 * transport with one connection (messages go out one at a time, in order, so the ledger follows the server).
 * TLS: smtps:// is TLS from the start; smtp:// upgrades with STARTTLS whenever the server offers it (nodemailer's
 * default, never switched off here), and must upgrade when there are credentials: a login never travels in clear
 * (a server that offers no STARTTLS, or an attacker who strips it, stops the run) unless `insecureAuth` says so. Credentials are kept out of everything this module lets out: the server is
 * shown as smtp://host:port, nodemailer's logger is off, and error texts pass through redact() before anyone sees them.
 */
import type { ConnectionOptions } from 'node:tls';
import nodemailer, { type SendMailOptions, type SMTPPoolOptions } from 'nodemailer';
import { BriefingError } from '../errors.js';

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://… (user and password percent-encoded). */
  url: string;
  /** At most this many messages per minute (the pool waits); unlimited when absent. */
  ratePerMinute?: number;
  /** TLS options for the connection, e.g. `ca` for a server whose certificate a private CA signed. */
  tls?: ConnectionOptions;
  /** Log in over an unencrypted connection when the server offers no STARTTLS (--insecure-auth). */
  insecureAuth?: boolean;
}

export interface SmtpServer {
  /** smtp://host:port: safe to print. */
  display: string;
  /** The login name, when the URL has one (a possible default sender). */
  user: string | undefined;
  /** Every form in which the password could show up in a message; redact() removes them. */
  secrets: string[];
  options: SMTPPoolOptions & { pool: true };
}

export interface SmtpDelivery {
  /** The server's reply to the message, e.g. "250 OK: queued as …". */
  response: string;
  messageId: string;
}

export interface SmtpSender {
  server: SmtpServer;
  /** Connects and logs in once, so a wrong host or password stops the run before anything is sent. */
  verify(): Promise<void>;
  send(message: SendMailOptions): Promise<SmtpDelivery>;
  close(): void;
}

const DEFAULT_PORTS: Record<string, number> = { 'smtp:': 587, 'smtps:': 465 };

export function parseSmtpUrl(settings: SmtpSettings): SmtpServer {
  let url: URL;
  try {
    url = new URL(settings.url);
  } catch {
    // The text is not echoed: it may hold a password.
    throw new BriefingError('USAGE', 'the SMTP server is not a valid URL', {
      field: '--smtp',
      hint: 'use smtp://user:password@host:port (percent-encode special characters)',
    });
  }
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol];
  if (!(url.protocol in DEFAULT_PORTS) || port === undefined || !url.hostname) {
    throw new BriefingError(
      'USAGE',
      `the SMTP server must be an smtp:// or smtps:// URL with a host, got ${url.protocol}//${url.hostname}`,
      {
        field: '--smtp',
        hint: 'use smtp://user:password@host:port (STARTTLS when offered) or smtps://… (TLS from the start)',
      },
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  const pass = decodeURIComponent(url.password);
  const secrets = pass
    ? [
        pass,
        url.password,
        Buffer.from(pass).toString('base64'),
        Buffer.from(`\0${user ?? ''}\0${pass}`).toString('base64'),
      ]
    : [];
  return {
    display: `${url.protocol}//${url.hostname}:${port}`,
    user,
    secrets,
    options: {
      pool: true,
      maxConnections: 1,
      // A message whose connection dropped is retried by the caller, who records every outcome in the ledger.
      maxRequeues: 0,
      host,
      port,
      secure: url.protocol === 'smtps:',
      requireTLS: url.protocol === 'smtp:' && user !== undefined && !settings.insecureAuth,
      auth: user === undefined ? undefined : { user, pass },
      tls: settings.tls,
      ...(settings.ratePerMinute === undefined ? {} : { rateDelta: 60_000, rateLimit: settings.ratePerMinute }),
      logger: false,
      debug: false,
    },
  };
}

export function createSmtpSender(settings: SmtpSettings): SmtpSender {
  const server = parseSmtpUrl(settings);
  const transporter = nodemailer.createTransport(server.options);
  return {
    server,
    async verify() {
      await transporter.verify();
    },
    async send(message) {
      const info = await transporter.sendMail(message);
      return { response: info.response, messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** The text with every form of the password replaced by *** (longest first: one form can contain another). */
export function redact(text: string, secrets: readonly string[]): string {
  return [...secrets]
    .sort((a, b) => b.length - a.length)
    .reduce((result, secret) => result.split(secret).join('***'), text);
}

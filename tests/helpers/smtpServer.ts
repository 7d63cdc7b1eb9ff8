/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) for mail tests: it keeps every message it accepts,
 * and can be told to misbehave like real servers do: refuse a recipient for good (550), refuse one for a while
 * (451), drop the connection once a number of messages were taken, or answer slowly.
 */
import type { AddressInfo } from 'node:net';
import { type SMTPServerDataStream, SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** The session was encrypted (STARTTLS). */
  secure: boolean;
  /** Login name of the session, when the client authenticated. */
  user: string | undefined;
}

export interface TestSmtpOptions {
  /** Offer STARTTLS (with smtp-server's built-in test certificate). Off by default. */
  starttls?: boolean;
  /** Require this login; without it, authentication is optional. */
  login?: { user: string; pass: string };
}

export interface TestSmtpServer {
  port: number;
  /** smtp://[user:pass@]127.0.0.1:port */
  url(login?: { user: string; pass: string }): string;
  received: ReceivedMail[];
  /** Recipients answered 550 at RCPT TO. */
  rejected: Set<string>;
  /** Recipient → how many more times to answer 451 at RCPT TO. */
  deferrals: Map<string, number>;
  /** Once this many messages were accepted, every further MAIL FROM gets its connection dropped. */
  dropAfter: number | undefined;
  /** Drop only this many connections, then behave again (undefined: every one). */
  dropLimit: number | undefined;
  drops: number;
  /** Wait this long before accepting each message. */
  delayMs: number;
  /** How many messages each recipient got. */
  countFor(address: string): number;
  close(): Promise<void>;
}

export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const state: Omit<TestSmtpServer, 'port' | 'url' | 'countFor' | 'close'> = {
    received: [],
    rejected: new Set(),
    deferrals: new Map(),
    dropAfter: undefined,
    dropLimit: undefined,
    drops: 0,
    delayMs: 0,
  };
  const server: SMTPServer = new SMTPServer({
    logger: false,
    disabledCommands: options.starttls ? [] : ['STARTTLS'],
    authOptional: !options.login,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      const ok = options.login && auth.username === options.login.user && auth.password === options.login.pass;
      callback(
        ok ? null : Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }),
        ok ? { user: auth.username } : undefined,
      );
    },
    onMailFrom(_address, session, callback) {
      const dropping =
        state.dropAfter !== undefined &&
        state.received.length >= state.dropAfter &&
        (state.dropLimit === undefined || state.drops < state.dropLimit);
      if (!dropping) return callback();
      state.drops += 1;
      for (const connection of server.connections) if (connection.id === session.id) connection._socket.destroy();
    },
    onRcptTo(address, _session, callback) {
      const recipient = address.address.toLowerCase();
      if (state.rejected.has(recipient))
        return callback(Object.assign(new Error(`<${recipient}>: mailbox unavailable`), { responseCode: 550 }));
      const deferrals = state.deferrals.get(recipient) ?? 0;
      if (deferrals > 0) {
        state.deferrals.set(recipient, deferrals - 1);
        return callback(
          Object.assign(new Error(`<${recipient}>: mailbox busy, try again later`), { responseCode: 451 }),
        );
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        setTimeout(() => {
          const { mailFrom, rcptTo } = session.envelope;
          state.received.push({
            from: mailFrom ? mailFrom.address : '',
            to: rcptTo.map((recipient) => recipient.address.toLowerCase()),
            raw: Buffer.concat(chunks),
            secure: session.secure,
            user: typeof session.user === 'string' ? session.user : undefined,
          });
          callback(null, `Message queued as test-${state.received.length}`);
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    port,
    url: (login?: { user: string; pass: string }) =>
      login
        ? `smtp://${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@127.0.0.1:${port}`
        : `smtp://127.0.0.1:${port}`,
    countFor: (address: string) => state.received.filter((mail) => mail.to.includes(address.toLowerCase())).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of server.connections) connection._socket.destroy();
        server.close(() => resolve());
      }),
  });
}

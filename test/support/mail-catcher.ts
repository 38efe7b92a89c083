import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = { to: string[]; data: string };

/** A local SMTP server that keeps every message it receives, for tests of e-mail delivery. */
export async function startMailCatcher() {
  const mails: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    // Any login is taken, over plain SMTP: for a server address that carries credentials.
    allowInsecureAuth: true,
    onAuth(auth, _session, done) {
      done(null, { user: auth.username });
    },
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (d) => {
        data += d;
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  return {
    mails,
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

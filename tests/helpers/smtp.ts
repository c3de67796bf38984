import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = ParsedMail & { envelopeTo: string[] };
// accept: 250; hang: read the message and never answer (the client times out, as if the
// connection broke after the server had it); reject-rcpt / defer-rcpt: 550 / 450 on RCPT TO.
export type SmtpMode = 'accept' | 'hang' | 'reject-rcpt' | 'defer-rcpt';

// A real SMTP server on loopback: what nodemailer sends arrives here over TCP and is parsed
// by mailparser. stop() and start() again on the same port simulate an outage.
export async function startSmtp() {
  const received: Received[] = [];
  let mode: SmtpMode = 'accept';
  let server: SMTPServer | undefined;
  let port = 0;
  const makeServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        if (mode === 'reject-rcpt')
          return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        if (mode === 'defer-rcpt')
          return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 450 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push(Object.assign(mail, { envelopeTo: to }));
            if (mode !== 'hang') callback();
          }, callback);
        });
      },
    });
  const start = async () => {
    server = makeServer();
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  };
  const stop = async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
  };
  await start();
  return {
    received,
    get port() {
      return port;
    },
    setMode: (m: SmtpMode) => {
      mode = m;
    },
    start,
    stop,
    to: (address: string) => received.filter((m) => m.envelopeTo.includes(address)),
    async waitFor(count: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return received.length;
    },
  };
}
export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

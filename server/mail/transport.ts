import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { classifySendError, MailSendError } from './send-errors.js';
import { senderDomain, transportKind, type MailSettings, type TransportKind } from '../config.js';

export type OutgoingMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  lang?: string;
  headers?: Record<string, string>;
};
export type MailTransport = { kind: TransportKind; send: (mail: OutgoingMail) => Promise<void>; close: () => void };
export type TransportOptions = { connections?: number; socketTimeoutMs?: number };

// The outbox id names the message everywhere: a resend after an "unknown" outcome carries the
// same Message-ID, so the recipient's mail client can tell it is the same message.
export const messageIdFor = (id: string, from: string) =>
  `<${id.replace(/[^A-Za-z0-9_-]/g, '.')}@${senderDomain(from)}>`;

export function createMailTransport(s: MailSettings, opts: TransportOptions = {}): MailTransport {
  const kind = transportKind(s);
  if (kind === 'smtp') return smtpTransport(s, opts);
  if (kind === 'folder') return folderTransport(s);
  return {
    kind,
    send: async () => {
      throw new MailSendError('outage', 'Mail is turned off (MAIL_TRANSPORT=off).');
    },
    close: () => {},
  };
}

function compose(s: MailSettings, m: OutgoingMail) {
  return {
    from: s.MAIL_FROM,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: messageIdFor(m.id, s.MAIL_FROM),
    headers: { ...(m.lang ? { 'Content-Language': m.lang } : {}), 'Auto-Submitted': 'auto-generated', ...m.headers },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function smtpTransport(s: MailSettings, opts: TransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: opts.connections ?? 4,
    maxMessages: 500,
    host: s.SMTP_HOST,
    port: s.SMTP_PORT,
    secure: s.SMTP_TLS === 'implicit',
    requireTLS: s.SMTP_TLS === 'starttls',
    ignoreTLS: s.SMTP_TLS === 'none',
    auth: s.SMTP_USER ? { user: s.SMTP_USER, pass: s.SMTP_PASS ?? '' } : undefined,
    tls: { minVersion: 'TLSv1.2' },
    // bounded, so a worker that died mid-send is told apart from a slow one (see claim.ts)
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: opts.socketTimeoutMs ?? 60_000,
  });
  return {
    kind: 'smtp',
    send: async (m) => {
      try {
        await transporter.sendMail(compose(s, m));
      } catch (err) {
        throw new MailSendError(classifySendError(err), (err as Error).message);
      }
    },
    close: () => transporter.close(),
  };
}

// Development: each message becomes MAIL_DIR/<id>.eml, openable in any mail client. Writing the
// same id again overwrites the file, so nothing is ever doubled.
function folderTransport(s: MailSettings): MailTransport {
  const dir = resolve(s.MAIL_DIR);
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'folder',
    send: async (m) => {
      try {
        const info = await transporter.sendMail(compose(s, m));
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, `${m.id.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`), info.message as Buffer);
      } catch (err) {
        throw new MailSendError('outage', (err as Error).message);
      }
    },
    close: () => transporter.close(),
  };
}

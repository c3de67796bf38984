// What a failed send means for the message, decided from nodemailer's error fields:
//   outage  - the message certainly did not leave (no connection, DNS, TLS, login, sender refused):
//             it goes back to the queue without using an attempt, and the worker pauses.
//   retry   - the server refused this message for now (4xx): one attempt used, retried with backoff.
//   failed  - the server refused this message for good (5xx on recipient or content).
//   unknown - the connection broke mid-session: the server may have accepted it. Never retried
//             automatically (at most once); an admin sees it and may resend.
export type SendOutcome = 'outage' | 'retry' | 'failed' | 'unknown';

type SmtpErrorFields = {
  code?: unknown;
  originalCode?: unknown;
  command?: unknown;
  responseCode?: unknown;
  timeoutType?: unknown;
};

const beforeSession = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
const setupTimeouts = new Set(['CONNECTION_TIMEOUT', 'GREETING_TIMEOUT', 'DNS_TIMEOUT', 'TLS_TIMEOUT']);
const configCodes = new Set(['EAUTH', 'ETLS', 'EDNS', 'ENOAUTH', 'EPROXY']);

export function classifySendError(err: unknown): SendOutcome {
  const e = (err ?? {}) as SmtpErrorFields;
  const command = typeof e.command === 'string' ? e.command : '';
  if (typeof e.code === 'string' && configCodes.has(e.code)) return 'outage';
  if (typeof e.responseCode === 'number') {
    // refused before any recipient was named: the sender or session, not this message
    if (command === 'CONN' || command.startsWith('MAIL FROM') || /^(EHLO|HELO|LHLO|STARTTLS|AUTH)/.test(command))
      return 'outage';
    return e.responseCode >= 500 ? 'failed' : 'retry';
  }
  if (typeof e.originalCode === 'string' && beforeSession.has(e.originalCode)) return 'outage';
  if (typeof e.timeoutType === 'string' && setupTimeouts.has(e.timeoutType)) return 'outage';
  return 'unknown';
}

export class MailSendError extends Error {
  constructor(
    readonly outcome: SendOutcome,
    message: string,
  ) {
    super(message);
  }
}

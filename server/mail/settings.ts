// The mail keys of the configuration (parsed and described in server/config.ts). Mail code takes
// this shape rather than the whole Config so it can be built and tested on its own.
export type MailSettings = {
  NODE_ENV: 'development' | 'test' | 'production';
  MAIL_TRANSPORT?: 'smtp' | 'folder' | 'off' | undefined;
  SMTP_HOST?: string | undefined;
  SMTP_PORT: number;
  SMTP_TLS: 'starttls' | 'implicit' | 'none';
  SMTP_USER?: string | undefined;
  SMTP_PASS?: string | undefined;
  MAIL_FROM: string;
  MAIL_DIR: string;
  MAIL_RATE_PER_SECOND: number;
  MAIL_MAX_ATTEMPTS: number;
  MAIL_RETRY_BASE_SECONDS: number;
  INVITATION_RETENTION_DAYS: number;
};

export type TransportKind = 'smtp' | 'folder' | 'off';

// Unset: .eml files in MAIL_DIR while developing; no mail at all in production until SMTP is set,
// so a forgotten setting never writes staff addresses to the server's disk.
export function transportKind(s: Pick<MailSettings, 'NODE_ENV' | 'MAIL_TRANSPORT' | 'SMTP_HOST'>): TransportKind {
  if (s.MAIL_TRANSPORT) return s.MAIL_TRANSPORT;
  if (s.SMTP_HOST) return 'smtp';
  return s.NODE_ENV === 'production' ? 'off' : 'folder';
}

const loopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

// Cross-key checks for parseConfig: each problem is "KEY: message".
export function mailConfigProblems(s: MailSettings): string[] {
  const problems: string[] = [];
  const kind = transportKind(s);
  if (kind === 'smtp' && !s.SMTP_HOST) problems.push('SMTP_HOST: required when MAIL_TRANSPORT=smtp');
  if (kind === 'smtp' && s.SMTP_TLS === 'none' && s.SMTP_HOST && !loopback(s.SMTP_HOST)) {
    problems.push('SMTP_TLS: none sends addresses and links unencrypted; allowed only to a loopback host');
  }
  if (Boolean(s.SMTP_USER) !== Boolean(s.SMTP_PASS)) problems.push('SMTP_USER: set both SMTP_USER and SMTP_PASS, or neither');
  if (!/<?[^\s<>@]+@[^\s<>@]+>?\s*$/.test(s.MAIL_FROM)) problems.push('MAIL_FROM: must end with an email address, e.g. Staff survey <survey@council.gov.uk>');
  else if (kind === 'smtp' && senderDomain(s.MAIL_FROM) === 'localhost') problems.push('MAIL_FROM: set a sender address your SMTP server accepts (not @localhost)');
  return problems;
}

// The domain of MAIL_FROM, used on the right of every Message-ID.
export function senderDomain(from: string): string {
  return /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

import { existsSync } from 'node:fs';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const loopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

// One OpenID Connect provider (a council's Entra ID tenant, Google Workspace, Okta…). The account,
// its role and its councils are ours: the provider only vouches for the email.
const OidcProvider = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and - only, e.g. camden'),
  name: z.string().trim().min(1).max(80), // on the sign-in button: "Sign in with <name>"
  issuer: z
    .url()
    .refine(
      (u) => u.startsWith('https://') || loopback(new URL(u).hostname),
      'must be https:// (http:// only for a loopback host)',
    ),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUrl: z.url().optional(), // default: PUBLIC_URL + /sign-in/oidc/<id>/callback
  emailClaim: z.string().min(1).default('email'),
  allowedDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain, e.g. camden.gov.uk'),
    )
    .min(1, 'name at least one email domain'),
  requireVerifiedEmail: z.boolean().default(true),
  scopes: z.string().default('openid email profile'),
  // just-in-time accounts: off unless set; never admins
  createAccounts: z
    .strictObject({
      role: z.enum(['hr_lead', 'researcher']),
      pilots: z.array(z.string().regex(/^\d{3}$/, 'must be a three-digit council code')).default([]),
    })
    .refine((a) => (a.role === 'hr_lead') === a.pilots.length > 0, 'an HR lead needs councils; a researcher none')
    .optional(),
});
export type OidcProviderSettings = z.infer<typeof OidcProvider> & { redirectUrl: string };

const OidcProviders = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON: an array of providers (see .env.example)' });
      return z.NEVER;
    }
  })
  .pipe(z.array(OidcProvider).max(100))
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'each provider needs its own id')
  .default([]);

// Every key the platform reads, described once; .env.example lists the same keys.
const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only')
    .default('wellbeing'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(27017),
  EMBEDDED_DB_DIR: z.string().min(1).default('./data/db'),
  EMBEDDED_DB_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('error'),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(64),
  MIN_GROUP_SIZE: z.coerce.number().int().min(5, 'must be at least 5 (anonymity floor)').max(1000).default(10),
  FREE_TEXT_MIN_GROUP_SIZE: z.coerce.number().int().min(5).max(10_000).default(20),
  DRIVER_MIN_GROUP_SIZE: z.coerce.number().int().min(5).max(100_000).default(30),
  RESPONSE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  SEED_DEMO: bool.default(true),
  MAIL_TRANSPORT: z.enum(['smtp', 'folder', 'off']).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_TLS: z.enum(['starttls', 'implicit', 'none']).default('starttls'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Staff wellbeing survey <no-reply@localhost>'),
  MAIL_DIR: z.string().min(1).default('./data/mail'),
  MAIL_RATE_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(10),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  INVITATION_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  LOCAL_SIGN_IN: bool.default(true),
  OIDC_PROVIDERS: OidcProviders,
});

export type Config = Readonly<
  Omit<z.infer<typeof Env>, 'OIDC_PROVIDERS'> & { httpsPublic: boolean; OIDC_PROVIDERS: OidcProviderSettings[] }
>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty value means "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = Env.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const value = result.data;
  if (value.FREE_TEXT_MIN_GROUP_SIZE < value.MIN_GROUP_SIZE) {
    throw new ConfigError('Invalid configuration:\n  FREE_TEXT_MIN_GROUP_SIZE: must be at least MIN_GROUP_SIZE');
  }
  if (value.DRIVER_MIN_GROUP_SIZE < value.MIN_GROUP_SIZE) {
    throw new ConfigError('Invalid configuration:\n  DRIVER_MIN_GROUP_SIZE: must be at least MIN_GROUP_SIZE');
  }
  if (value.SESSION_IDLE_MINUTES > value.SESSION_ABSOLUTE_HOURS * 60) {
    throw new ConfigError(
      'Invalid configuration:\n  SESSION_IDLE_MINUTES: must not be longer than SESSION_ABSOLUTE_HOURS',
    );
  }
  const problems = [...mailConfigProblems(value), ...signInProblems(value)];
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const providers = value.OIDC_PROVIDERS.map((p) => ({
    ...p,
    redirectUrl: p.redirectUrl ?? new URL(`/sign-in/oidc/${p.id}/callback`, value.PUBLIC_URL).href,
  }));
  return Object.freeze({
    ...value,
    OIDC_PROVIDERS: providers,
    httpsPublic: value.PUBLIC_URL?.startsWith('https://') ?? false,
  });
}

function signInProblems(value: z.infer<typeof Env>): string[] {
  const problems: string[] = [];
  if (!value.LOCAL_SIGN_IN && value.OIDC_PROVIDERS.length === 0)
    problems.push('LOCAL_SIGN_IN: false needs at least one provider in OIDC_PROVIDERS, or nobody can sign in');
  value.OIDC_PROVIDERS.forEach((p, i) => {
    if (!p.redirectUrl && !value.PUBLIC_URL)
      problems.push(`OIDC_PROVIDERS.${i}.redirectUrl: required when PUBLIC_URL is not set`);
  });
  return problems;
}

// Reads .env (if present) into process.env without overriding what is already set.
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

// The mail keys of the configuration. Mail code takes this shape rather than the whole Config so
// it can be built and tested on its own.
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

// Cross-key checks for parseConfig: each problem is "KEY: message".
export function mailConfigProblems(s: MailSettings): string[] {
  const problems: string[] = [];
  const kind = transportKind(s);
  if (kind === 'smtp' && !s.SMTP_HOST) problems.push('SMTP_HOST: required when MAIL_TRANSPORT=smtp');
  if (kind === 'smtp' && s.SMTP_TLS === 'none' && s.SMTP_HOST && !loopback(s.SMTP_HOST)) {
    problems.push('SMTP_TLS: none sends addresses and links unencrypted; allowed only to a loopback host');
  }
  if (Boolean(s.SMTP_USER) !== Boolean(s.SMTP_PASS))
    problems.push('SMTP_USER: set both SMTP_USER and SMTP_PASS, or neither');
  if (!/<?[^\s<>@]+@[^\s<>@]+>?\s*$/.test(s.MAIL_FROM))
    problems.push('MAIL_FROM: must end with an email address, e.g. Staff survey <survey@council.gov.uk>');
  else if (kind === 'smtp' && senderDomain(s.MAIL_FROM) === 'localhost')
    problems.push('MAIL_FROM: set a sender address your SMTP server accepts (not @localhost)');
  return problems;
}

// The domain of MAIL_FROM, used on the right of every Message-ID.
export function senderDomain(from: string): string {
  return /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

import { existsSync } from 'node:fs';
import { z } from 'zod';
import { mailConfigProblems } from './mail/settings.js';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

// Every key the platform reads, described once; .env.example lists the same keys.
const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  DB_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only').default('wellbeing'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(27017),
  EMBEDDED_DB_DIR: z.string().min(1).default('./data/db'),
  EMBEDDED_DB_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('error'),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(64),
  MIN_GROUP_SIZE: z.coerce.number().int().min(5, 'must be at least 5 (anonymity floor)').max(1000).default(10),
  FREE_TEXT_MIN_GROUP_SIZE: z.coerce.number().int().min(5).max(10_000).default(20),
  RESPONSE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
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
});

export type Config = Readonly<z.infer<typeof Env> & { httpsPublic: boolean }>;

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
  if (value.SESSION_IDLE_MINUTES > value.SESSION_ABSOLUTE_HOURS * 60) {
    throw new ConfigError('Invalid configuration:\n  SESSION_IDLE_MINUTES: must not be longer than SESSION_ABSOLUTE_HOURS');
  }
  const mailProblems = mailConfigProblems(value);
  if (mailProblems.length > 0) throw new ConfigError(`Invalid configuration:\n${mailProblems.map((p) => `  ${p}`).join('\n')}`);
  return Object.freeze({ ...value, httpsPublic: value.PUBLIC_URL?.startsWith('https://') ?? false });
}

// Reads .env (if present) into process.env without overriding what is already set.
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

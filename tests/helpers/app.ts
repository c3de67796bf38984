import { after, before, beforeEach } from 'node:test';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import supertest from 'supertest';
import type { Express } from 'express';
import type { Role } from '../../server/accounts/model.js';
import { createUser } from '../../server/accounts/users.js';
import { User } from '../../server/accounts/model.js';
import { createApp } from '../../server/app.js';
import { parseConfig, type Config } from '../../server/config.js';
import { connectDatabase, disconnectDatabase } from '../../server/platform/db/connection.js';
import { createLogger } from '../../server/log.js';
import { createSurveyRegistry, type SurveyRegistry } from '../../server/surveys/registry.js';
import { createTallier } from '../../server/tally/runner.js';

export function testDatabaseUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests through `npm test`.');
  return uri;
}

// Each test file gets its own database, named after its folder and file, on the run's embedded FerretDB.
export function databaseNameFor(fileUrl: string): string {
  const file = fileURLToPath(fileUrl);
  return `t_${basename(dirname(file))}_${basename(file).replace(/\.test\.ts$/, '')}`
    .replace(/[^A-Za-z0-9_]/g, '_')
    .slice(0, 60);
}

// Every test signs in from 127.0.0.1, so the per-address sign-in limit is lifted unless a test sets it.
export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
    ...overrides,
  });
}

let registry: SurveyRegistry | undefined;
export const testSurveys = (): SurveyRegistry => (registry ??= createSurveyRegistry());

export type AppOptions = { now?: () => number; surveys?: SurveyRegistry; recheckMarkedMs?: number };

export function testApp(
  overrides: Record<string, string> = {},
  { now, surveys = testSurveys(), recheckMarkedMs }: AppOptions = {},
) {
  const config = testConfig(overrides);
  const logger = createLogger('silent');
  const tallier = createTallier(surveys, logger);
  return { config, tallier, app: createApp({ config, logger, surveys, tallier, now, recheckMarkedMs }) };
}

// A clock the test moves on by hand, for session expiry and sign-in windows.
export function testClock(start = Date.now()) {
  let at = start;
  return {
    now: () => at,
    advance: (ms: number) => {
      at += ms;
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';
export type StaffSpec = { role: Role; pilots?: string[]; email?: string };
export type StaffAgent = ReturnType<typeof supertest.agent>;

export const staffEmail = ({ role, pilots = [], email }: StaffSpec) =>
  email ?? `${[role, ...pilots].join('-')}@example.org`;

// Creates the account (unless it exists) with TEST_PASSWORD, through the same service the CLI uses.
export async function createStaffUser(spec: StaffSpec): Promise<string> {
  const email = staffEmail(spec);
  if (!(await User.exists({ _id: email })))
    await createUser({ email, role: spec.role, pilots: spec.pilots, password: TEST_PASSWORD });
  return email;
}

// An agent signed in through POST /api/v1/session that keeps the cookie and sends the CSRF token
// on every request. The account needs its councils to exist (e.g. buildCouncil) for an HR lead.
export async function signIn(app: Express, spec: StaffSpec = { role: 'researcher' }): Promise<StaffAgent> {
  const email = await createStaffUser(spec);
  const agent = supertest.agent(app);
  const res = await agent.post('/api/v1/session').send({ email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  agent.set('X-CSRF-Token', res.body.csrfToken);
  return agent;
}

export async function clearDatabase(): Promise<void> {
  await Promise.all(Object.values(mongoose.connection.collections).map((c) => c.deleteMany({})));
}

// Connects mongoose for the whole file, clears every collection before each test, and
// gives a supertest agent on a freshly built app; `staff(spec)` signs one in (per test, since
// the accounts are cleared with everything else).
export function useTestApp(fileUrl: string, overrides: Record<string, string> = {}, options: AppOptions = {}) {
  const { config, app, tallier } = testApp(overrides, options);
  before(async () => {
    await connectDatabase(testDatabaseUri(), databaseNameFor(fileUrl));
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  });
  beforeEach(clearDatabase);
  after(async () => {
    await tallier.stop();
    await disconnectDatabase();
  });
  return { config, app, tallier, http: () => supertest(app), staff: (spec?: StaffSpec) => signIn(app, spec) };
}

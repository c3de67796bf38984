import { after, before, beforeEach } from 'node:test';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import supertest from 'supertest';
import { createApp } from '../../server/app.js';
import { parseConfig, type Config } from '../../server/config.js';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.js';
import { createLogger } from '../../server/log.js';
import { createSurveyRegistry, type SurveyRegistry } from '../../server/surveys/registry.js';
import { createTallier } from '../../server/summaries/runner.js';

export function testDatabaseUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests through `npm test`.');
  return uri;
}

// Each test file gets its own database, named after the file, on the run's embedded FerretDB.
export function databaseNameFor(fileUrl: string): string {
  return `t_${basename(fileURLToPath(fileUrl)).replace(/\.test\.ts$/, '').replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 60);
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...overrides });
}

let registry: SurveyRegistry | undefined;
export const testSurveys = (): SurveyRegistry => (registry ??= createSurveyRegistry());

export function testApp(overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  const logger = createLogger('silent');
  const tallier = createTallier(testSurveys(), logger);
  return { config, tallier, app: createApp({ config, logger, surveys: testSurveys(), tallier }) };
}

export async function clearDatabase(): Promise<void> {
  await Promise.all(Object.values(mongoose.connection.collections).map((c) => c.deleteMany({})));
}

// Connects mongoose for the whole file, clears every collection before each test, and
// gives a supertest agent on a freshly built app.
export function useTestApp(fileUrl: string, overrides: Record<string, string> = {}) {
  const { config, app, tallier } = testApp(overrides);
  before(async () => {
    await connectDatabase(testDatabaseUri(), databaseNameFor(fileUrl));
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  });
  beforeEach(clearDatabase);
  after(async () => { await tallier.stop(); await disconnectDatabase(); });
  return { config, app, tallier, http: () => supertest(app) };
}

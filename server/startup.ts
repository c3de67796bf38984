import mongoose from 'mongoose';
import type { Config } from './config.js';
import type { Logger } from './log.js';

type StartupDeps = { config: Config; logger: Logger; baseUrl: string };

// Runs once the database is reachable: indexes, then (later) survey checks and demo data.
export async function prepareDatabase({ logger }: StartupDeps): Promise<void> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
  logger.info('database ready');
}

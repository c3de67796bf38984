import mongoose from 'mongoose';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { clientIdsStored } from './responses/store.js';
import type { SurveyRegistry } from './surveys/registry.js';
import { loadStoredSurveys } from './surveys/store.js';
import { checkWaveSurveysUnchanged } from './study/waves/service.js';

type StartupDeps = { config: Config; logger: Logger; surveys: SurveyRegistry; baseUrl: string };

// Runs once the database is reachable: indexes, the survey-version immutability check, demo data.
export async function prepareDatabase({ config, logger, surveys, baseUrl }: StartupDeps): Promise<void> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
  const stored = await loadStoredSurveys(surveys); // before any wave is checked or read
  if (stored > 0) logger.info(`${stored} survey version(s) added through the admin API installed`);
  await checkWaveSurveysUnchanged(surveys);
  await clientIdsStored(); // before demo data: records that a database without responses has no client ids
  if (config.SEED_DEMO) {
    const link = await seedDemoIfEmpty(surveys, logger);
    if (link) logger.info(`Demo data loaded. Try the survey as a respondent: ${baseUrl}/s/${link}`);
  }
  logger.info('database ready');
}

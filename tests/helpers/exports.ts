import { after, before, beforeEach } from 'node:test';
import { randomUUID } from 'node:crypto';
import express from 'express';
import mongoose from 'mongoose';
import supertest from 'supertest';
import { Campaign } from '../../server/study/campaigns/model.js';
import { connectDatabase, disconnectDatabase } from '../../server/platform/db/connection.js';
import { exportRoutes } from '../../server/exports/routes.js';
import { errorHandler } from '../../server/platform/http/error-handler.js';
import { createLogger } from '../../server/log.js';
import { Council } from '../../server/study/councils/model.js';
import { SurveyResponse } from '../../server/responses/model.js';
import { createWave } from '../../server/study/waves/service.js';
import { createTallier } from '../../server/tally/runner.js';
import { queueForCounting } from '../../server/tally/queue.js';
import { clearDatabase, databaseNameFor, testConfig, testDatabaseUri } from './app.js';
import { answersV1, twoVersionSurveys } from './export-fixtures.js';

export const RESEARCHER = 'researcher@example.org';

// The export routes on their own app, as server/app.ts mounts them, with a guard that lets
// everyone through and a fixed user: the accounts feature supplies the real ones.
export function exportApp(overrides: Record<string, string> = {}) {
  const config = testConfig({ MIN_GROUP_SIZE: '5', ...overrides });
  const surveys = twoVersionSurveys();
  const tallier = createTallier(surveys, createLogger('silent'));
  const app = express();
  app.set('query parser', 'simple');
  app.use(
    '/api/v1',
    exportRoutes({
      config,
      surveys,
      requireResearcher: (_req, _res, next) => next(),
      currentUser: () => RESEARCHER,
      flushTally: (selected) => tallier.flushFor(selected),
    }),
  );
  app.use(errorHandler(createLogger('silent')));
  return app;
}

export function useExportApp(fileUrl: string, overrides: Record<string, string> = {}) {
  const app = exportApp(overrides);
  before(async () => {
    await connectDatabase(testDatabaseUri(), databaseNameFor(fileUrl));
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  });
  beforeEach(clearDatabase);
  after(disconnectDatabase);
  return { app, http: () => supertest(app) };
}

// open: the wave is still running (closes in 2099); otherwise it closed on 2025-03-31
type CampaignOptions = {
  pilot?: string;
  arm?: 'pilot' | 'comparison';
  wave?: string;
  version?: number;
  allowFreeText?: boolean;
  open?: boolean;
  closedManually?: boolean;
  closedAt?: Date;
};

// A council in a wave of the given survey version, with its campaign.
export async function buildExportCampaign(options: CampaignOptions = {}) {
  const pilotCode = options.pilot ?? '855';
  const waveId = options.wave ?? 'w1';
  await Council.updateOne(
    { _id: pilotCode },
    { $set: { name: `Council ${pilotCode}`, arm: options.arm ?? 'pilot' } },
    { upsert: true },
  );
  await createWave(
    {
      id: waveId,
      name: `Wave ${waveId}`,
      opensOn: '2025-01-01',
      closesOn: options.open ? '2099-12-31' : '2025-03-31',
      surveyId: 'staff-wellbeing',
      surveyVersion: options.version ?? 1,
    },
    twoVersionSurveys(),
  ).catch((err) => {
    if (err.status !== 409) throw err;
  });
  const code = randomUUID().replace(/-/g, '');
  await Campaign.create({
    _id: code,
    pilotCode,
    waveId,
    allowFreeText: options.allowFreeText ?? false,
    closedManually: options.closedManually ?? false,
    ...(options.closedAt ? { closedAt: options.closedAt } : {}),
  });
  return { code, pilotCode, waveId, version: options.version ?? 1 };
}

export type Built = Awaited<ReturnType<typeof buildExportCampaign>>;

// Stored as a live submission would be (answers already valid for the version): queued for the
// summaries' counters first, which exports read once the tally is flushed.
export async function storeResponses(campaign: Built, answers: Record<string, unknown>[], day = '2025-02-17') {
  const docs = answers.map((a) => ({
    _id: randomUUID(),
    campaign: campaign.code,
    pilotCode: campaign.pilotCode,
    waveId: campaign.waveId,
    surveyId: 'staff-wellbeing',
    surveyVersion: campaign.version,
    day,
    answers: a,
  }));
  const tokens = await queueForCounting(docs.map((d) => d._id));
  await SurveyResponse.insertMany(docs.map((d, i) => ({ ...d, queuedBy: tokens[i] })));
  return docs;
}

export const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
export const someResponses = (n: number, overrides: Record<string, unknown> = {}) =>
  repeat(n, () => answersV1(overrides));

// Collects a binary response body (supertest buffers text types only).
export function binary(res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
export const binaryParser = binary as unknown as (
  res: supertest.Response,
  callback: (err: Error | null, body: unknown) => void,
) => void;

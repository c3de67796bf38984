// Submission throughput and latency through HTTP (a real listening server on loopback) at
// several concurrencies, beside a raw mongodb-driver loop inserting documents of the same shape
// into the same database at the same concurrency: the ratio between them is the figure.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Collection } from 'mongodb';
import mongoose from 'mongoose';
import { createApp } from '../../server/app.js';
import { Campaign } from '../../server/study/campaigns/model.js';
import { todayInUk } from '../../server/platform/dates.js';
import { parseConfig } from '../../server/config.js';
import { connectDatabase, disconnectDatabase } from '../../server/platform/db/connection.js';
import { startEmbeddedDatabase } from '../../server/platform/db/embedded.js';
import { syntheticAnswers } from '../../server/demo/answers.js';
import { normal, seededRng, type Rng } from '../../server/demo/random.js';
import { createLogger } from '../../server/log.js';
import { Council } from '../../server/study/councils/model.js';
import { createTallier } from '../../server/tally/runner.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';
import { validateAnswers } from '../../server/surveys/validate-answers.js';
import { createWave } from '../../server/study/waves/service.js';
import { percentile } from './stats.js';

export type Rate = { count: number; perSecond: number; p50: number; p99: number };
export type SubmissionRow = { clients: number; stored: number; http: Rate; raw?: Rate; tallySeconds: number };
export type SubmissionOptions = { concurrency: number[]; seconds: number; maxPerRun: number; prefill: number };

const surveys = createSurveyRegistry();
const def = surveys.get('staff-wellbeing', 1);
const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// Runs `op` from `clients` concurrent loops until `seconds` pass or `max` operations started.
async function measure(clients: number, seconds: number, max: number, op: (rng: Rng) => Promise<void>): Promise<Rate> {
  const times: number[] = [];
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const rng = seededRng(1000 + i);
      while (performance.now() - t0 < seconds * 1000 && started++ < max) {
        const t = performance.now();
        await op(rng);
        times.push(performance.now() - t);
      }
    }),
  );
  return {
    count: times.length,
    perSecond: times.length / ((performance.now() - t0) / 1000),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  };
}

function poster(url: URL, agent: http.Agent) {
  return (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 201 ? resolve() : reject(new Error(`submission answered ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

// The document the service stores, built the way the service builds it.
function storedShape(rng: Rng, campaign: { _id: string; pilotCode: string; waveId: string }) {
  const checked = validateAnswers(def, syntheticAnswers(rng, normal(rng) * 0.3));
  if (!checked.ok) throw new Error('generator produced invalid answers');
  return {
    _id: randomUUID(),
    campaign: campaign._id,
    pilotCode: campaign.pilotCode,
    waveId: campaign.waveId,
    surveyId: def.id,
    surveyVersion: def.version,
    day: todayInUk(),
    answers: checked.answers,
  };
}

async function prefillResponses(count: number, make: () => object) {
  const responses = mongoose.connection.db!.collection('responses');
  for (let done = 0; done < count; done += 1000)
    await responses.insertMany(Array.from({ length: Math.min(1000, count - done) }, make) as never[]);
}

export async function benchSubmissions({
  concurrency,
  seconds,
  maxPerRun,
  prefill,
}: SubmissionOptions): Promise<SubmissionRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-submit-'));
  const db = await startEmbeddedDatabase({ port: 0, dataDir: dir });
  const rawClient = new MongoClient(db.uri, { maxPoolSize: 64 });
  const logger = createLogger('silent');
  const tallier = createTallier(surveys, logger);
  const server = createApp({
    config: parseConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', RESPONSE_RATE_LIMIT_PER_MINUTE: '1000000' }),
    logger,
    surveys,
    tallier,
  }).listen(0, '127.0.0.1');
  try {
    await connectDatabase(db.uri, 'bench');
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
    await Council.updateOne({ _id: '855' }, { $set: { name: 'Council 855', arm: 'pilot' } }, { upsert: true });
    await createWave(
      {
        id: 'w1',
        name: 'Wave 1',
        opensOn: addDays(-7),
        closesOn: addDays(7),
        surveyId: def.id,
        surveyVersion: def.version,
      },
      surveys,
    );
    const campaign = { _id: randomUUID().replace(/-/g, ''), pilotCode: '855', waveId: 'w1' };
    await Campaign.create(campaign);
    // the raw loop writes to a twin of `responses` (same indexes), so its documents do not make
    // the HTTP runs' reads slower; FerretDB's SQLite backend scans even for an _id lookup
    const raw: Collection = rawClient.db('bench').collection('responses_raw');
    await raw.createIndexes([{ key: { pilotCode: 1, waveId: 1 } }, { key: { campaign: 1 } }]);
    if (!server.listening) await new Promise((r) => server.once('listening', r));
    const url = new URL(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/campaigns/${campaign._id}/responses`,
    );
    tallier.start();

    const viaHttp = async (clients: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
      const post = poster(url, agent);
      const rate = await measure(clients, seconds, maxPerRun, (rng) =>
        post(JSON.stringify({ submissionId: randomUUID(), answers: syntheticAnswers(rng, normal(rng) * 0.3) })),
      );
      agent.destroy();
      const t = performance.now();
      await tallier.flush(); // the counting the submissions queued is part of their cost
      return { rate, tallySeconds: (performance.now() - t) / 1000 };
    };
    const viaDriver = (clients: number) =>
      measure(clients, seconds, maxPerRun, async (rng) => {
        await raw.insertOne(storedShape(rng, campaign) as never);
      });

    await measure(8, 1, 100, async (rng) => {
      await raw.insertOne(storedShape(rng, campaign) as never);
    }); // warm-up
    const rows: SubmissionRow[] = [];
    for (const clients of concurrency) {
      const stored = await mongoose.connection.db!.collection('responses').countDocuments({});
      const { rate, tallySeconds } = await viaHttp(clients);
      rows.push({ clients, stored, http: rate, raw: await viaDriver(clients), tallySeconds });
    }
    if (prefill > 0) {
      const rng = seededRng(99);
      await prefillResponses(prefill, () => storedShape(rng, campaign));
      const clients = Math.max(...concurrency);
      const stored = await mongoose.connection.db!.collection('responses').countDocuments({});
      const { rate, tallySeconds } = await viaHttp(clients);
      rows.push({ clients, stored, http: rate, tallySeconds });
    }
    return rows;
  } finally {
    await tallier.stop();
    server.close();
    await rawClient.close();
    await disconnectDatabase();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

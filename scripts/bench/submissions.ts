// Submission throughput and latency through HTTP against the real server (`server/index.ts` as
// its own process) at several concurrencies, beside two yardsticks writing documents of the same
// shape into the same database in the same run: the raw driver's insertOne at the same
// concurrency, and a batched insertMany (the fair limit, since the app commits submissions in
// groups). Every load runs in a load-generator process of its own (submit-load.ts). After the last
// run (the highest concurrency) the same load also goes to a bare floor server (floor-server.ts):
// node:http and group commit with none of the app's work, to show what HTTP leaves of the two
// cores. A concurrency listed more than once is run again: the machine's drift between one minute
// and the next moves a single pair of runs by ten points of the ratio, so the report takes the
// median of the pairs.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../../server/platform/db/connection.js';
import { startEmbeddedDatabase } from '../../server/platform/db/embedded.js';
import { syntheticAnswers } from '../../server/demo/answers.js';
import { normal, seededRng } from '../../server/demo/random.js';
import { Campaign } from '../../server/study/campaigns/model.js';
import { Council } from '../../server/study/councils/model.js';
import { createWave } from '../../server/study/waves/service.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';
import { spawnListening, spawnServer } from './server-process.js';
import { cpuSeconds } from './stats.js';
import { queueToken, storedFields, storedId } from './stored-shape.js';
import type { LoadJob } from './submit-load.js';

export type Rate = { count: number; perSecond: number; p50: number; p99: number };
// µs of CPU a request, of the server's process and the database's, over the seconds the load ran
export type Cpu = { server: number; db: number };
export type SubmissionRow = {
  clients: number;
  stored: number;
  http: Rate;
  cpu: Cpu;
  floor?: Rate & { cpu: Cpu };
  insertOne?: Rate;
  insertMany?: Rate;
  tallySeconds: number;
  load: number;
};
// `concurrency` in the order run (a repeat alternates which side goes first again); the bare floor
// runs after the last
export type SubmissionOptions = { concurrency: number[]; seconds: number; maxPerRun: number; prefill: number };

const surveys = createSurveyRegistry();
const def = surveys.get('staff-wellbeing', 1);
const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const run = promisify(execFile);

async function load(job: LoadJob): Promise<Rate> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/submit-load.ts', JSON.stringify(job)],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout) as Rate;
}

async function prefillResponses(count: number, campaign: LoadJob['campaign']) {
  const rng = seededRng(99);
  const responses = mongoose.connection.db!.collection('responses');
  const make = () => ({
    _id: storedId(),
    ...storedFields(campaign, def, syntheticAnswers(rng, normal(rng) * 0.3)),
    queuedBy: queueToken(),
  });
  for (let done = 0; done < count; done += 1000)
    await responses.insertMany(Array.from({ length: Math.min(1000, count - done) }, make) as never[]);
}

// Runs `job` while reading the CPU the server and the database use meanwhile.
async function loadWithCpu(job: LoadJob, serverPid: number, dbPid: number): Promise<Rate & { cpu: Cpu }> {
  const before = [cpuSeconds(serverPid), cpuSeconds(dbPid)];
  const rate = await load(job);
  const perRequest = (pid: number, i: number) => ((cpuSeconds(pid) - before[i]!) * 1e6) / Math.max(1, rate.count);
  return { ...rate, cpu: { server: perRequest(serverPid, 0), db: perRequest(dbPid, 1) } };
}

async function spawnFloor(uri: string, campaign: LoadJob['campaign']) {
  const floor = await spawnListening('scripts/bench/floor-server.ts', {
    PATH: process.env.PATH ?? '',
    MONGODB_URI: uri,
    FLOOR_CAMPAIGN: JSON.stringify(campaign),
  });
  return { ...floor, url: `${floor.url}/api/v1/campaigns/${campaign._id}/responses` };
}

// Seconds until the server has counted everything queued: part of what a submission costs.
async function tallyCatchUp(): Promise<number> {
  const t = performance.now();
  const queue = mongoose.connection.db!.collection('tallyqueues');
  while ((await queue.countDocuments({})) > 0) await new Promise((r) => setTimeout(r, 100));
  return (performance.now() - t) / 1000;
}

async function setUp(): Promise<LoadJob['campaign']> {
  await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  await Council.updateOne({ _id: '855' }, { $set: { name: 'Council 855', arm: 'pilot' } }, { upsert: true });
  const wave = {
    id: 'w1',
    name: 'Wave 1',
    opensOn: addDays(-7),
    closesOn: addDays(7),
    surveyId: def.id,
    surveyVersion: def.version,
  };
  await createWave(wave, surveys);
  const campaign = { _id: randomUUID().replace(/-/g, ''), pilotCode: '855', waveId: 'w1' };
  await Campaign.create(campaign);
  const raw = mongoose.connection.db!.collection('responses_raw');
  await raw.createIndexes([{ key: { pilotCode: 1, waveId: 1 } }, { key: { campaign: 1 } }]);
  return campaign;
}

export async function benchSubmissions({
  concurrency,
  seconds,
  maxPerRun,
  prefill,
}: SubmissionOptions): Promise<SubmissionRow[]> {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-submit-'));
  const db = await startEmbeddedDatabase({ port: 0, dataDir: dir });
  await connectDatabase(db.uri, 'bench');
  const server = await spawnServer(db.uri, { RESPONSE_RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'info' });
  try {
    const campaign = await setUp();
    const url = `${server.baseUrl}/api/v1/campaigns/${campaign._id}/responses`;
    const floorRun = async (floorJob: LoadJob) => {
      const floor = await spawnFloor(db.uri, campaign);
      try {
        return await loadWithCpu({ ...floorJob, url: floor.url }, floor.pid, db.child.pid!);
      } finally {
        await floor.stop();
      }
    };
    const job = (mode: LoadJob['mode'], clients: number): LoadJob => ({
      mode,
      clients,
      seconds,
      max: maxPerRun,
      url,
      uri: db.uri,
      campaign,
    });
    await load({ ...job('insertOne', 8), seconds: 1, max: 100 }); // warm-up
    const rows: SubmissionRow[] = [];
    for (const [i, clients] of concurrency.entries()) {
      const stored = await mongoose.connection.db!.collection('responses').countDocuments({});
      const loadAverage = os.loadavg()[0]!;
      // the yardsticks go first in every other run, so neither side always meets a warmer database
      const yardsticks = async () => ({
        insertMany: await load(job('insertMany', clients)),
        insertOne: await load(job('insertOne', clients)),
      });
      const first = i % 2 === 1 ? await yardsticks() : undefined;
      const { cpu, ...httpRate } = await loadWithCpu(job('http', clients), server.pid, db.child.pid!);
      const tallySeconds = await tallyCatchUp();
      const { insertMany, insertOne } = first ?? (await yardsticks());
      const floor = i === concurrency.length - 1 ? await floorRun(job('http', clients)) : undefined;
      rows.push({
        clients,
        stored,
        http: httpRate,
        cpu,
        floor,
        insertOne,
        insertMany,
        tallySeconds,
        load: loadAverage,
      });
    }
    if (prefill > 0) {
      await prefillResponses(prefill, campaign);
      const clients = Math.max(...concurrency);
      const stored = await mongoose.connection.db!.collection('responses').countDocuments({});
      const loadAverage = os.loadavg()[0]!;
      const { cpu, ...httpRate } = await loadWithCpu(job('http', clients), server.pid, db.child.pid!);
      rows.push({ clients, stored, http: httpRate, cpu, tallySeconds: await tallyCatchUp(), load: loadAverage });
    }
    return rows;
  } finally {
    await server.stop();
    await disconnectDatabase();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

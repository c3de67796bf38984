// The submissions benchmark's load generator, run as its own process so that its work never
// competes with the server's event loop. Reads one job as JSON from argv[2], prints one Rate.
//   http:       `clients` loops POSTing submissions to `url`
//   insertOne:  `clients` loops, each inserting one stored-shape document at a time
//   insertMany: one loop inserting the same documents 100 at a time (the app's group commit at
//               its best: FerretDB's SQLite backend commits an insert of up to 100 documents once)
// Answers are made before the clock starts (POOL sets, each sent or inserted with a fresh id), so
// that neither side is charged for the generator's own work.
import { randomUUID } from 'node:crypto';
import { connect } from './raw-http.js';
import { MongoClient } from 'mongodb';
import { syntheticAnswers } from '../../server/demo/answers.js';
import { normal, seededRng } from '../../server/demo/random.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';
import { percentile } from './stats.js';
import { queueToken, storedFields, storedId } from './stored-shape.js';

export type LoadJob = {
  mode: 'http' | 'insertOne' | 'insertMany';
  clients: number;
  seconds: number;
  max: number;
  url?: string;
  uri?: string;
  campaign: { _id: string; pilotCode: string; waveId: string };
};

const def = createSurveyRegistry().get('staff-wellbeing', 1);
const BATCH = 100;
const POOL = 1000;

const answerSets = (seed: number) => {
  const rng = seededRng(seed);
  return Array.from({ length: POOL }, () => syntheticAnswers(rng, normal(rng) * 0.3));
};

// Documents as the app stores them (answers checked and packed), each taken with a fresh _id and
// queue token.
function storedShapes(campaign: LoadJob['campaign']) {
  const docs = answerSets(1000).map((answers) => storedFields(campaign, def, answers));
  let next = 0;
  return () => ({ _id: storedId(), ...docs[next++ % POOL]!, queuedBy: queueToken() });
}

// Runs `op` (which handles `per` documents) from `clients` loops until time or `max` is reached.
// `op` is given the number of the loop calling it.
async function measure(job: LoadJob, clients: number, per: number, op: (loop: number) => Promise<void>) {
  const times: number[] = [];
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, loop) => {
      while (performance.now() - t0 < job.seconds * 1000 && (started += per) <= job.max) {
        const t = performance.now();
        await op(loop);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    count: times.length * per,
    perSecond: (times.length * per) / seconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  };
}

async function run(job: LoadJob) {
  if (job.mode === 'http') {
    const connections = await Promise.all(Array.from({ length: job.clients }, () => connect(job.url!)));
    const path = new URL(job.url!).pathname;
    const answers = answerSets(1000).map((a) => JSON.stringify(a));
    let next = 0;
    const body = () => `{"submissionId":"${randomUUID()}","answers":${answers[next++ % POOL]}}`;
    try {
      return await measure(job, job.clients, 1, async (loop) => {
        const status = await connections[loop]!.post(path, body());
        if (status !== 201) throw new Error(`answered ${status}`);
      });
    } finally {
      for (const c of connections) c.close();
    }
  }
  const client = await MongoClient.connect(job.uri!, { maxPoolSize: Math.max(4, job.clients) });
  // a twin of `responses` with the same indexes, so the HTTP runs' collection does not grow
  const raw = client.db('bench').collection('responses_raw');
  const doc = storedShapes(job.campaign);
  try {
    if (job.mode === 'insertOne')
      return await measure(job, job.clients, 1, () => raw.insertOne(doc() as never).then(() => {}));
    return await measure(job, 1, BATCH, () =>
      raw.insertMany(Array.from({ length: BATCH }, doc) as never[]).then(() => {}),
    );
  } finally {
    await client.close();
  }
}

process.stdout.write(`${JSON.stringify(await run(JSON.parse(process.argv[2]!) as LoadJob))}\n`);

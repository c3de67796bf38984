// Summary read latency at growing numbers of stored responses, on the embedded FerretDB.
// Every size gets its own database, all filled first; reads are then taken in interleaved
// rounds (1k, 100k, 1M, 1k, …) so each size sees the same machine load.
// Beside each size, the yardstick: the database reads one summary read makes (the session and its
// user, then the council, the wave and the campaign at once, then the published figures), made
// with the plain driver in the same order from this process, timed in the same rounds; the
// published figures are read as raw bytes, as the app reads them, so neither side decodes them.
// Usage: npm run bench:summary [-- 1000 100000 1000000] [--keep=<dir>]
// --keep=<dir> keeps each filled database under <dir> and reuses it next time (see fixture.ts).
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { createUser } from '../../server/accounts/users.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';
import { benchDatabase } from './fixture.js';
import { spawnServer } from './server-process.js';
import { percentile } from './stats.js';
import os from 'node:os';

type Target = {
  size: number;
  url: string;
  cookie: string;
  fillSeconds: number;
  times: number[];
  rawTimes: number[];
  raw: () => Promise<void>;
  close: () => Promise<void>;
};
const reader = { email: 'bench-reader@example.org', password: 'bench reader password 1' };

async function prepare(size: number, keepDir?: string): Promise<Target> {
  const surveys = createSurveyRegistry();
  const bench = await benchDatabase(size, surveys, keepDir);
  await mongoose.connect(bench.uri, { dbName: 'bench' });
  await createUser({ ...reader, role: 'researcher' }).catch((err) => {
    if (err.status !== 409) throw err;
  }); // already there in a reused database
  await mongoose.disconnect();
  // the server under test runs in its own process, as in production, with the wave closed
  const server = await spawnServer(bench.uri, {}, reader);
  const client = new mongoose.mongo.MongoClient(bench.uri, { directConnection: true });
  const db = client.db('bench');
  const sessionId = createHash('sha256').update(server.cookie.split('=')[1]!).digest('hex');
  const byId = (collection: string, id: string, projection = {}) =>
    db.collection(collection).findOne({ _id: id as never }, { projection });
  const raw = async () => {
    if (!(await byId('sessions', sessionId))) throw new Error('the yardstick found no session');
    await byId('users', reader.email, { passwordHash: 0 });
    await Promise.all([
      byId('pilots', '800'),
      byId('waves', 'w1'),
      db.collection('campaigns').findOne({ pilotCode: '800', waveId: 'w1' }),
    ]); // at once, as the app reads them
    // as stored bytes, as the app reads them (it decodes them only to build a report it has not kept)
    const published = await db.collection('publications').findOne({ _id: '800|w1' as never }, { raw: true });
    if (!published) throw new Error('the yardstick found no published figures');
  };
  return {
    size,
    url: `${server.baseUrl}/api/v1/pilots/800/summary?wave=w1`,
    cookie: server.cookie,
    fillSeconds: bench.fillSeconds,
    times: [],
    rawTimes: [],
    raw,
    close: async () => {
      await client.close();
      await server.stop();
      await bench.close();
    },
  };
}

async function timeRead({ url, cookie }: Target): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`summary read answered ${res.status}`);
  return performance.now() - t;
}

export async function benchSummaryRead(sizes: number[], keepDir?: string, rounds = 20, perRound = 10) {
  const targets: Target[] = [];
  try {
    for (const size of sizes) targets.push(await prepare(size, keepDir));
    for (const t of targets) for (let i = 0; i < 10; i++) await timeRead(t); // warm up (publishes the figures)
    for (let r = 0; r < rounds; r++)
      for (const t of targets)
        for (let i = 0; i < perRound; i++) {
          t.times.push(await timeRead(t));
          const started = performance.now();
          await t.raw();
          t.rawTimes.push(performance.now() - started);
        }
    return targets.map((t) => ({
      responses: t.size,
      fillSeconds: t.fillSeconds,
      p50: percentile(t.times, 50),
      p95: percentile(t.times, 95),
      mean: t.times.reduce((a, b) => a + b, 0) / t.times.length,
      rawP50: percentile(t.rawTimes, 50),
      load: os.loadavg()[0]!,
    }));
  } finally {
    for (const t of targets) await t.close();
  }
}

export function summaryTable(rows: Awaited<ReturnType<typeof benchSummaryRead>>): string {
  const lines = [
    '| stored responses | fill time (s) | p50 (ms) | p95 (ms) | mean (ms) | p50 vs smallest | plain driver p50 (ms) | p50 ÷ plain | load (1 min) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.responses.toLocaleString('en-GB')} | ${r.fillSeconds.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.mean.toFixed(2)} | ${(r.p50 / rows[0]!.p50).toFixed(2)}× | ${r.rawP50.toFixed(2)} | ${(r.p50 / r.rawP50).toFixed(2)} | ${r.load.toFixed(1)} |`,
    );
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('summary-read.ts')) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const keepDir = process.argv.find((a) => a.startsWith('--keep='))?.slice('--keep='.length);
  const rows = await benchSummaryRead(sizes.length ? sizes : [1000, 100_000, 1_000_000], keepDir);
  console.log(
    '\nSummary read (GET /api/v1/pilots/:code/summary, one council × wave of 500 responses, 200 reads per size in interleaved rounds)',
  );
  console.log(summaryTable(rows));
}

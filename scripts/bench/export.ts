// Export throughput, time to first byte and memory at growing numbers of stored responses, on the
// embedded FerretDB, with the server in its own process and /healthz and survey submissions probed
// alongside; each export is measured between two plain driver cursors over the same rows (the
// export's own filter and fields), with the same probes running, so the ratio compares like with
// like under the same load.
// Usage: npm run bench:export [-- 10000 100000] [--formats csv,sav,xlsx,ndjson] [--keep=<dir>]
// --keep=<dir> keeps each filled database under <dir> and reuses it next time (see fixture.ts).
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import mongoose from 'mongoose';
import { createUser } from '../../server/accounts/users.js';
import { Campaign } from '../../server/study/campaigns/model.js';
import { todayInUk } from '../../server/platform/dates.js';
import { connectDatabase, disconnectDatabase } from '../../server/platform/db/connection.js';
import type { EmbeddedDatabase } from '../../server/platform/db/embedded.js';
import { syntheticAnswers } from '../../server/demo/answers.js';
import { seededRng } from '../../server/demo/random.js';
import { createSurveyRegistry, type SurveyRegistry } from '../../server/surveys/registry.js';
import { Wave } from '../../server/study/waves/model.js';
import { createWave } from '../../server/study/waves/service.js';
import { benchDatabase } from './fixture.js';
import { spawnServer, type BenchServer } from './server-process.js';
import { cpuSeconds, percentile } from './stats.js';

type Row = {
  responses: number;
  format: string;
  rows: number;
  seconds: number;
  firstByte: number; // seconds to the first byte of the body
  headers: number; // seconds to the response headers
  rawPerSecond: number; // plain cursor, mean of the runs just before and just after
  load: number; // 1-minute load average when the export finished
  peakRss: number;
  baseRss: number;
  dbRss: number;
  serverCpu: number; // seconds of CPU the server process used during the export
  dbCpu: number; // the same of the database process
  health: number[];
  unhealthy: number; // health checks answered other than 200 during the export
  submit: number[];
  idleHealth: number[];
  idleSubmit: number[];
};
const mb = (bytes: number) => Math.round(bytes / 1e6);
const WAVES = ['w1', 'w2', 'w3', 'w4'];

// The yardstick: the same responses read by a plain driver cursor with the export's own filter
// (closed campaigns of the waves) and fields, nothing done with them; docs per second.
async function rawCursor(uri: string): Promise<{ docs: number; perSecond: number }> {
  const client = new mongoose.mongo.MongoClient(uri, { directConnection: true });
  try {
    const db = client.db('bench');
    const campaigns = await db
      .collection('campaigns')
      .find({ waveId: { $in: WAVES } }, { projection: { _id: 1 } })
      .toArray();
    const started = performance.now();
    const cursor = db.collection('responses').find(
      { campaign: { $in: campaigns.map((c) => c._id) }, waveId: { $in: WAVES }, surveyId: 'staff-wellbeing' },
      {
        projection: { _id: 0, pilotCode: 1, waveId: 1, surveyId: 1, surveyVersion: 1, day: 1, answers: 1 },
        batchSize: 1000,
      },
    );
    let docs = 0;
    for await (const _doc of cursor) docs++;
    return { docs, perSecond: docs / ((performance.now() - started) / 1000) };
  } finally {
    await client.close();
  }
}
const dbRssOf = (db: EmbeddedDatabase) => status(db.child.pid!, 'VmRSS');

// Where the probes submit while an export runs: a campaign open today (kept in a reused database).
async function openCampaign(surveys: SurveyRegistry): Promise<string> {
  const today = todayInUk();
  await Wave.deleteOne({ _id: 'bench-open' });
  await Campaign.deleteMany({ waveId: 'bench-open' });
  await createWave(
    { id: 'bench-open', name: 'Open', opensOn: today, closesOn: today, surveyId: 'staff-wellbeing', surveyVersion: 1 },
    surveys,
  );
  const code = randomUUID().replace(/-/g, '');
  await Campaign.create({ _id: code, pilotCode: '800', waveId: 'bench-open' });
  return code;
}

// A keep-alive socket the server closes just as the client reuses it fails with "other side
// closed"; that is the client's race, not an unanswered request, so it is tried once more.
async function call(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err;
    return fetch(url, init);
  }
}

// Probes the server every 250 ms until stopped: health checks, and a survey submission each second.
function probe(base: string, code: string) {
  const health: number[] = [];
  let unhealthy = 0; // health checks not answered 200 (the database ping took over 1.5 s)
  const submit: number[] = [];
  const rng = seededRng(11);
  let stop = false;
  const loop = (async () => {
    for (let i = 0; !stop; i++) {
      let t = performance.now();
      if ((await call(`${base}/healthz`)).status !== 200) unhealthy++;
      health.push(performance.now() - t);
      if (i % 4 === 0) {
        t = performance.now();
        const res = await call(`${base}/api/v1/campaigns/${code}/responses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ submissionId: randomUUID(), answers: syntheticAnswers(rng, 0) }),
        });
        if (res.status !== 201)
          throw new Error(`submission answered ${res.status} during the export: ${await res.text()}`);
        submit.push(performance.now() - t);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    health,
    submit,
    unhealthy: () => unhealthy,
    stop: async () => {
      stop = true;
      await loop;
    },
  };
}

// The real server (server/index.ts, started as `npm start` runs it) in a child process, signed in
// as a researcher; its peak RSS is the kernel's high-water mark (VmHWM), reset before each
// export by writing 5 to /proc/<pid>/clear_refs.
const researcher = { email: 'bench-researcher@example.org', password: 'bench researcher password 1' };

const status = (pid: number, key: string) =>
  Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

// node:http rather than fetch: fetch gives up on a response whose headers take over 300 s, and
// a million-row export counts its demographic bands (a full pass) before the first byte.
type Downloaded = { rows: number; bytes: number; headers: number; firstByte: number };

function download(url: string, cookie: string): Promise<Downloaded> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie } }, (res) => {
        const headers = since();
        let firstByte = 0;
        let bytes = 0;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (bytes === 0) firstByte = since();
          bytes += chunk.length;
          if (res.statusCode !== 200) chunks.push(chunk);
        });
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({ rows: Number(res.headers['x-export-rows']), bytes, headers, firstByte })
            : reject(new Error(`export answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`)),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

// The probes run beside the export and beside each plain cursor alike (the database then does the
// same background work under both: a submission a second, counted into the summaries), unless
// BENCH_NO_PROBE is set, which leaves both alone.
const probesBeside = (base: string, code: string) =>
  process.env.BENCH_NO_PROBE
    ? { health: [0], submit: [0], unhealthy: () => 0, stop: async () => {} }
    : probe(base, code);

async function cursorBeside(server: BenchServer, uri: string, code: string) {
  const probes = probesBeside(server.baseUrl, code);
  try {
    return await rawCursor(uri);
  } finally {
    await probes.stop();
  }
}

async function exportOnce(server: BenchServer, format: string, db: EmbeddedDatabase, code: string) {
  const { baseUrl: base, pid, cookie } = server;
  const idle = probe(base, code);
  await new Promise((r) => setTimeout(r, 6000));
  await idle.stop();
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const baseRss = status(pid, 'VmRSS');
  let dbRss = dbRssOf(db);
  const sampler = setInterval(() => {
    dbRss = Math.max(dbRss, dbRssOf(db));
  }, 250);
  const probes = probesBeside(base, code);
  const cpuBefore = [cpuSeconds(pid), cpuSeconds(db.child.pid!)];
  const started = performance.now();
  const got = await download(`${base}/api/v1/exports/responses?format=${format}&wave=${WAVES.join(',')}`, cookie);
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuSeconds(pid) - cpuBefore[0]!;
  const dbCpu = cpuSeconds(db.child.pid!) - cpuBefore[1]!;
  const load = os.loadavg()[0]!;
  clearInterval(sampler);
  await probes.stop();
  return {
    ...got,
    seconds,
    load,
    peakRss: status(pid, 'VmHWM'),
    baseRss,
    dbRss,
    serverCpu,
    dbCpu,
    health: probes.health,
    unhealthy: probes.unhealthy(),
    submit: probes.submit,
    idleHealth: idle.health,
    idleSubmit: idle.submit,
  };
}

export async function benchExport(sizes: number[], formats: string[], keepDir?: string): Promise<Row[]> {
  const surveys = createSurveyRegistry();
  const rows: Row[] = [];
  for (const size of sizes) {
    const bench = await benchDatabase(size, surveys, keepDir);
    try {
      await connectDatabase(bench.uri, 'bench');
      await createUser({ ...researcher, role: 'researcher' }).catch((err) => {
        if (err.status !== 409) throw err;
      });
      const code = await openCampaign(surveys);
      await disconnectDatabase();
      const server = await spawnServer(bench.uri, { RESPONSE_RATE_LIMIT_PER_MINUTE: '100000' }, researcher);
      try {
        // raw, export, raw, export, raw…: each export between two yardstick runs
        let before = await cursorBeside(server, bench.uri, code);
        for (const format of formats) {
          process.stderr.write(`  ${size}: exporting ${format}…\n`);
          const r = await exportOnce(server, format, bench.db, code);
          if (r.rows !== size) throw new Error(`the ${format} export held ${r.rows} rows, not ${size}`);
          const after = await cursorBeside(server, bench.uri, code);
          if (after.docs !== size) throw new Error(`the plain cursor read ${after.docs} documents, not ${size}`);
          const rawPerSecond = (before.perSecond + after.perSecond) / 2;
          before = after;
          rows.push({ responses: size, format, ...r, rawPerSecond });
          process.stderr.write(
            `  ${size} ${format}: ${(r.rows / r.seconds).toFixed(0)} rows/s (plain cursor ${rawPerSecond.toFixed(0)}/s), first byte ${r.firstByte.toFixed(2)} s, ${mb(r.bytes)} MB, peak RSS ${mb(r.peakRss)} MB\n`,
          );
        }
      } finally {
        await server.stop();
      }
    } finally {
      await disconnectDatabase();
      await bench.close();
    }
  }
  return rows;
}

if (process.argv[1]?.endsWith('export.ts')) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--formats');
  const formats = at >= 0 ? args[at + 1]!.split(',') : ['csv', 'sav'];
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--formats').map(Number);
  const keepDir = args.find((a) => a.startsWith('--keep='))?.slice('--keep='.length);
  const rows = await benchExport(sizes.length ? sizes : [10_000, 100_000], formats, keepDir);
  console.log('\nExport (GET /api/v1/exports/responses, all waves, streamed to a client reading as fast as it can)');
  console.log(
    '| stored responses | format | time (s) | headers / first byte (s) | rows/s | plain cursor docs/s | export ÷ cursor | load (1 min) | CPU (s): server, FerretDB | server peak RSS (MB) | RSS before (MB) | FerretDB RSS (MB) | /healthz p50 / max (ms), not 200 | submission p50 / max (ms) | idle: /healthz, submission p50 (ms) |',
  );
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const perSecond = r.rows / r.seconds;
    console.log(
      `| ${r.responses.toLocaleString('en-GB')} | ${r.format} | ${r.seconds.toFixed(1)} | ${r.headers.toFixed(2)} / ${r.firstByte.toFixed(2)} | ${perSecond.toFixed(0)} | ${r.rawPerSecond.toFixed(0)} | ${(perSecond / r.rawPerSecond).toFixed(2)} | ${r.load.toFixed(1)} | ${r.serverCpu.toFixed(2)}, ${r.dbCpu.toFixed(2)} | ${mb(r.peakRss)} | ${mb(r.baseRss)} | ${mb(r.dbRss)} | ${percentile(r.health, 50).toFixed(0)} / ${Math.max(...r.health).toFixed(0)}, ${r.unhealthy} | ${percentile(r.submit, 50).toFixed(0)} / ${Math.max(...r.submit).toFixed(0)} | ${percentile(r.idleHealth, 50).toFixed(0)}, ${percentile(r.idleSubmit, 50).toFixed(0)} |`,
    );
  }
}

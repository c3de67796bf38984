// Export throughput and memory at growing numbers of stored responses, on the embedded FerretDB,
// while /healthz and survey submissions are probed alongside.
// Usage: npm run bench:export [-- 100000 1000000] [--formats csv,sav,xlsx,ndjson] [--keep=<dir>]
// --keep=<dir> keeps each filled database under <dir> and reuses it next time (see fixture.ts).
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
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
import { percentile } from './stats.js';

type Row = {
  responses: number;
  format: string;
  rows: number;
  seconds: number;
  peakRss: number;
  baseRss: number;
  dbRss: number;
  health: number[];
  submit: number[];
  idleHealth: number[];
  idleSubmit: number[];
};
const mb = (bytes: number) => Math.round(bytes / 1e6);
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
  const submit: number[] = [];
  const rng = seededRng(11);
  let stop = false;
  const loop = (async () => {
    for (let i = 0; !stop; i++) {
      let t = performance.now();
      if ((await call(`${base}/healthz`)).status !== 200) throw new Error('healthz failed during the export');
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
function download(url: string, cookie: string): Promise<{ rows: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie } }, (res) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (res.statusCode !== 200) chunks.push(chunk);
        });
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({ rows: Number(res.headers['x-export-rows']), bytes })
            : reject(new Error(`export answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`)),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
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
  const probes = process.env.BENCH_NO_PROBE ? { health: [0], submit: [0], stop: async () => {} } : probe(base, code);
  const started = performance.now();
  const { rows, bytes } = await download(`${base}/api/v1/exports/responses?format=${format}&wave=w1,w2,w3,w4`, cookie);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await probes.stop();
  return {
    rows,
    seconds,
    bytes,
    peakRss: status(pid, 'VmHWM'),
    baseRss,
    dbRss,
    health: probes.health,
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
        for (const format of formats) {
          process.stderr.write(`  ${size}: exporting ${format}…\n`);
          const r = await exportOnce(server, format, bench.db, code);
          if (r.rows !== size) throw new Error(`the ${format} export held ${r.rows} rows, not ${size}`);
          rows.push({ responses: size, format, ...r });
          process.stderr.write(
            `  ${size} ${format}: ${(r.rows / r.seconds).toFixed(0)} rows/s, ${mb(r.bytes)} MB, peak RSS ${mb(r.peakRss)} MB\n`,
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
  const rows = await benchExport(sizes.length ? sizes : [100_000, 1_000_000], formats, keepDir);
  console.log('\nExport (GET /api/v1/exports/responses, all waves, streamed to a client reading as fast as it can)');
  console.log(
    '| stored responses | format | time (s) | rows/s | server peak RSS (MB) | RSS before (MB) | FerretDB RSS (MB) | /healthz p50 / max (ms) | submission p50 / max (ms) | idle: /healthz, submission p50 (ms) |',
  );
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.responses.toLocaleString('en-GB')} | ${r.format} | ${r.seconds.toFixed(0)} | ${(r.rows / r.seconds).toFixed(0)} | ${mb(r.peakRss)} | ${mb(r.baseRss)} | ${mb(r.dbRss)} | ${percentile(r.health, 50).toFixed(0)} / ${Math.max(...r.health).toFixed(0)} | ${percentile(r.submit, 50).toFixed(0)} / ${Math.max(...r.submit).toFixed(0)} | ${percentile(r.idleHealth, 50).toFixed(0)}, ${percentile(r.idleSubmit, 50).toFixed(0)} |`,
    );
  }
}

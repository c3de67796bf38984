// Export throughput and memory at growing numbers of stored responses, on the embedded FerretDB,
// while /healthz and survey submissions are probed alongside.
// Usage: npm run bench:export [-- 100000 1000000] [--formats csv,sav,xlsx,ndjson]
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { Campaign } from '../../server/campaigns/model.js';
import { todayInUk } from '../../server/campaigns/status.js';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.js';
import { syntheticAnswers } from '../../server/demo/answers.js';
import { seededRng } from '../../server/demo/random.js';
import { createSurveyRegistry, type SurveyRegistry } from '../../server/surveys/registry.js';
import { createWave } from '../../server/waves/service.js';
import { fillResponses } from './fixture.js';
import { percentile } from './stats.js';

type Row = {
  responses: number; format: string; rows: number; seconds: number; peakRss: number; baseRss: number; dbRss: number;
  health: number[]; submit: number[]; idleHealth: number[]; idleSubmit: number[];
};
const mb = (bytes: number) => Math.round(bytes / 1e6);
const dbRssOf = (db: EmbeddedDatabase) => status(db.child.pid!, 'VmRSS');

async function openCampaign(surveys: SurveyRegistry): Promise<string> {
  const today = todayInUk();
  await createWave({ id: 'bench-open', name: 'Open', opensOn: today, closesOn: today, surveyId: 'staff-wellbeing', surveyVersion: 1 }, surveys);
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
        const res = await call(`${base}/api/v1/campaigns/${code}/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ submissionId: randomUUID(), answers: syntheticAnswers(rng, 0) }) });
        if (res.status !== 201) throw new Error(`submission answered ${res.status} during the export: ${await res.text()}`);
        submit.push(performance.now() - t);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return { health, submit, stop: async () => { stop = true; await loop; } };
}

// The server runs in a child process; its peak RSS is the kernel's high-water mark (VmHWM),
// reset before each export by writing 5 to /proc/<pid>/clear_refs.
async function startServer(uri: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'export-server.ts'), uri], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: child.stdout! }), 'line') as [string];
  return { pid: child.pid!, port: (JSON.parse(line) as { port: number }).port, stop: () => child.stdin!.end() };
}

const status = (pid: number, key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

async function exportOnce(base: string, format: string, db: EmbeddedDatabase, pid: number, code: string) {
  const idle = probe(base, code);
  await new Promise((r) => setTimeout(r, 6000));
  await idle.stop();
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const baseRss = status(pid, 'VmRSS');
  let dbRss = dbRssOf(db);
  const sampler = setInterval(() => { dbRss = Math.max(dbRss, dbRssOf(db)); }, 250);
  const probes = process.env.BENCH_NO_PROBE ? { health: [0], submit: [0], stop: async () => {} } : probe(base, code);
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/exports/responses?format=${format}&wave=w1,w2,w3,w4`);
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await probes.stop();
  return { seconds, bytes, peakRss: status(pid, 'VmHWM'), baseRss, dbRss, health: probes.health, submit: probes.submit, idleHealth: idle.health, idleSubmit: idle.submit };
}

export async function benchExport(sizes: number[], formats: string[]): Promise<Row[]> {
  const surveys = createSurveyRegistry();
  const rows: Row[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
    const db = await startEmbeddedDatabase({ port: 0, dataDir: dir });
    try {
      await connectDatabase(db.uri, 'bench');
      await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
      await fillResponses(size, surveys, (done) => { if (done % 50_000 === 0) process.stderr.write(`  ${size}: ${done} stored\n`); });
      const code = await openCampaign(surveys);
      const server = await startServer(db.uri);
      try {
        for (const format of formats) {
          process.stderr.write(`  ${size}: exporting ${format}…\n`);
          const r = await exportOnce(`http://127.0.0.1:${server.port}`, format, db, server.pid, code);
          rows.push({ responses: size, format, rows: size, ...r });
          process.stderr.write(`  ${size} ${format}: ${(size / r.seconds).toFixed(0)} rows/s, ${mb(r.bytes)} MB, peak RSS ${mb(r.peakRss)} MB\n`);
        }
      } finally {
        server.stop();
      }
    } finally {
      await disconnectDatabase();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

if (process.argv[1]?.endsWith('export.ts')) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--formats');
  const formats = at >= 0 ? args[at + 1]!.split(',') : ['csv', 'sav'];
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--formats').map(Number);
  const rows = await benchExport(sizes.length ? sizes : [100_000, 1_000_000], formats);
  console.log('\nExport (GET /api/v1/exports/responses, all waves, streamed to a client reading as fast as it can)');
  console.log('| stored responses | format | time (s) | rows/s | server peak RSS (MB) | RSS before (MB) | FerretDB RSS (MB) | /healthz p50 / max (ms) | submission p50 / max (ms) | idle: /healthz, submission p50 (ms) |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.responses.toLocaleString('en-GB')} | ${r.format} | ${r.seconds.toFixed(0)} | ${(r.rows / r.seconds).toFixed(0)} | ${mb(r.peakRss)} | ${mb(r.baseRss)} | ${mb(r.dbRss)} | ${percentile(r.health, 50).toFixed(0)} / ${Math.max(...r.health).toFixed(0)} | ${percentile(r.submit, 50).toFixed(0)} / ${Math.max(...r.submit).toFixed(0)} | ${percentile(r.idleHealth, 50).toFixed(0)}, ${percentile(r.idleSubmit, 50).toFixed(0)} |`);
  }
}

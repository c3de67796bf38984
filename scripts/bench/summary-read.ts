// Summary read latency at growing numbers of stored responses, on the embedded FerretDB.
// Usage: npm run bench:summary [-- 1000 100000 1000000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.js';
import { startEmbeddedDatabase } from '../../server/db/embedded.js';
import { createLogger } from '../../server/log.js';
import { createTallier } from '../../server/summaries/runner.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';
import { fillResponses } from './fixture.js';
import { percentile } from './stats.js';

export async function benchSummaryRead(sizes: number[], reads = 200) {
  const surveys = createSurveyRegistry();
  const rows: { responses: number; fillSeconds: number; p50: number; p95: number; mean: number }[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-summary-'));
    const db = await startEmbeddedDatabase({ port: 0, dataDir: dir });
    try {
      await connectDatabase(db.uri, 'bench');
      await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
      const started = Date.now();
      await fillResponses(size, surveys, (done) => { if (done % 50_000 === 0) process.stderr.write(`  ${size}: ${done} stored\n`); });
      const fillSeconds = (Date.now() - started) / 1000;
      const logger = createLogger('silent');
      const app = createApp({ config: parseConfig({ LOG_LEVEL: 'silent' }), logger, surveys, tallier: createTallier(surveys, logger) });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/pilots/800/summary?wave=w1`;
      for (let i = 0; i < 10; i++) await (await fetch(url)).arrayBuffer(); // warm up
      const times: number[] = [];
      for (let i = 0; i < reads; i++) {
        const t = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`summary read answered ${res.status}`);
        times.push(performance.now() - t);
      }
      server.close();
      rows.push({ responses: size, fillSeconds, p50: percentile(times, 50), p95: percentile(times, 95), mean: times.reduce((a, b) => a + b, 0) / times.length });
    } finally {
      await disconnectDatabase();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

if (process.argv[1]?.endsWith('summary-read.ts')) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const rows = await benchSummaryRead(sizes.length ? sizes : [1000, 100_000, 1_000_000]);
  console.log('\nSummary read (GET /api/v1/pilots/:code/summary, one council × wave, 200 sequential reads)');
  console.log('| stored responses | fill time (s) | p50 (ms) | p95 (ms) | mean (ms) | p50 vs smallest |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.responses.toLocaleString('en-GB')} | ${r.fillSeconds.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.mean.toFixed(2)} | ${(r.p50 / rows[0]!.p50).toFixed(2)}× |`);
}

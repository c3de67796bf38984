// The respondent page on a poor phone connection: headless Chromium with CDP network emulation
// (400 ms round trip, 400 kbit/s each way) against the app on the demo data. Reports the bytes
// on the wire of a first load against the library floor computed here from node_modules (gzip -9
// of survey-core's and survey-js-ui's minified JS plus SurveyJS's fontless CSS), the time to the
// first question on a first and a repeat visit, and how many asset requests the repeat visit made.
// Usage: npm run bench:page
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { chromium, type BrowserContext } from 'playwright-core';
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import { seedDemoIfEmpty } from '../../server/demo/seed.js';
import { startEmbeddedDatabase } from '../../server/platform/db/embedded.js';
import { createLogger } from '../../server/log.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';
import { createTallier } from '../../server/tally/runner.js';
import { buildClient } from '../build-client.js';

const RTT_MS = 400;
const BITS_PER_SECOND = 400_000;
const root = resolve(import.meta.dirname, '../..');

function libraryFloor(): number {
  const files = [
    'node_modules/survey-core/survey.core.min.js',
    'node_modules/survey-js-ui/survey-js-ui.min.js',
    'node_modules/survey-core/survey-core.fontless.min.css',
  ];
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
}

// Every byte the server writes to any socket (HTTP, no TLS: headers and bodies as sent), and
// every request for a file under /static.
function measured(server: Server) {
  const sockets = new Set<Socket>();
  let closedBytes = 0;
  const assetRequests: string[] = [];
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => {
      closedBytes += s.bytesWritten;
      sockets.delete(s);
    });
  });
  server.on('request', (req) => {
    if (req.url?.startsWith('/static/')) assetRequests.push(req.url);
  });
  return {
    bytes: () => closedBytes + [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0),
    assetRequests,
  };
}

async function visit(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: BITS_PER_SECOND / 8,
    uploadThroughput: BITS_PER_SECOND / 8,
  });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const startButton = page.getByRole('button', { name: 'Start the survey' });
  await startButton.waitFor({ timeout: 120_000 });
  const introMs = performance.now() - t0;
  await startButton.click();
  await page.locator('.sd-question').first().waitFor({ state: 'visible', timeout: 120_000 });
  const questionMs = performance.now() - t0;
  const timings = await page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => 'responseEnd' in e || e.entryType === 'paint')
      .map(
        (e) =>
          `${e.name.replace(location.origin, '')} ${Math.round(e.startTime)}–${Math.round((e as PerformanceResourceTiming).responseEnd ?? 0)}`,
      ),
  );
  if (process.env.BENCH_DEBUG) console.log(timings);
  return { page, introMs, questionMs };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-page-'));
  const db = await startEmbeddedDatabase({ port: 0, dataDir: dir, logLevel: 'error' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  let server: Server | undefined;
  try {
    await buildClient({ quiet: true });
    await mongoose.connect(db.uri, { dbName: 'bench_page' });
    const surveys = createSurveyRegistry();
    const logger = createLogger('silent');
    const code = await seedDemoIfEmpty(surveys, logger);
    if (!code) throw new Error('the demo data did not give a campaign link');
    const config = parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
    const app = createApp({ config, logger, surveys, tallier: createTallier(surveys, logger) });
    server = createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const meter = measured(server);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/s/${code}`;
    const floor = libraryFloor();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });

    const first = await visit(context, url);
    await first.page.waitForLoadState('networkidle');
    const firstBytes = meter.bytes();
    // the worker is active and the page and campaign are kept: what a person has after one visit
    await first.page.waitForFunction(async () => {
      const cache = await caches.open('pages');
      return navigator.serviceWorker.controller !== null && (await cache.keys()).length === 2;
    });
    await first.page.close();
    const assetsBefore = meter.assetRequests.length;
    const repeats = [];
    for (let i = 0; i < 3; i++) {
      const r = await visit(context, url);
      await r.page.close();
      repeats.push(r);
    }
    const repeatAssets = meter.assetRequests.slice(assetsBefore);

    const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`respondent page at ${RTT_MS} ms RTT, ${BITS_PER_SECOND / 1000} kbit/s (Chromium, CDP emulation)`);
    console.log(`library floor (gzip -9 of survey-core + survey-js-ui min JS + fontless CSS): ${kb(floor)}`);
    console.log(`first load, bytes on the wire: ${kb(firstBytes)} = ${(firstBytes / floor).toFixed(2)} × floor`);
    console.log(`first visit: intro shown ${s(first.introMs)}, first question visible ${s(first.questionMs)}`);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    console.log(
      `repeat visits (median of 3): intro shown ${s(median(repeats.map((r) => r.introMs)))}, first question visible ${s(median(repeats.map((r) => r.questionMs)))}`,
      `(each: ${repeats.map((r) => s(r.questionMs)).join(', ')})`,
    );
    console.log(`repeat visits, asset requests reaching the server: ${repeatAssets.length}`, repeatAssets);
    console.log(
      `load average during the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    await context.close();
  } finally {
    await browser.close();
    server?.closeAllConnections();
    server?.close();
    await mongoose.disconnect();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

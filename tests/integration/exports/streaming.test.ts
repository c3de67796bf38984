import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { createSubmit, submissionRoutes } from '../../../server/responses/routes.js';
import { ExportAudit } from '../../../server/exports/model.js';
import { ExportQuery } from '../../../server/exports/schemas.js';
import { prepareExport } from '../../../server/exports/service.js';
import { healthRoutes } from '../../../server/platform/health.js';
import { createLogger } from '../../../server/log.js';
import { createTallier } from '../../../server/tally/runner.js';
import { createResponseWriter } from '../../../server/responses/writer.js';
import { createCampaignCache } from '../../../server/study/campaigns/cache.js';
import { testConfig } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';
import { twoVersionSurveys } from '../../helpers/export-fixtures.js';
import {
  buildExportCampaign,
  exportApp,
  repeat,
  someResponses,
  storeResponses,
  useExportApp,
} from '../../helpers/exports.js';

useExportApp(import.meta.url);

const surveys = twoVersionSurveys();
const tallier = createTallier(surveys, createLogger('silent'));
const deps = {
  surveys,
  minGroupSize: 5,
  freeTextMinGroupSize: 5,
  flushTally: tallier.flushFor,
  bucketRows: 20,
};
const csv = ExportQuery.parse({ format: 'csv' });

// A destination that takes `allow` chunks and then holds the next one until released.
function slowSink(allow: number) {
  let taken = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const sink = new Writable({
    highWaterMark: 1024,
    write(_chunk, _enc, done) {
      if (++taken <= allow) done();
      else void released.then(() => done());
    },
  });
  return { sink, release };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// about 1 KB of CSV per row, so a 64 KB chunk holds some 60 rows
async function wordyResponses(n: number) {
  const campaign = await buildExportCampaign({ allowFreeText: true });
  await storeResponses(
    campaign,
    repeat(n, () => ({ ...someResponses(1)[0]!, leave_intent_12m: 5, leave_reasons: 'x'.repeat(1000) })),
  );
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await tick(50);
}

// 1,500 wordy rows exported to a destination that takes one chunk and then stops reading for
// 1.5 s: the rows counted as sent meanwhile; then it reads on, and every row arrives.
async function rowsCountedWhileFull(exportDeps: typeof deps): Promise<number> {
  await wordyResponses(1500);
  const prepared = await prepareExport(csv, 'tester', exportDeps);
  let rows = 0;
  const { sink, release } = slowSink(1);
  const done = prepared.write(sink, (n) => {
    rows = n;
  });
  await until(() => rows > 0);
  await tick(1500);
  const whileFull = rows;
  release();
  assert.equal(await done, 1500);
  assert.equal(rows, 1500);
  return whileFull;
}

describe('streaming exports', () => {
  test('when an export starts, then the CSV header line is written before any row is read', async () => {
    await wordyResponses(300);
    const prepared = await prepareExport(csv, 'tester', deps);
    const chunks: { text: string; rowsBefore: number }[] = [];
    let rows = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push({ text: chunk.toString(), rowsBefore: rows });
        done();
      },
    });
    assert.equal(
      await prepared.write(sink, (n) => {
        rows = n;
      }),
      300,
    );
    assert.equal(chunks[0]!.rowsBefore, 0);
    assert.match(chunks[0]!.text, /^response_id,council,arm,wave,[^\n]*\n$/);
  });

  test('when the destination stops reading, then rows stop being sent until it drains', async () => {
    const whileBlocked = await rowsCountedWhileFull(deps);
    // a chunk being written, one waiting in the sink, one in the reader: a few hundred rows at most
    assert.ok(whileBlocked < 500, `read ${whileBlocked} of 1500 rows while the destination was full`);
  });

  test('when the destination stops reading an export held in one shuffle bucket, then the rows counted as sent stay a few hundred ahead at most', async () => {
    const rows = await rowsCountedWhileFull({ ...deps, bucketRows: 10_000 });
    // what the audit log would record were the download closed now
    assert.ok(rows < 500, `counted ${rows} of 1500 rows as sent while the destination was full`);
  });

  test('when the download is closed part-way, then the audit log records it as aborted with the rows sent so far, and the shuffle leaves no file behind', async () => {
    await wordyResponses(1500);
    const tempDir = mkdtempSync(join(tmpdir(), 'export-test-'));
    after(() => rmSync(tempDir, { recursive: true, force: true }));
    const prepared = await prepareExport(csv, 'tester', { ...deps, tempDir });
    const { sink } = slowSink(2);
    let rows = 0;
    const done = prepared.write(sink, (n) => {
      rows = n;
    });
    await until(() => rows > 0);
    await tick(300);
    sink.destroy();
    await assert.rejects(done);
    const [entry] = await ExportAudit.find().lean();
    assert.equal(entry!.status, 'aborted');
    assert.ok(entry!.rows! > 0 && entry!.rows! < 1500, String(entry!.rows));
    await until(() => readdirSync(tempDir).length === 0);
    assert.deepEqual(readdirSync(tempDir), []);
  });

  test('when an export is held by a slow client, then /healthz and survey submissions still answer', async () => {
    await wordyResponses(2000);
    const open = await buildCampaign({ pilot: '860', wave: 'open-wave' });
    const config = testConfig();
    const app = express()
      .use(healthRoutes)
      .use(
        '/api/v1',
        submissionRoutes(
          config,
          createSubmit(config, {
            surveys: twoVersionSurveys(),
            writer: createResponseWriter(createTallier(twoVersionSurveys(), createLogger('silent')).handOff),
            cache: createCampaignCache(),
          }),
        ),
      )
      .use(exportApp());
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const exporting = request(`${base}/api/v1/exports/responses?format=csv&wave=w1`);
      const firstBytes = new Promise<NodeJS.ReadableStream>((resolve) =>
        exporting.on('response', (res) => {
          res.once('data', () => {
            res.pause();
            resolve(res);
          });
        }),
      );
      exporting.end();
      const held = await firstBytes;
      const started = Date.now();
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
      const submitted = await fetch(`${base}/api/v1/campaigns/${open.code}/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ submissionId: randomUUID(), answers: buildAnswers() }),
      });
      assert.equal(submitted.status, 201);
      assert.ok(Date.now() - started < 5000);
      held.resume();
      await new Promise((resolve) => held.on('end', resolve));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { connectDatabase, disconnectDatabase } from '../../../server/platform/db/connection.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../server/platform/db/embedded.js';
import { testApp } from '../../helpers/app.js';

// This file runs its own FerretDB, because it kills it: other files keep the shared one.
const dataDir = mkdtempSync(join(tmpdir(), 'wellbeing-health-'));
let db: EmbeddedDatabase;
const { app } = testApp();

async function waitForStatus(status: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await supertest(app).get('/healthz');
    if (res.status === status) return res;
    if (Date.now() > deadline) assert.fail(`/healthz stayed ${res.status}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  db = await startEmbeddedDatabase({ port: 0, dataDir });
  await connectDatabase(db.uri, 'health');
});
after(async () => {
  await disconnectDatabase();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /healthz', () => {
  test('when the database is up, then it answers 200 with db up', async () => {
    const res = await supertest(app).get('/healthz').expect(200);
    assert.deepEqual(res.body, { status: 'ok', db: 'up' });
  });

  test('when the database process is killed and restarted, then it turns 503 and recovers to 200 by itself', async () => {
    db.child.kill('SIGKILL');
    await new Promise((r) => db.child.once('exit', r));
    const down = await waitForStatus(503);
    assert.deepEqual(down.body, { status: 'degraded', db: 'down' });
    const started = Date.now();
    await supertest(app).get('/api/v1/nothing-here').expect(404); // the app keeps serving meanwhile
    assert.ok(Date.now() - started < 3000);

    db = await startEmbeddedDatabase({ port: db.port, dataDir });
    const up = await waitForStatus(200);
    assert.deepEqual(up.body, { status: 'ok', db: 'up' });
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import supertest from 'supertest';
import { connectDatabase, disconnectDatabase } from '../../../server/platform/db/connection.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../server/platform/db/embedded.js';
import { testApp } from '../../helpers/app.js';

// This file runs its own FerretDB, because it kills it: other files keep the shared one.
const dataDir = mkdtempSync(join(tmpdir(), 'wellbeing-health-'));
let db: EmbeddedDatabase;
const { app } = testApp();
const warnings: string[] = [];

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
  await connectDatabase(db.uri, 'health', (msg) => warnings.push(msg));
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

  // The driver bug the watchdog covers (server/platform/db/monitor-watchdog.ts), made to happen on
  // purpose: the monitor's socket is destroyed and a check requested before the socket says
  // 'close', so the heartbeat writes into a dead socket and never ends. Reaching into the driver's
  // internals is the only way to hit that moment every time; the app itself only listens to its
  // public heartbeat events.
  test("when the driver's server monitor hangs on a dead socket, then the connection is replaced and /healthz and writes recover", async () => {
    type Monitor = { s: { state: string }; connection: { socket: { destroy(): void } } | null; requestCheck(): void };
    const client = mongoose.connection.getClient() as unknown as {
      topology: { s: { servers: Map<string, { monitor: Monitor }> } };
    };
    const monitor = [...client.topology.s.servers.values()][0]!.monitor;
    // a check is run at once only if the last one ended over half a second ago
    const ended = await new Promise<number>((r) =>
      mongoose.connection.getClient().once('serverHeartbeatSucceeded', () => r(Date.now())),
    );
    while (Date.now() - ended < 600 || !monitor.connection || monitor.s.state !== 'idle')
      await new Promise((r) => setTimeout(r, 10));
    monitor.connection.socket.destroy();
    monitor.requestCheck();

    const down = await waitForStatus(503);
    assert.equal(monitor.s.state, 'monitoring', 'the heartbeat hangs (else this test shows nothing)');
    assert.deepEqual(down.body, { status: 'degraded', db: 'down' });
    await waitForStatus(200, 30_000);
    assert.equal(warnings.length, 1, warnings.join('; '));
    assert.match(warnings[0]!, /server monitor reported nothing/);
    const id = new mongoose.Types.ObjectId();
    await mongoose.connection.db!.collection('healthcheck').insertOne({ _id: id });
    assert.ok(await mongoose.connection.db!.collection('healthcheck').findOne({ _id: id }));
  });

  // The watchdog sees no heartbeats from a closed client either: closed on purpose, it must stay closed.
  test('when the connection is closed on purpose, then the watchdog does not open it again', async () => {
    const before = warnings.length;
    await mongoose.disconnect();
    await new Promise((r) => setTimeout(r, 12_000)); // past the watchdog's 10 s
    assert.equal(warnings.length, before, warnings.join('; '));
    assert.equal(
      (mongoose.connection.getClient() as unknown as { topology?: unknown }).topology,
      undefined,
      'opened again',
    );
  });
});

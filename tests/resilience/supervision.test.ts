import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpClient } from '../helpers/resilience/http-client.js';
import { processesMatching, startServerProcess, waitUntil, type ServerProcess } from '../helpers/server-process.js';

// Issue 18, item 5: when the embedded database's launcher dies, the server logs it, stays up,
// restarts it with backoff, and /healthz comes back to 200 with nobody stepping in.
describe('the embedded database under supervision', () => {
  let server: ServerProcess;
  let dataDir = '';
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wellbeing-supervised-'));
    server = await startServerProcess({ EMBEDDED_DB_PORT: '0', EMBEDDED_DB_DIR: dataDir });
  });
  after(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('when the database is killed twice, then the server stays up, logs each exit, and /healthz recovers by itself', async () => {
    const client = httpClient(server.baseUrl, 1);
    const health = async () => (await client.send({ method: 'GET', path: '/healthz', timeoutMs: 5000 })).status;
    try {
      for (let round = 1; round <= 2; round++) {
        const launchers = processesMatching(dataDir);
        assert.equal(launchers.length, 1, `one database process for ${dataDir}`);
        process.kill(Number(launchers[0]), 'SIGKILL');
        assert.ok(
          await waitUntil(() => server.output.filter((l) => l.includes('embedded database exited')).length >= round),
          'the exit is logged',
        );
        // 503 while the database is gone; it may be back already (the first restart waits half a second)
        assert.ok([200, 503].includes(Number(await health())), 'the server answers while the database is gone');
        const deadline = Date.now() + 30_000;
        while ((await health()) !== 200) {
          assert.ok(Date.now() < deadline, `/healthz did not recover within 30 s:\n${server.output.join('\n')}`);
          await new Promise((r) => setTimeout(r, 200));
        }
        assert.equal(server.child.exitCode, null, 'the server is still running');
        // logged once the new process answers ping, which /healthz may have seen a moment before
        const restarts = () => server.output.filter((l) => l.includes('embedded database restarted')).length;
        assert.ok(await waitUntil(() => restarts() >= round), 'the restart is logged');
      }
    } finally {
      client.close();
    }
  });
});

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUri } from '../helpers/app.js';
import { processesMatching, startServerProcess, waitUntil } from '../helpers/server-process.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'wellbeing-proc-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the server process', () => {
  test('when a configuration value is invalid, then it exits 1 naming the key and the problem', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty', MIN_GROUP_SIZE: '3' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /PORT: /);
    assert.match(res.stderr, /MIN_GROUP_SIZE: must be at least 5/);
  });

  test('when MONGODB_URI is set, then no embedded database starts and SIGTERM stops it cleanly', async () => {
    const server = await startServerProcess({ MONGODB_URI: testDatabaseUri(), DB_NAME: 't_server_process' });
    assert.ok(!server.output.some((l) => l.includes('Embedded FerretDB')), 'no embedded database is started');
    const res = await fetch(`${server.baseUrl}/healthz`);
    assert.deepEqual(await res.json(), { status: 'ok', db: 'up' });
    // a request Node itself refuses (over its 16 KB header limit) still gets a JSON error
    const tooLong = await fetch(`${server.baseUrl}/api/v1/exports/codebook?survey=${'x'.repeat(20_000)}`);
    assert.equal(tooLong.status, 431);
    assert.equal((await tooLong.json()).error.code, 'headers_too_large');
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
  });

  test('when it runs the embedded database and gets SIGINT, then the database process stops with it', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ EMBEDDED_DB_PORT: '0', EMBEDDED_DB_DIR: dataDir });
    assert.equal(processesMatching(dataDir).length, 1, 'one embedded database process runs');
    server.child.kill('SIGINT');
    assert.equal(await server.exited, 0);
    assert.ok(await waitUntil(() => processesMatching(dataDir).length === 0), 'no database process is left behind');
  });

  test('when the server process is killed outright, then the embedded database notices and exits', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ EMBEDDED_DB_PORT: '0', EMBEDDED_DB_DIR: dataDir });
    server.child.kill('SIGKILL');
    await server.exited;
    assert.ok(await waitUntil(() => processesMatching(dataDir).length === 0), 'no orphaned database process');
  });
});

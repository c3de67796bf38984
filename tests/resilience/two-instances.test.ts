import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../../server/platform/db/connection.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/platform/db/embedded.js';
import { storedResponseId } from '../../server/responses/ids.js';
import { SurveyResponse } from '../../server/responses/model.js';
import { TallyBatch, TallyQueue } from '../../server/tally/model.js';
import { buildCampaign } from '../helpers/factories.js';
import { httpClient, type HttpClient } from '../helpers/resilience/http-client.js';
import { startLoad } from '../helpers/resilience/load.js';
import { startQuietServer, type QuietServer } from '../helpers/resilience/quiet-server.js';

// Issue 18, item 2 end to end: two server processes on one database, load from this process
// through both (a retry goes to the other instance, as behind a load balancer), and the tally
// lease holder frozen (SIGSTOP) in the middle of a batch for longer than its lease, then resumed.
// Afterwards `npm run summaries:verify` must be clean and every acknowledged submission stored once.
const DB_NAME = 'two_instances';
const CLIENTS = 16;
const LEAD_MS = 10_000;
const FROZEN_MS = 70_000; // the lease is a 30-second slot, renewed for the next one: at most 60 s
const TAIL_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Alternates between the instances; a retry (or the next submission) goes to the other one.
function bothInstances(clients: HttpClient[]): HttpClient {
  let next = 0;
  return {
    ...clients[0]!,
    postJson: (path, value, timeoutMs) => clients[next++ % clients.length]!.postJson(path, value, timeoutMs),
  };
}

const leaseHeld = async () =>
  (await mongoose.connection.collection('leaseslots').countDocuments({ name: 'tally' })) > 0;

// Stops `pid` while a tally batch is recorded and not finished; true once caught mid-batch.
async function freezeMidBatch(pid: number, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (await TallyBatch.exists({})) {
      process.kill(pid, 'SIGSTOP');
      if (await TallyBatch.exists({})) return true;
      process.kill(pid, 'SIGCONT');
    }
    await sleep(5);
  }
  return false;
}

describe('two server instances on one database, the tally holder frozen mid-batch', () => {
  let db: EmbeddedDatabase;
  let dataDir = '';
  const servers: QuietServer[] = [];
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wellbeing-two-'));
    db = await startEmbeddedDatabase({ port: 0, dataDir, logLevel: 'error' });
    await connectDatabase(db.uri, DB_NAME);
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  });
  after(async () => {
    for (const s of servers) {
      s.child.kill('SIGCONT');
      s.child.kill('SIGTERM');
      await s.exited;
    }
    await disconnectDatabase();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test(
    'when the holder resumes after the other instance took over, then summaries:verify is clean and nothing is lost or stored twice',
    { timeout: 600_000 },
    async (t) => {
      const { code } = await buildCampaign();
      const env = { MONGODB_URI: db.uri, DB_NAME, RESPONSE_RATE_LIMIT_PER_MINUTE: '1000000' };
      servers.push(await startQuietServer(env)); // A starts first and takes the tally lease
      while (!(await leaseHeld())) await sleep(100);
      servers.push(await startQuietServer(env));
      const [a, b] = servers as [QuietServer, QuietServer];
      const clients = [httpClient(a.baseUrl, CLIENTS), httpClient(b.baseUrl, CLIENTS)];
      const load = startLoad({
        client: bothInstances(clients),
        path: `/api/v1/campaigns/${code}/responses`,
        clients: CLIENTS,
        maxSubmissions: 1_000_000,
      });

      await sleep(LEAD_MS);
      assert.ok(await freezeMidBatch(a.child.pid!, Date.now() + 60_000), 'A was caught in the middle of a batch');
      const frozenAt = load.elapsed();
      await sleep(FROZEN_MS);
      const countedWhileFrozen = await TallyBatch.exists({});
      a.child.kill('SIGCONT');
      await sleep(TAIL_MS);
      const result = await load.stop();
      for (const c of clients) c.close();

      for (const deadline = Date.now() + 120_000; (await TallyQueue.exists({})) || (await TallyBatch.exists({}));) {
        assert.ok(Date.now() < deadline, 'the queue was not counted within two minutes');
        await sleep(500);
      }
      const verify = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/summaries-verify.ts', '--wait', '60'], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
      const stored = await SurveyResponse.countDocuments({});
      const missing = (
        await Promise.all(result.acknowledged.map((id) => SurveyResponse.exists({ _id: storedResponseId(id) })))
      ).filter((f) => !f).length;
      t.diagnostic(
        `${result.attempts.length} requests, ${result.acknowledged.length} acknowledged, ${stored} stored, ${missing} missing; ` +
          `A frozen at ${(frozenAt / 1000).toFixed(1)} s for ${FROZEN_MS / 1000} s; A's batch ${countedWhileFrozen ? 'still open' : 'finished by B'} ` +
          `before A resumed; summaries:verify exit ${verify.status}: ${verify.stdout.trim().split('\n').at(-1)}`,
      );
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
      assert.match(verify.stdout, /No differences/);
      assert.deepEqual([result.refused, result.unanswered], [[], []], 'every submission acknowledged in the end');
      assert.equal(new Set(result.acknowledged).size, result.acknowledged.length, 'none acknowledged twice');
      assert.equal(missing, 0, 'acknowledged but not stored');
      assert.equal(stored, result.acknowledged.length, 'stored but never acknowledged, or stored twice');
      assert.equal(countedWhileFrozen, null, "B finished the frozen holder's batch while it was stopped");
      assert.equal(a.child.exitCode, null, 'A still runs after it resumed');
    },
  );
});

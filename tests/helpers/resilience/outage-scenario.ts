import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { storedResponseId } from '../../../server/responses/ids.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { verifySummaries } from '../../../server/tally/recompute.js';
import { buildCampaign } from '../factories.js';
import { testSurveys } from '../app.js';
import { percentile } from '../../../scripts/bench/stats.js';
import { httpClient } from './http-client.js';
import { startLoad, type Attempt, type LoadResult } from './load.js';
import type { ResilienceMode } from './mode.js';
import { useOwnServer, type OwnServer } from './own-server.js';

// How long after /healthz turns 200 again a request may still carry the outage (a pooled
// connection found dead, a request that started while the database was down).
const RECOVERY_GRACE_MS = 3_000;
// "Fails fast": a 503 comes within this of the outage reaching the request. (A request that
// hangs outright is caught by the client's 15 s timeout, which the first test refuses.)
const MAX_WAIT_MS = 5_000;
type Sample = { at: number; status: number | string };
type Run = { result: LoadResult; downAt: number; restartedAt: number; recoveredAt: number; health: Sample[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function loadWithOutage(s: OwnServer, mode: ResilienceMode): Promise<Run> {
  const { code } = await buildCampaign();
  const load = startLoad({
    client: s.client,
    path: `/api/v1/campaigns/${code}/responses`,
    clients: mode.clients,
    maxSubmissions: mode.maxSubmissions,
  });
  // its own connection: the load holds every socket of the shared client
  const probe = httpClient(s.baseUrl, 1);
  const health: Sample[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const r = await probe.send({ method: 'GET', path: '/healthz', timeoutMs: 5_000 });
      health.push({ at: load.elapsed(), status: r.status });
      await sleep(200);
    }
  })();
  const recovered = async (after: number) => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(50)) {
      const hit = health.find((h) => h.at > after && h.status === 200);
      if (hit) return hit.at;
    }
    const since = health.filter((h) => h.at > after).map((h) => h.status);
    throw new Error(`/healthz did not return to 200 within 30 s of the restart; it answered ${tally(since)}`);
  };
  // a step that fails stops the load and the probe all the same: left running, they would keep
  // the test process (and the suite) from ever ending
  const stopAll = async () => {
    const result = await load.stop();
    polling = false;
    await poller;
    probe.close();
    return result;
  };

  let downAt: number, restartedAt: number, recoveredAt: number;
  try {
    await sleep(mode.leadMs);
    downAt = load.elapsed();
    await s.killDatabase();
    await sleep(mode.outageMs);
    await s.restartDatabase();
    restartedAt = load.elapsed();
    recoveredAt = await recovered(restartedAt);
    await sleep(Math.max(mode.tailMs, mode.loadMs - load.elapsed()));
  } catch (err) {
    await stopAll();
    throw err;
  }
  const result = await stopAll();
  await s.tallier.flush();
  return { result, downAt, restartedAt, recoveredAt, health };
}

const during = (run: Run) => (a: Attempt) =>
  a.endedAt >= run.downAt && a.startedAt <= run.recoveredAt + RECOVERY_GRACE_MS;

function tally(statuses: (Attempt | number | string)[]): string {
  const counts = new Map<string, number>();
  for (const a of statuses) {
    const status = String(typeof a === 'object' ? a.status : a);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].map(([k, v]) => `${k}×${v}`).join(' ');
}

export function loadAndOutageSuite(mode: ResilienceMode) {
  const seconds = (ms: number) => `${ms / 1000} s`;
  describe(`POST /api/v1/campaigns/:code/responses under load with a database outage (${mode.name})`, () => {
    const server = useOwnServer(`resilience_load_${mode.name}`, mode.clients);
    let run: Run;
    before(async () => {
      run = await loadWithOutage(server(), mode);
    });

    test(`when ${mode.clients} clients submit for ${seconds(mode.loadMs)} and the database is down for ${seconds(mode.outageMs)}, then no 5xx but 503, and 503 only during the outage`, (t) => {
      const { attempts, refused, unanswered } = run.result;
      const inOutage = during(run);
      const outside = attempts.filter((a) => !inOutage(a) && a.status !== 201 && a.status !== 200);
      const inside = attempts.filter((a) => inOutage(a) && a.status !== 201 && a.status !== 200 && a.status !== 503);
      const latencies = attempts.filter((a) => !inOutage(a)).map((a) => a.endedAt - a.startedAt);
      t.diagnostic(
        `${attempts.length} requests (${tally(attempts)}); acknowledged ${run.result.acknowledged.length}; ` +
          `outside the outage p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
      );
      assert.deepEqual(refused, [], 'every submission is either acknowledged or retried');
      assert.deepEqual(unanswered, [], 'every retried submission is acknowledged in the end');
      assert.equal(outside.length, 0, `outside the outage: ${tally(outside)}`);
      assert.equal(inside.length, 0, `during the outage, other than 503: ${tally(inside)}`);
      assert.ok(
        attempts.some((a) => a.status === 503),
        'the outage was seen by the clients (a 503)',
      );
      assert.ok(
        attempts.some((a) => a.startedAt > run.recoveredAt && a.status === 201),
        'submissions are stored again after recovery',
      );
    });

    // Held = from the later of its start and the outage's start to its answer, so a request that
    // was already slow from the load is not charged for that. Other answers during recovery may
    // queue behind the retries; their longest wait is reported, not judged.
    test(`when the database is down, then each 503 comes within ${seconds(MAX_WAIT_MS)} of the outage reaching the request`, (t) => {
      const outage = run.result.attempts.filter(during(run));
      const held = (a: Attempt) => a.endedAt - Math.max(a.startedAt, run.downAt);
      const longest = (as: Attempt[]) => as.reduce((w, a) => (held(a) > held(w) ? a : w), as[0]!);
      const [worst503, worstAny] = [longest(outage.filter((a) => a.status === 503)), longest(outage)];
      const show = (a: Attempt) =>
        `${held(a).toFixed(0)} ms (${a.status}, ${(a.startedAt / 1000).toFixed(1)}–${(a.endedAt / 1000).toFixed(1)} s)`;
      t.diagnostic(
        `${outage.length} requests during the outage; longest held: 503 ${show(worst503)}, any ${show(worstAny)}`,
      );
      assert.ok(held(worst503) <= MAX_WAIT_MS, `a 503 took ${show(worst503)}`);
    });

    test('when the database stops and restarts, then /healthz answers 503 during the outage and 200 after', (t) => {
      const { health, downAt, restartedAt, recoveredAt } = run;
      t.diagnostic(
        `down at ${(downAt / 1000).toFixed(1)} s, restarted at ${(restartedAt / 1000).toFixed(1)} s, /healthz 200 again ${(recoveredAt - restartedAt).toFixed(0)} ms after the restart`,
      );
      assert.ok(
        health.filter((h) => h.at < downAt).every((h) => h.status === 200),
        'up before the outage',
      );
      assert.ok(
        health.some((h) => h.at > downAt && h.at < restartedAt && h.status === 503),
        '503 while the database is down',
      );
      assert.ok(
        health.every((h) => h.status === 200 || h.status === 503),
        `only 200 or 503: ${health.map((h) => h.status).join(',')}`,
      );
      assert.equal(health.at(-1)?.status, 200, 'up at the end');
    });

    test('when clients retry with the same submissionId, then every acknowledged submission is stored exactly once', async () => {
      const { acknowledged, attempts } = run.result;
      assert.equal(new Set(acknowledged).size, acknowledged.length, 'no submission acknowledged twice');
      const missing: string[] = [];
      for (let i = 0; i < acknowledged.length; i += 50) {
        const found = await Promise.all(
          acknowledged.slice(i, i + 50).map((id) => SurveyResponse.findById(storedResponseId(id), { _id: 1 }).lean()),
        );
        found.forEach((f, j) => {
          if (!f) missing.push(acknowledged[i + j]!);
        });
      }
      assert.deepEqual(missing, [], 'acknowledged but not stored');
      assert.equal(
        await SurveyResponse.countDocuments({}),
        acknowledged.length,
        'nothing stored that was not acknowledged',
      );
      assert.ok(
        attempts.some((a) => a.retry && (a.status === 201 || a.status === 200)),
        'some submissions were acknowledged on a retry',
      );
    });

    test('when the load is over and the tally has run, then the summaries equal a recompute from the responses', async () => {
      const report = await verifySummaries(testSurveys());
      assert.deepEqual(report.differences, []);
      assert.equal(report.pending, 0, 'nothing left queued after the flush');
    });
  });
}

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import mongoose from 'mongoose';
import { testConfig } from '../helpers/app.js';
import { isReply, type Failure, type Reply } from './http-client.js';
import { hostileKinds } from './hostile/bodies.js';
import { hostileTargets, type HostileTarget } from './hostile/targets.js';
import type { ResilienceMode } from './mode.js';
import { useOwnServer } from './own-server.js';

// Kinds that currently fail, with the reason; the tests still run and report (as TODO)
// without failing the suite. Delete an entry once its fix is in.
const knownFailures: Record<string, string> = {};

// HOSTILE_SEED=<n> replays a run (each test prints its seed).
const seed = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const prototypeNames = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join());
const pristine = prototypeNames();

// Why a reply is not the 4xx JSON error every hostile body must get, or null if it is.
function refusalProblem(reply: Reply | Failure): string | null {
  if (!isReply(reply)) return `no HTTP answer (${reply.status}): ${reply.message}`;
  if (reply.status < 400 || reply.status >= 500) return `answered ${reply.status}: ${reply.text.slice(0, 200)}`;
  if (!/^application\/json/.test(String(reply.headers['content-type']))) return `${reply.status} is not JSON`;
  try {
    const { error } = JSON.parse(reply.text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code !== 'string' || !error.code || typeof error.message !== 'string' || !error.message) return `no error code and message: ${reply.text.slice(0, 200)}`;
  } catch {
    return `body is not JSON: ${reply.text.slice(0, 200)}`;
  }
  return null;
}

async function counts(collections: string[]): Promise<Record<string, number>> {
  const db = mongoose.connection.db!;
  return Object.fromEntries(await Promise.all(collections.map(async (c) => [c, await db.collection(c).countDocuments({})] as const)));
}

function targetSuite(target: HostileTarget, mode: ResilienceMode) {
  describe(`${target.name} with hostile input (${mode.name})`, () => {
    const server = useOwnServer(`resilience_hostile_${mode.name}`, 4);
    let reach: { path: string; headers?: Record<string, string> };
    before(async () => { reach = await target.prepare(); });
    const send = (wire: { headers: Record<string, string>; body: Buffer | Buffer[] }) =>
      server().client.send({ method: target.method, path: reach.path, headers: { ...reach.headers, ...wire.headers }, body: wire.body });

    test('when the body is valid, then it is accepted (so the hostile bodies reach the endpoint)', async () => {
      const reply = await send({ headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(target.validBody())) });
      assert.ok(isReply(reply) && (reply.status === 201 || reply.status === 200), JSON.stringify(reply));
    });

    const limit = testConfig().BODY_LIMIT_KB * 1024;
    for (const kind of hostileKinds(target.validBody(), limit)) {
      const todo = knownFailures[kind.name];
      test(`when ${mode.hostileRunsPerKind} bodies with ${kind.name} arrive, then each gets a 4xx JSON error and nothing is written`, { todo }, async (t) => {
        await server().tallier.flush(); // so the queue only changes from here on if something is written
        const before = await counts(target.guarded);
        const statuses = new Map<string, number>();
        const failures: string[] = [];
        // every body is sent even after a failure (so the counts hold), and the failures listed after
        await fc.assert(fc.asyncProperty(kind.cases, async (params) => {
          const reply = await send(kind.render(params, target.validBody()));
          const problem = refusalProblem(reply);
          if (problem) failures.push(`${problem}\n    for ${fc.stringify(params).slice(0, 300)}`);
          statuses.set(String(reply.status), (statuses.get(String(reply.status)) ?? 0) + 1);
        }), { numRuns: mode.hostileRunsPerKind, seed });
        t.diagnostic(`seed ${seed}; answers: ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(' ')}`);
        assert.equal(failures.length, 0, `${failures.length} of ${mode.hostileRunsPerKind} bodies were not refused properly, e.g.\n  ${failures.slice(0, 3).join('\n  ')}`);
        assert.deepEqual(await counts(target.guarded), before, 'a refused body wrote something');
        assert.deepEqual(prototypeNames(), pristine, 'a built-in prototype gained or lost a property');
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
      });
    }
  });
}

export function hostileInputSuite(mode: ResilienceMode, targets: HostileTarget[] = hostileTargets) {
  for (const target of targets) targetSuite(target, mode);
}

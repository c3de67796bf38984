import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLease } from '../../../server/platform/lease.js';
import { Migration, TallyBatch } from '../../../server/tally/model.js';
import { storedAll, verifySummaries } from '../../../server/tally/recompute.js';
import { createCounting } from '../../../server/tally/tally.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildCampaign } from '../../helpers/factories.js';
import { storeUncounted } from '../../helpers/uncounted.js';

// Issue 18, item 2: a tally holder frozen (SIGSTOP) mid-batch past its lease, whose batch the
// next holder finished, must not apply the rest of that batch again when it resumes, even when
// it froze between its lease check and its write.
useTestApp(import.meta.url);
const surveys = testSurveys();
const SLOT_MS = 60_000;

// A holder's lease check on a clock the test moves; `freezeAt`: the check that waits for `resume`,
// before checking the lease or (`afterCheck`) after finding it held, just before the write.
function holder(name: string, clock: { now: number }, freezeAt = 0, afterCheck = false) {
  const holds = createLease('tally-fencing', name, SLOT_MS);
  let calls = 0;
  let resume = () => {};
  let frozen = () => {};
  const reached = new Promise<void>((r) => (frozen = r));
  const released = new Promise<void>((r) => (resume = r));
  const freezeHere = async () => {
    frozen();
    await released;
  };
  const keepLease = async () => {
    const now = clock.now;
    const freezing = ++calls === freezeAt;
    if (freezing && !afterCheck) await freezeHere();
    if (!(await holds(clock.now))) throw new Error('lost the tally lease');
    if (freezing && afterCheck) await freezeHere();
    return Math.floor(now / SLOT_MS);
  };
  return { holds, keepLease, reached, resume };
}

describe('tally lease fencing', () => {
  const cases = [
    ['mid-batch, before a lease check,', false, /lost the tally lease/],
    ['between its lease check and its write', true, /a later holder has written this summary/],
  ] as const;
  for (const [where, afterCheck, failure] of cases)
    test(
      `when a holder frozen ${where} resumes after another finished its batch, then nothing is counted twice`,
      { timeout: 60_000 },
      async () => {
        const clock = { now: Math.ceil(Date.now() / SLOT_MS) * SLOT_MS + 1000 };
        const campaigns = [await buildCampaign({ pilot: '855' }), await buildCampaign({ pilot: '856' })];
        for (const c of campaigns) await storeUncounted(11, c);
        // a database of this version, whose export counts are complete: no rebuild runs before the batches
        await Migration.create({ _id: 'export-counts' });
        // A: checks once for the batch, writes one summary document, then freezes at the second
        const a = holder('A', clock, 3, afterCheck);
        assert.equal(await a.holds(clock.now), true);
        const aRun = createCounting(surveys).pending(a.keepLease);
        await a.reached;
        assert.equal(await TallyBatch.countDocuments(), 1, 'A is mid-batch');

        clock.now += 3 * SLOT_MS; // A's lease runs out; B takes the next slot
        for (const c of campaigns) await storeUncounted(4, c); // B counts a batch of its own after A's
        const b = holder('B', clock);
        assert.equal(await b.holds(clock.now), true);
        assert.equal(await createCounting(surveys).pending(b.keepLease), 30);

        a.resume();
        await assert.rejects(aRun, failure);
        assert.deepEqual(Object.fromEntries([...(await storedAll())].map(([k, c]) => [k, c.n])), {
          '855|w1': 15,
          '856|w1': 15,
        });
        assert.deepEqual(await verifySummaries(surveys), { groups: 2, pending: 0, differences: [] });
        assert.equal(await TallyBatch.countDocuments(), 0);
      },
    );
});

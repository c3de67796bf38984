import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { TallyQueue } from '../../../server/tally/model.js';
import { randomUUID } from 'node:crypto';
import { queuedIds } from '../../../server/tally/queue.js';
import { tokenOf } from '../../../server/tally/tokens.js';
import { storedAll, verifySummaries } from '../../../server/tally/recompute.js';
import { createCounting } from '../../../server/tally/tally.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildCampaign } from '../../helpers/factories.js';
import { storeResponse, storeUncounted } from '../../helpers/uncounted.js';

// The queue holds one entry per group of ids queued together (tally/queue.ts). No response is
// submitted over HTTP here, so the app's tallier is never kicked: each test runs the tally itself.
useTestApp(import.meta.url);
const surveys = testSurveys();
const counted = async () => Object.fromEntries([...(await storedAll())].map(([k, c]) => [k, c.n]));

async function assertCountedOnce(expected: Record<string, number>) {
  assert.deepEqual(await counted(), expected);
  assert.deepEqual((await verifySummaries(surveys)).differences, []);
  assert.equal(await TallyQueue.countDocuments(), 0);
}

describe('the tally queue', () => {
  test('when ids are queued together, then one entry holds them, and a run counts each once and removes it', async () => {
    const ids = await storeUncounted(12, await buildCampaign({ pilot: '855' }));
    assert.equal(await TallyQueue.countDocuments(), 1);
    const [stored] = await TallyQueue.collection.find({}).toArray();
    assert.deepEqual(JSON.parse(String(stored?.list)), [...ids], 'held as one string');
    assert.deepEqual((await queuedIds()).sort(), [...ids].sort());
    assert.equal(await createCounting(surveys).pending(), 12);
    await assertCountedOnce({ '855|w1': 12 });
  });

  test('when entries of an earlier version (one id each) wait beside current ones, then each response is counted once', async () => {
    const campaign = await buildCampaign({ pilot: '855' });
    await storeUncounted(5, campaign, { earlier: true });
    await storeUncounted(7, campaign);
    assert.equal(await TallyQueue.countDocuments(), 6);
    assert.equal((await queuedIds()).length, 12);
    await createCounting(surveys).pending();
    await assertCountedOnce({ '855|w1': 12 });
  });

  test('when one response of an entry is not stored yet, then the others are counted at once, and it once stored, each once', async () => {
    const campaign = await buildCampaign({ pilot: '855' });
    const ids = await storeUncounted(6, campaign, { skip: [2] });
    const counting = createCounting(surveys);
    await counting.pending();
    assert.deepEqual(await counted(), { '855|w1': 5 }, 'the stored five are counted');
    assert.deepEqual(
      await queuedIds(),
      [ids[2]],
      'the entry stays until its last response is stored, the counted ones taken out of it',
    );
    await counting.pending();
    assert.deepEqual(await counted(), { '855|w1': 5 }, 'a second run counts nothing twice');
    await storeResponse(ids[2]!, 2, campaign, ids.tokens[2]);
    await counting.pending();
    await assertCountedOnce({ '855|w1': 6 });
  });

  test('when a response of an entry is still missing two minutes on, then the entry is given up, the rest counted once', async () => {
    await storeUncounted(4, await buildCampaign({ pilot: '855' }), { skip: [1] });
    const counting = createCounting(surveys);
    await counting.pending();
    assert.equal(await TallyQueue.countDocuments(), 1);
    const now = Date.now();
    const later = mock.method(Date, 'now', () => now + 121_000);
    try {
      await counting.pending();
    } finally {
      later.mock.restore();
    }
    await assertCountedOnce({ '855|w1': 3 });
  });

  test('when an entry as the version before wrote it (its ids as an array) waits for one response, then each is counted once', async () => {
    const campaign = await buildCampaign({ pilot: '855' });
    const entry = randomUUID();
    const ids = Array.from({ length: 4 }, () => randomUUID());
    await TallyQueue.collection.insertOne({ _id: entry as never, ids });
    for (const [i, id] of ids.entries()) if (i !== 1) await storeResponse(id, i, campaign, tokenOf(entry, id));
    const counting = createCounting(surveys);
    await counting.pending();
    assert.deepEqual(await counted(), { '855|w1': 3 });
    assert.deepEqual(await queuedIds(), [ids[1]], 'the counted ids taken out of it');
    await storeResponse(ids[1]!, 1, campaign, tokenOf(entry, ids[1]!));
    await counting.pending();
    await assertCountedOnce({ '855|w1': 4 });
  });
});

import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Summary, summaryId, TallyBatch, TallyMark, TallyQueue } from '../../../server/tally/model.js';
import { storedAll, verifySummaries } from '../../../server/tally/recompute.js';
import { applyToSummary } from '../../../server/tally/summary-update.js';
import { countersFor, createCounting } from '../../../server/tally/tally.js';
import { batchToken } from '../../../server/tally/marks.js';
import { queueEntries, queueForCounting, queuedIds } from '../../../server/tally/queue.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildCampaign } from '../../helpers/factories.js';
import { storeResponse, storeUncounted } from '../../helpers/uncounted.js';

// No response is submitted over HTTP here, so the app's tallier is never kicked: these tests
// alone decide what the tally has done when the "process dies".
useTestApp(import.meta.url);
const surveys = testSurveys();
// a fresh counter each time, as a new process would start with
const tallyPending = (_surveys: typeof surveys) => createCounting(_surveys).pending();

// Steps 1 and part of 2 of a tally batch: the batch record, then `applied` of each group's parts.
// `earlier`: the record as a version before grouped queue entries wrote it, without `queued`.
async function dieMidBatch(
  ids: string[],
  applied: (part: string, group: string) => boolean,
  { earlier = false } = {},
): Promise<string> {
  const batchId = randomUUID();
  const entries = (await queueEntries(Number.POSITIVE_INFINITY)).entries.filter((e) =>
    e.ids.some((id) => ids.includes(id)),
  );
  await TallyBatch.create({ _id: batchId, ids, ...(earlier ? {} : { queued: entries.map((e) => e._id), partly: [] }) });
  for (const [group, { pilotCode, waveId, parts }] of await countersFor(ids, surveys)) {
    for (const [part, counters] of Object.entries(parts)) {
      if (applied(part, group))
        await applyToSummary(batchId, summaryId(pilotCode, waveId, part), { pilotCode, waveId, part }, counters);
    }
  }
  return batchId;
}

async function assertCountedOnce(expected: Record<string, number>) {
  assert.deepEqual(Object.fromEntries([...(await storedAll())].map(([k, c]) => [k, c.n])), expected);
  assert.deepEqual(await verifySummaries(surveys), {
    groups: Object.keys(expected).length,
    pending: 0,
    differences: [],
  });
  assert.equal(await TallyQueue.countDocuments(), 0);
  assert.equal(await TallyBatch.countDocuments(), 0);
}

describe('tallyPending after a process died mid-batch', () => {
  test('when the process died after some summary parts were incremented, then recovery counts every response exactly once', async () => {
    const a = await storeUncounted(12, await buildCampaign({ pilot: '855' }));
    const b = await storeUncounted(10, await buildCampaign({ pilot: '856' }));
    // all of 855's parts and only the main part of 856
    await dieMidBatch([...a, ...b], (part, group) => group.startsWith('855') || part === 'main');
    assert.notDeepEqual(
      (await verifySummaries(surveys)).differences,
      [],
      'the half-applied batch is visible before recovery',
    );
    assert.equal(await tallyPending(surveys), 22);
    await assertCountedOnce({ '855|w1': 12, '856|w1': 10 });
  });

  test('when the process died after the batch was recorded but before any increment, then recovery counts it once', async () => {
    const ids = await storeUncounted(11, await buildCampaign({ pilot: '855' }));
    await dieMidBatch(ids, () => false);
    await tallyPending(surveys);
    await assertCountedOnce({ '855|w1': 11 });
  });

  test('when the process died after every part was applied but before the queue was cleared, then nothing is counted twice', async () => {
    const ids = await storeUncounted(12, await buildCampaign({ pilot: '855' }));
    await dieMidBatch(ids, () => true);
    assert.equal((await queuedIds()).length, 12);
    await tallyPending(surveys);
    await assertCountedOnce({ '855|w1': 12 });
  });

  test('when more responses were queued behind the dead batch, then they are counted too, each once', async () => {
    const campaign = await buildCampaign({ pilot: '855' });
    const first = await storeUncounted(10, campaign);
    await dieMidBatch(first, (part) => part !== 'bd:demo_role');
    await storeUncounted(5, campaign);
    assert.equal(await tallyPending(surveys), 15);
    await assertCountedOnce({ '855|w1': 15 });
  });
});

// The real tally code, made to die at one call: the first `allowed` calls go through, the next throws.
function dieAt(target: object, name: string, allowed: number) {
  const methods = target as Record<string, (...args: unknown[]) => unknown>;
  const original = methods[name]!.bind(target);
  let calls = 0;
  return mock.method(methods, name, (...args: unknown[]) => {
    if (calls++ < allowed) return original(...args);
    throw new Error('process died');
  });
}

describe('tallyPending after a holder froze past its lease', () => {
  // What a holder frozen between its lease check and recording its batch leaves: the batch record
  // of entries the next holder has counted since. Its summary writes are refused (keepLease).
  const staleBatch = async (ids: string[], entries: string[], fence: number) => {
    await TallyBatch.create({ _id: randomUUID(), ids, queued: entries, partly: [], fence });
  };

  test('when a stale holder recorded a batch of entries the next holder had already counted, then they are not counted again', async () => {
    const ids = await storeUncounted(10, await buildCampaign({ pilot: '855' }));
    const entries = (await TallyQueue.find({}, { _id: 1 }).lean()).map((e) => e._id);
    await tallyPending(surveys); // the next holder counts and settles them
    await staleBatch(ids, entries, 1);
    assert.equal(await tallyPending(surveys), 0);
    await assertCountedOnce({ '855|w1': 10 });
  });

  test('when the next holder died mid-batch as well, then its batch is finished first and the stale one counts nothing', async () => {
    const ids = await storeUncounted(10, await buildCampaign({ pilot: '855' }));
    const entries = (await TallyQueue.find({}, { _id: 1 }).lean()).map((e) => e._id);
    const batchId = await dieMidBatch(ids, (part) => part === 'main'); // the next holder's, slot 2
    await TallyBatch.updateOne({ _id: batchId }, { $set: { fence: 2 } });
    await staleBatch(ids, entries, 1); // recorded later by the frozen holder of slot 1
    assert.equal(await tallyPending(surveys), 10);
    await assertCountedOnce({ '855|w1': 10 });
  });
});

describe('tallyPending after the tally itself died', () => {
  test('when the tally died clearing the queue, then the next run counts every response exactly once', async () => {
    await storeUncounted(12, await buildCampaign({ pilot: '855' }));
    const died = dieAt(TallyQueue, 'deleteMany', 0);
    await assert.rejects(tallyPending(surveys), /process died/);
    died.mock.restore();
    await tallyPending(surveys);
    await assertCountedOnce({ '855|w1': 12 });
  });

  // finishBatch settles by clearing the queue, then deleting the TallyBatch. Dying between the two
  // leaves a batch whose every summary document already names it, so the next run adds nothing.
  test('when the tally died deleting its batch record, after the queue was cleared, then nothing is counted twice', async () => {
    await storeUncounted(12, await buildCampaign({ pilot: '855' }));
    const died = dieAt(TallyBatch, 'deleteOne', 0);
    await assert.rejects(tallyPending(surveys), /process died/);
    died.mock.restore();
    assert.equal(await TallyQueue.countDocuments(), 0);
    assert.equal(await TallyBatch.countDocuments(), 1);
    await tallyPending(surveys);
    await assertCountedOnce({ '855|w1': 12 });
  });

  test('when the tally died after recording its batch but before any summary changed, then recovery counts it once', async () => {
    await storeUncounted(11, await buildCampaign({ pilot: '855' }));
    const died = dieAt(Summary.collection, 'updateOne', 0);
    await assert.rejects(tallyPending(surveys), /process died/);
    died.mock.restore();
    assert.equal(await TallyBatch.countDocuments(), 1);
    assert.equal(await TallyMark.countDocuments(), 0, 'responses stored with their queue token need no marks');
    await tallyPending(surveys);
    await assertCountedOnce({ '855|w1': 11 });
  });

  test('when the tally died after marking its batch of responses without tokens counted, but before any summary changed, then recovery counts it once', async () => {
    const campaign = await buildCampaign({ pilot: '855' });
    await storeUncounted(6, campaign, { untokened: true }); // stored by a version before queue tokens
    await storeUncounted(5, campaign);
    const died = dieAt(Summary.collection, 'updateOne', 0);
    await assert.rejects(tallyPending(surveys), /process died/);
    died.mock.restore();
    assert.equal(await TallyMark.countDocuments(), 6, 'marked, and the marks name the batch left behind');
    await tallyPending(surveys);
    await assertCountedOnce({ '855|w1': 11 });
  });

  test('when the tally died taking counted ids out of an entry still waiting for a response, then recovery counts each once', async () => {
    const campaign = await buildCampaign({ pilot: '855' });
    const ids = await storeUncounted(6, campaign, { skip: [4] });
    const died = dieAt(TallyQueue, 'updateOne', 0);
    await assert.rejects(tallyPending(surveys), /process died/);
    died.mock.restore();
    assert.equal((await queuedIds()).length, 6, 'nothing taken out yet');
    const counting = createCounting(surveys);
    assert.equal(await counting.pending(), 5, 'the batch left behind, finished: its summaries already hold it');
    assert.deepEqual(await queuedIds(), [ids[4]]);
    assert.deepEqual(Object.fromEntries([...(await storedAll())].map(([k, c]) => [k, c.n])), { '855|w1': 5 });
    await storeResponse(ids[4]!, 4, campaign, ids.tokens[4]);
    await counting.pending();
    await assertCountedOnce({ '855|w1': 6 });
  });

  test('when a counted response is queued again (a retry long after), then the next run drops it without counting it twice', async () => {
    const ids = await storeUncounted(10, await buildCampaign({ pilot: '855' }));
    await tallyPending(surveys);
    await queueForCounting([ids[3]!]);
    assert.equal(await tallyPending(surveys), 0, 'its stored copy holds the token of the entry that stored it');
    await assertCountedOnce({ '855|w1': 10 });
  });

  test('when a counted response stored without a token is queued again, then its mark drops it', async () => {
    const ids = await storeUncounted(10, await buildCampaign({ pilot: '855' }), { untokened: true });
    await tallyPending(surveys);
    await queueForCounting([ids[3]!]);
    assert.equal(await tallyPending(surveys), 0);
    await assertCountedOnce({ '855|w1': 10 });
  });

  test('when a response is queued twice before either entry is counted (a retry racing its first try), then it is counted once', async () => {
    const ids = await storeUncounted(4, await buildCampaign({ pilot: '855' }));
    await queueForCounting([ids[1]!]); // the retry's entry: its insert found the copy
    assert.equal((await queuedIds()).length, 4);
    assert.equal(await TallyQueue.countDocuments(), 2);
    assert.equal(await tallyPending(surveys), 4);
    await assertCountedOnce({ '855|w1': 4 });
  });

  test('when a batch left by a version before queue tokens counted part of an entry still waiting, then each response is counted once', async () => {
    const campaign = await buildCampaign({ pilot: '855' });
    const ids = await storeUncounted(6, campaign, { untokened: true, skip: [4] });
    const counted = ids.filter((_, i) => i !== 4);
    // what that version left: the waiting entry not listed (it stays queued), the ids marked, no summary yet
    const batchId = randomUUID();
    await TallyBatch.create({ _id: batchId, ids: counted, queued: [] });
    await TallyMark.collection.insertMany(counted.map((_id) => ({ _id, by: batchToken(batchId, _id) }) as never));
    const counting = createCounting(surveys);
    assert.equal(await counting.pending(), 5);
    await storeResponse(ids[4]!, 4, campaign);
    await counting.pending();
    await assertCountedOnce({ '855|w1': 6 });
  });

  test('when a batch left by the previous version (marked in `pending`) is finished, then its marked documents are not counted twice', async () => {
    const ids = await storeUncounted(10, await buildCampaign({ pilot: '855' }), { earlier: true });
    const batchId = await dieMidBatch(ids, (part) => part === 'main', { earlier: true });
    // what the previous version wrote: the mark in a `pending` list instead of `batch`
    await Summary.collection.updateMany({}, { $unset: { batch: '' }, $set: { pending: [batchId] } });
    await tallyPending(surveys);
    await assertCountedOnce({ '855|w1': 10 });
  });
});

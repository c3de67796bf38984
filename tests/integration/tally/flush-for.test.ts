import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { storedResponseId } from '../../../server/responses/ids.js';
import { anyQueued, queueForCounting } from '../../../server/tally/queue.js';
import { count } from '../../../server/tally/read-counters.js';
import { groupCounters } from '../../../server/tally/store.js';
import { createCounting } from '../../../server/tally/tally.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

// An export flushes the tally for the groups it selects only (runner.ts `flushFor`): it must not
// wait for a run that counts other groups' responses, and must never skip one that may count its own.
const { http, tallier } = useTestApp(import.meta.url);
const council = (code: string) => (pilotCode: string) => pilotCode === code;

describe('tally flush for some groups only', () => {
  test('when only other groups have responses waiting, then it returns without counting them; when a selected group has, it counts them', async () => {
    await tallier.flush(); // takes the lease
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '855' });
    await submitAll(
      http,
      code,
      times(3, () => buildAnswers()),
    );
    assert.equal(await anyQueued(), true, 'the holder counts after its pause, so the responses wait queued');
    await tallier.flushFor(council('856'));
    assert.equal(await anyQueued(), true, 'nothing of council 856 waits: nothing counted');
    await tallier.flushFor(council('855'));
    assert.equal(await anyQueued(), false);
    assert.equal(count(await groupCounters(pilotCode, waveId, ['main']), 'n'), 3);
  });

  test('when an id this process did not store waits (it may be any group’s), then it counts first', async () => {
    await tallier.flush();
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '855' });
    await submitAll(
      http,
      code,
      times(3, () => buildAnswers()),
    );
    await queueForCounting([storedResponseId(randomUUID())]); // queued by another process, say
    await tallier.flushFor(council('856'));
    assert.equal(count(await groupCounters(pilotCode, waveId, ['main']), 'n'), 3, 'the run counted what it could');
  });

  test('when a response is being stored (queued, not yet handed over), then its own group may be uncounted and others are not', async () => {
    const counting = createCounting(testSurveys());
    const doc = { _id: storedResponseId(randomUUID()), pilotCode: '855', waveId: 'w1' };
    counting.storing([doc]);
    await queueForCounting([doc._id]);
    assert.equal(await counting.mayBeUncounted((p, w) => p === '855' && w === 'w1'), true);
    assert.equal(await counting.mayBeUncounted((p, w) => p === '855' && w === 'w2'), false);
    await queueForCounting([storedResponseId(randomUUID())]); // not this process's
    assert.equal(await counting.mayBeUncounted((p, w) => p === '855' && w === 'w2'), true);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../../server/log.js';
import { randomUUID } from 'node:crypto';
import { storedResponseId } from '../../../server/responses/ids.js';
import { anyQueued, queueForCounting } from '../../../server/tally/queue.js';
import { count } from '../../../server/tally/read-counters.js';
import { groupCounters } from '../../../server/tally/store.js';
import { createTallier } from '../../../server/tally/runner.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

// A flush where another process holds the tally lease (a second server, `npm run summary`) cannot
// count; it must still return only once every response acknowledged before it is counted, or a
// first publication made there freezes figures that miss them.
const { http, tallier } = useTestApp(import.meta.url);

describe('tally flush while another process holds the lease', () => {
  test('when responses wait for the holder, then a flush elsewhere returns only once they are counted', async () => {
    await tallier.flush(); // the app's tallier takes the lease
    const { code } = await buildCampaign({ pilot: '855' });
    await submitAll(
      http,
      code,
      times(12, () => buildAnswers()),
    );
    assert.equal(await anyQueued(), true, 'the holder counts after its pause, so the responses wait queued');
    const elsewhere = createTallier(testSurveys(), createLogger('silent'));
    await elsewhere.flush();
    assert.equal(await anyQueued(), false);
  });

  test('when an entry waits for a response that never came, then a flush elsewhere returns once the holder has run', async () => {
    await tallier.flush();
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '856' });
    await queueForCounting([storedResponseId(randomUUID())]); // queued by a request that died before storing
    await submitAll(
      http,
      code,
      times(11, () => buildAnswers()),
    );
    const elsewhere = createTallier(testSurveys(), createLogger('silent'));
    await elsewhere.flush(); // does not wait for the missing response (nor answer 503 after 10 s)
    assert.equal(count(await groupCounters(pilotCode, waveId, ['main']), 'n'), 11);
    assert.equal(await anyQueued(), true, 'the entry without its response stays queued, as the holder leaves it');
  });

  test('when the holder stops, then a tallier started after it counts at once instead of waiting for its lease to lapse', async () => {
    await tallier.stop(); // the app's tallier neither counts nor holds the lease here
    const first = createTallier(testSurveys(), createLogger('silent'));
    const next = createTallier(testSurveys(), createLogger('silent'));
    try {
      await first.flush(); // takes the lease
      const { code, pilotCode, waveId } = await buildCampaign({ pilot: '857' });
      await submitAll(
        http,
        code,
        times(12, () => buildAnswers()),
      );
      assert.equal(await anyQueued(), true);
      await first.stop(); // as a server does on SIGTERM: it gives the lease up
      // counted here; were the lease kept, a 503 after waiting 10 s for the stopped holder
      await next.flush();
      assert.equal(count(await groupCounters(pilotCode, waveId, ['main']), 'n'), 12);
      assert.equal(await anyQueued(), false);
    } finally {
      await next.stop();
      tallier.start();
    }
  });
});

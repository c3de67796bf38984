import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { PUBLICATION_GRACE_MS } from '../../../server/disclosure/publication.js';
import { signIn, testApp, testClock, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, storeResponses } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

// Two instances on one database: `one` (where the admin works) and `two`, each with its own
// campaign cache; both read the same hand-moved clock for publication.
const clock = testClock();
const { http, staff, tallier } = useTestApp(import.meta.url, {}, { now: clock.now });

// Issue 13, item 10 and "publication is final".
describe('a campaign closed by hand while another instance still takes responses', () => {
  test('when a response is accepted just after the close, then the first publication includes it and later writes change nothing', async () => {
    const two = testApp({}, { now: clock.now });
    try {
      const campaign = await buildCampaign({ pilot: '855' });
      await submitAll(
        http,
        campaign.code,
        times(11, (i) => buildAnswers({ js_overall: 1 + (i % 5) })),
      );
      // instance two reads the campaign (and keeps it for up to a second)
      await supertest(two.app).get(`/api/v1/campaigns/${campaign.code}`).expect(200);
      // instance one closes it; in one test process every cache hears a mongoose write, so the close
      // is written as instance one writes it but through the raw driver, which two does not hear
      await Campaign.collection.updateOne(
        { _id: campaign.code as never },
        { $set: { closedManually: true, closedAt: new Date(clock.now()) } },
      );
      const late = await supertest(two.app)
        .post(`/api/v1/campaigns/${campaign.code}/responses`)
        .send({ submissionId: randomUUID(), answers: buildAnswers({ js_overall: 5 }) });
      assert.equal(late.status, 201, 'the other instance still had the campaign open');

      const reader = await staff();
      const read = async () =>
        (await reader.get('/api/v1/pilots/855/summary').query({ wave: campaign.waveId }).expect(200)).body;
      const closing = await read();
      assert.equal(closing.resultsPublished, false, 'nothing is published during the grace period');
      assert.equal(closing.scales, undefined);

      clock.advance(PUBLICATION_GRACE_MS + 1000);
      const first = await read();
      assert.equal(first.resultsPublished, true);
      assert.equal(first.responses.n, 12, 'the late response is in the first publication');

      // a write that somehow lands later still changes no published figure
      // (storeResponses queues it for counting, as the app does; instance one holds the tally lease
      // and counts it, as its sweep would)
      await storeResponses(campaign, [buildAnswers({ js_overall: 1 })], campaign.today);
      await tallier.flush();
      assert.deepEqual(await read(), first);
      const viaTwo = await signIn(two.app);
      const again = await viaTwo.get('/api/v1/pilots/855/summary').query({ wave: campaign.waveId }).expect(200);
      assert.deepEqual(again.body, first, 'every instance serves the same publication');
    } finally {
      await two.tallier.stop();
    }
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { todayInUk } from '../../../server/platform/dates.js';
import { storedResponseId } from '../../../server/responses/ids.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { allStoredMarked, markEarlierResponses } from '../../../server/tally/marks.js';
import { TallyMark, TallyQueue } from '../../../server/tally/model.js';
import { rebuildSummaries, storedAll } from '../../../server/tally/recompute.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

// the writer reads afresh, before every batch, whether earlier responses are marked
const { http, tallier } = useTestApp(import.meta.url, {}, { recheckMarkedMs: 0 });
const post = (code: string, body: object) => http().post(`/api/v1/campaigns/${code}/responses`).send(body);

// What a database from before marks holds: responses counted and no longer queued, unmarked.
async function storedEarlier(
  campaign: { code: string; pilotCode: string; waveId: string },
  count: number,
): Promise<string[]> {
  const docs = Array.from({ length: count }, () => ({
    _id: randomUUID(),
    campaign: campaign.code,
    pilotCode: campaign.pilotCode,
    waveId: campaign.waveId,
    surveyId: 'staff-wellbeing',
    surveyVersion: 1,
    day: todayInUk(),
    answers: buildAnswers(),
  }));
  await SurveyResponse.collection.insertMany(docs as never[]);
  return docs.map((d) => d._id);
}

describe('responses stored before marks existed', () => {
  test('when a database holds no responses, then everything is marked already', async () => {
    assert.equal(await allStoredMarked(), true);
  });

  test('when earlier responses are unmarked, then a retry of one is answered from its copy and not queued again, until they are marked', async () => {
    const campaign = await buildCampaign();
    const [id] = await storedEarlier(campaign, 1);
    const retry = { submissionId: id!, answers: buildAnswers() };
    await post(campaign.code, retry).expect(200);
    assert.equal(await TallyQueue.countDocuments(), 0, 'looked up first, as before marks');

    await markEarlierResponses();
    assert.equal(await allStoredMarked(), true);
    // stored under its client id by that earlier version: still looked up by it, never queued again
    await post(campaign.code, retry).expect(200);
    assert.equal(await TallyQueue.countDocuments(), 0);
    const fresh = { submissionId: randomUUID(), answers: buildAnswers() };
    await post(campaign.code, fresh).expect(201);
    await tallier.flush();
    await post(campaign.code, fresh).expect(200);
    assert.equal(await TallyQueue.countDocuments(), 1, 'marked: queued again without a lookup');
    await tallier.flush();
    assert.equal(await TallyQueue.countDocuments(), 0);
    assert.deepEqual(
      [...(await storedAll())].map(([k, c]) => [k, c.n]),
      [['855|w1', 1]],
      'the earlier version counted the earlier response; the new one is counted once',
    );
  });

  test('when earlier responses are marked while some are still queued, then only the counted ones are marked and the queued ones are counted once', async () => {
    const campaign = await buildCampaign();
    const counted = await storedEarlier(campaign, 3);
    const queued = randomUUID();
    await TallyQueue.create({ _id: storedResponseId(queued) });
    await post(campaign.code, { submissionId: queued, answers: buildAnswers() }).expect(201);
    await markEarlierResponses();
    const marks = (await TallyMark.find().lean()).map((m) => m._id).sort();
    assert.deepEqual(marks, [...counted].sort());
    await tallier.flush();
    assert.deepEqual(
      [...(await storedAll())].map(([k, c]) => [k, c.n]),
      [['855|w1', 1]],
    );
  });

  test('when the summaries are rebuilt, then every response is marked and a later retry is not counted twice', async () => {
    const campaign = await buildCampaign();
    const ids = await storedEarlier(campaign, 4);
    await rebuildSummaries(testSurveys());
    assert.equal(await TallyMark.countDocuments(), 4);
    assert.equal(await allStoredMarked(), true);
    await post(campaign.code, { submissionId: ids[0]!, answers: buildAnswers() }).expect(200);
    await tallier.flush();
    assert.deepEqual(
      [...(await storedAll())].map(([k, c]) => [k, c.n]),
      [['855|w1', 4]],
    );
  });
});

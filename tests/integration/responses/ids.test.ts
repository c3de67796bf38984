import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { todayInUk } from '../../../server/platform/dates.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { storedAll } from '../../../server/tally/recompute.js';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

// the writer reads afresh, before every batch, whether earlier responses may hold client ids
const { http, tallier } = useTestApp(import.meta.url, {}, { recheckMarkedMs: 0 });
const post = (code: string, body: object) => http().post(`/api/v1/campaigns/${code}/responses`).send(body);

async function everyStoredDocument(): Promise<string> {
  const collections = Object.values(mongoose.connection.collections);
  const docs = await Promise.all(collections.map((c) => c.find().toArray()));
  return JSON.stringify(docs);
}

describe('stored response ids', () => {
  test('when a response is stored and counted, then no collection holds its submissionId, and a retry still finds its copy', async () => {
    const { code } = await buildCampaign();
    const body = { submissionId: randomUUID(), answers: buildAnswers() };
    const created = await post(code, body).expect(201);
    assert.deepEqual(created.body, { id: body.submissionId });
    await tallier.flush();
    const [stored] = await SurveyResponse.find().lean();
    assert.notEqual(stored!._id, body.submissionId);
    assert.match(stored!._id, /^[A-Za-z0-9_-]{43}$/, 'a SHA-256, not a UUID');
    const everything = await everyStoredDocument();
    assert.ok(!everything.includes(body.submissionId), 'the client id is nowhere in the database');
    assert.ok(!everything.includes(body.submissionId.toUpperCase()));

    await post(code, body).expect(200);
    await post(code, { ...body, submissionId: body.submissionId.toUpperCase() }).expect(200);
    assert.equal(await SurveyResponse.countDocuments(), 1);
    await tallier.flush();
    assert.deepEqual(
      [...(await storedAll())].map(([k, c]) => [k, c.n]),
      [['855|w1', 1]],
    );
  });

  const refused: [string, string][] = [
    ['time-based v1', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
    ['time-based v6', '1ef21d2f-1207-6660-8c4f-419efbd44d48'],
    ['time-based v7', '018f3c1e-7b2a-7c4d-8e9f-0123456789ab'],
    ['name-based v5', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    ['nil', '00000000-0000-0000-0000-000000000000'],
    ['max', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  ];
  for (const [what, submissionId] of refused) {
    test(`when the submissionId is a ${what} UUID, then 422 asks for a random (v4) one and nothing is stored`, async () => {
      const { code } = await buildCampaign();
      const res = await post(code, { submissionId, answers: buildAnswers() });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'submission_id_not_random');
      assert.match(res.body.error.message, /random \(version 4\) UUID/);
      assert.equal(await SurveyResponse.countDocuments(), 0);
      assert.ok(!(await everyStoredDocument()).includes(submissionId));
    });
  }
});

// A database from before hashed ids: its responses keep the client's submissionId as their id.
describe('responses stored under the client id by an earlier version', () => {
  async function storedEarlier(campaign: { code: string; pilotCode: string; waveId: string }) {
    const _id = randomUUID();
    await SurveyResponse.collection.insertOne({
      _id: _id as never,
      campaign: campaign.code,
      pilotCode: campaign.pilotCode,
      waveId: campaign.waveId,
      surveyId: 'staff-wellbeing',
      surveyVersion: 1,
      day: todayInUk(),
      answers: buildAnswers(),
    });
    return _id;
  }

  test('when a response stored under its client id is retried, then the retry is answered from it and nothing is added', async () => {
    const campaign = await buildCampaign();
    const submissionId = await storedEarlier(campaign);
    const other = await buildCampaign({ pilot: '856' });
    await post(campaign.code, { submissionId, answers: buildAnswers() }).expect(200);
    await post(other.code, { submissionId, answers: buildAnswers() }).expect(409);
    await Campaign.updateOne({ _id: campaign.code }, { $set: { closedManually: true } });
    await post(campaign.code, { submissionId, answers: buildAnswers() }).expect(200);
    assert.equal(await SurveyResponse.countDocuments(), 1);
  });

  test('when a database starts empty, then it records that no response holds a client id, and a new id is stored hashed', async () => {
    const campaign = await buildCampaign();
    const submissionId = randomUUID();
    await post(campaign.code, { submissionId, answers: buildAnswers() }).expect(201);
    assert.equal(await mongoose.connection.collection('responseids').countDocuments({ _id: 'server-ids' as never }), 1);
    assert.equal(await SurveyResponse.countDocuments({ _id: submissionId }), 0);
  });
});

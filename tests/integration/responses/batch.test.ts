import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { todayInUk } from '../../../server/platform/dates.js';
import { SurveyResponse, type ResponseDoc } from '../../../server/responses/model.js';
import { createResponseWriter } from '../../../server/responses/writer.js';
import { TallyQueue } from '../../../server/tally/model.js';
import { storedAll, verifySummaries } from '../../../server/tally/recompute.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

const { http, tallier } = useTestApp(import.meta.url);
const post = (code: string, body: object) => http().post(`/api/v1/campaigns/${code}/responses`).send(body);
const submission = () => ({ submissionId: randomUUID(), answers: buildAnswers() });

// Submissions that arrive together are written together (server/responses/writer.ts): one
// insert for their queue entries and one for the responses, each answered by its own outcome.
describe('submissions written together', () => {
  test('when submissions arrive at once, with one id twice, a retry and an id used in another campaign, then each gets its own answer and is stored once', async () => {
    const a = await buildCampaign({ pilot: '855' });
    const b = await buildCampaign({ pilot: '856' });
    const stored = submission();
    await post(a.code, stored).expect(201);
    const twice = submission();
    const fresh = Array.from({ length: 6 }, submission);
    const [first, second, retry, elsewhere, ...rest] = await Promise.all([
      post(a.code, twice),
      post(a.code, twice),
      post(a.code, stored),
      post(b.code, stored),
      ...fresh.map((f) => post(a.code, f)),
    ]);
    assert.deepEqual(
      [first!.status, second!.status].sort(),
      [200, 201],
      'the same id twice: stored once, the other answered from it',
    );
    assert.equal(retry!.status, 200);
    assert.equal(elsewhere!.status, 409);
    assert.deepEqual(
      rest.map((r) => r.status),
      fresh.map(() => 201),
    );
    assert.deepEqual(
      rest.map((r) => r.body.id),
      fresh.map((f) => f.submissionId),
    );
    assert.equal(await SurveyResponse.countDocuments(), 8);
    await tallier.flush();
    assert.deepEqual(
      [...(await storedAll())].map(([k, c]) => [k, c.n]),
      [['855|w1', 8]],
    );
    assert.deepEqual(await verifySummaries(testSurveys()), { groups: 1, pending: 0, differences: [] });
    assert.equal(await TallyQueue.countDocuments(), 0);
  });

  test('when one document of a batch is refused by the database, then only its submission fails and the others are stored in the same insert', async () => {
    const { code, pilotCode, waveId } = await buildCampaign();
    const doc = (answers: Record<string, unknown>): ResponseDoc => ({
      _id: randomUUID(),
      campaign: code,
      pilotCode,
      waveId,
      surveyId: 'staff-wellbeing',
      surveyVersion: 1,
      day: todayInUk(),
      answers,
    });
    // a field name with a dot passes no validator of ours here, and the database refuses that one
    // document (answers are stored packed, so the field is put beside them)
    const refused = { ...doc(buildAnswers()), 'refused.key': 1 } as ResponseDoc;
    const docs = [doc(buildAnswers()), refused, doc(buildAnswers())];
    const inserts = mock.method(SurveyResponse.collection, 'insertMany');
    try {
      const writer = createResponseWriter(tallier.handOff);
      const results = await Promise.allSettled(docs.map((d) => writer.store(d))); // the same turn of the event loop: one batch
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      assert.deepEqual(
        results.map((r) => (r.status === 'fulfilled' ? r.value : null)),
        [{ created: true }, null, { created: true }],
      );
      assert.equal(inserts.mock.callCount(), 1);
    } finally {
      inserts.mock.restore();
    }
    const ids = (await SurveyResponse.find({}, { _id: 1 }).lean()).map((r) => r._id).sort();
    assert.deepEqual(ids, [docs[0]!._id, docs[2]!._id].sort());
  });

  test('when a counted submission is sent again, then it is queued again but counted once', async () => {
    const { code } = await buildCampaign();
    const body = submission();
    await post(code, body).expect(201);
    await tallier.flush();
    await post(code, body).expect(200);
    assert.equal(await TallyQueue.countDocuments(), 1, 'no lookup before queueing: the retry queues its id again');
    await tallier.flush();
    assert.equal(await TallyQueue.countDocuments(), 0);
    assert.deepEqual(
      [...(await storedAll())].map(([k, c]) => [k, c.n]),
      [['855|w1', 1]],
    );
  });
});

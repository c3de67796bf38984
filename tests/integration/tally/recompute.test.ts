import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SurveyResponse } from '../../../server/responses/model.js';
import { rebuildSummaries, storedAll, verifySummaries } from '../../../server/tally/recompute.js';
import { Summary, TallyQueue } from '../../../server/tally/model.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, closeWaves } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff, tallier } = useTestApp(import.meta.url);
// results are published once the wave has closed
const summaryOf = async (council: string, wave: string) =>
  (await closeWaves(), await (await staff()).get(`/api/v1/pilots/${council}/summary`).query({ wave }).expect(200)).body;
const post = (code: string, body: object) => http().post(`/api/v1/campaigns/${code}/responses`).send(body);
const varied = (i: number) =>
  buildAnswers({
    js_overall: 1 + (i % 5),
    recommend_employer: i % 11,
    leave_intent_12m: 1 + ((i * 3) % 5),
    leave_looking: ['yes', 'no', 'prefer_not_to_say'][i % 3],
    ...(i % 4 === 0 ? { practice_model: undefined, demo_role: undefined } : {}),
    ...(i % 7 === 0 ? { ons_life_satisfaction: undefined } : {}),
  });

describe('summaries kept by the tally against a full recompute', () => {
  test('when responses arrive for several councils and waves with a retried submission, then verify finds no differences', async () => {
    const a = await buildCampaign({ pilot: '855', wave: 'w1' });
    const b = await buildCampaign({ pilot: '856', wave: 'w1' });
    const c = await buildCampaign({ pilot: '855', wave: 'w2' });
    await submitAll(http, a.code, times(14, varied));
    await submitAll(
      http,
      b.code,
      times(11, (i) => varied(i + 3)),
    );
    await submitAll(
      http,
      c.code,
      times(12, (i) => varied(i + 5)),
    );
    // a retry after a lost acknowledgement: same submissionId, same answers
    const retried = { submissionId: randomUUID(), answers: varied(2) };
    assert.equal((await post(a.code, retried)).status, 201);
    assert.equal((await post(a.code, retried)).status, 200);
    await tallier.flush();

    const result = await verifySummaries(testSurveys());
    assert.deepEqual(result, { groups: 3, pending: 0, differences: [] });
    const stored = await storedAll();
    assert.deepEqual([...stored].map(([k, c]) => [k, c.n]).sort(), [
      ['855|w1', 15],
      ['855|w2', 12],
      ['856|w1', 11],
    ]);
    assert.equal(await SurveyResponse.countDocuments(), 38);
    assert.equal(await TallyQueue.countDocuments(), 0);
    assert.equal((await summaryOf('855', 'w1')).responses.n, 15);
  });

  test('when a counted submission is retried later, then the summary does not change', async () => {
    const { code } = await buildCampaign();
    await submitAll(http, code, times(10, varied));
    const retried = { submissionId: randomUUID(), answers: varied(8) };
    await post(code, retried).expect(201);
    const before = await summaryOf('855', 'w1');
    assert.equal(before.responses.n, 11);
    await post(code, retried).expect(200);
    await post(code, retried).expect(200);
    const after = await summaryOf('855', 'w1');
    assert.deepEqual(after, before);
    assert.deepEqual((await verifySummaries(testSurveys())).differences, []);
  });

  test('when a stored counter is off by one, then verify reports exactly that key', async () => {
    const { code } = await buildCampaign();
    await submitAll(http, code, times(3, varied));
    await tallier.flush();
    await Summary.updateOne({ _id: '855|w1|main' }, { $inc: { 'c.sc|js_overall|n': 1 } });
    const { differences } = await verifySummaries(testSurveys());
    assert.deepEqual(differences, [
      { pilotCode: '855', waveId: 'w1', key: 'sc|js_overall|n', stored: 4, recomputed: 3 },
    ]);
  });

  test('when the summaries are rebuilt from the raw responses, then the published summary is the same as the tallied one', async () => {
    const { code } = await buildCampaign({ pilot: '857', wave: 'w3' });
    await submitAll(http, code, times(25, varied));
    const tallied = await summaryOf('857', 'w3');
    assert.equal(await rebuildSummaries(testSurveys()), 1);
    const rebuilt = await summaryOf('857', 'w3');
    assert.deepEqual(stripFloatNoise(rebuilt), stripFloatNoise(tallied));
    assert.deepEqual((await verifySummaries(testSurveys())).differences, []);
  });
});

// Sums added in a different order may differ in the last bits.
function stripFloatNoise(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(stripFloatNoise);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripFloatNoise(v)]));
  return value;
}

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { driverAnswers, generator } from '../../helpers/driver-data.js';
import { randomUUID } from 'node:crypto';
import { SurveyResponse } from '../../../server/responses/model.js';
import { buildCampaign, buildCouncil, closeWaves } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

// Responses written straight to the database after publication, never queued for counting: what
// a stray late write would leave (the app itself refuses responses once a campaign closes).
async function storeUncounted(campaign: { code: string; pilotCode: string; waveId: string }, answers: object[]) {
  const { code, pilotCode, waveId } = campaign;
  const base = { campaign: code, pilotCode, waveId, surveyId: 'staff-wellbeing', surveyVersion: 1, day: '2025-02-17' };
  await SurveyResponse.insertMany(answers.map((a) => ({ _id: randomUUID(), ...base, answers: a })));
}

const { http, staff } = useTestApp(import.meta.url);

type Outcome = { id: string; shown: boolean; reason?: string; explanation?: string; n?: number; drivers?: unknown[] };
const numbersIn = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(numbersIn)
      : [];

describe('GET /api/v1/pilots/:code/drivers', () => {
  test('when the council has 35 answers but fewer than 30 complete ones, then each outcome is a plain explanation with no figures', async () => {
    const random = generator(7);
    const { code } = await buildCampaign({ pilot: '855' });
    // 28 with a caseload, 7 holding none (outside the caseload driver's base): 35 responses, 28 complete
    const answers = times(35, (i) => ({ ...driverAnswers(random), caseload_children: i < 7 ? 'none' : '11_15' }));
    await submitAll(http, code, answers);
    await closeWaves();
    const body = (
      await (await staff({ role: 'hr_lead', pilots: ['855'] })).get('/api/v1/pilots/855/drivers?wave=w1').expect(200)
    ).body;
    for (const outcome of body.outcomes as Outcome[]) {
      assert.equal(outcome.shown, false);
      assert.equal(outcome.reason, 'below-driver-minimum');
      assert.match(outcome.explanation!, /at least 30 people/);
      assert.deepEqual(numbersIn({ ...outcome, explanation: undefined }), []);
    }
  });

  test('when the wave is still open, then nothing is analysed until results are published', async () => {
    const { code } = await buildCampaign({ pilot: '855' });
    await submitAll(
      http,
      code,
      times(3, () => driverAnswers(generator(3))),
    );
    const body = (await (await staff()).get('/api/v1/pilots/855/drivers?wave=w1').expect(200)).body;
    assert.deepEqual(
      (body.outcomes as Outcome[]).map((o) => [o.id, o.reason]),
      [
        ['js_overall', 'not-published'],
        ['intends_to_leave_12m', 'not-published'],
      ],
    );
  });

  test('when responses are stored after publication, then the analysis first published is kept and a new group that differs is refused', async () => {
    const random = generator(11);
    const campaign = await buildCampaign({ pilot: '855' });
    await submitAll(
      http,
      campaign.code,
      times(40, () => driverAnswers(random)),
    );
    await closeWaves();
    const agent = await staff();
    const first = (await agent.get('/api/v1/pilots/855/drivers?wave=w1').expect(200)).body;
    assert.equal(first.outcomes[0].shown, true);
    assert.equal(first.outcomes[0].drivers.length, 14);
    await storeUncounted(campaign, [driverAnswers(random)]);
    assert.deepEqual((await agent.get('/api/v1/pilots/855/drivers?wave=w1').expect(200)).body, first);
    // a council first asked about after a late response was stored: its count no longer matches
    const other = await buildCampaign({ pilot: '856' });
    await buildCouncil({ code: '856' });
    await storeUncounted(
      other,
      times(40, () => driverAnswers(random)),
    );
    const arms = (await agent.get('/api/v1/drivers?wave=w1').expect(200)).body;
    assert.deepEqual(arms.arms[0].councils, []);
  });

  test('when the wave is missing or unknown, then 400 and 404 say so', async () => {
    const agent = await staff();
    await buildCouncil({ code: '855' });
    assert.equal((await agent.get('/api/v1/pilots/855/drivers').expect(400)).body.error.details[0].field, 'wave');
    await agent.get('/api/v1/pilots/855/drivers?wave=nope').expect(404);
    await agent.get('/api/v1/drivers?wave=nope').expect(404);
  });
});

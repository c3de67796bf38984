import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { Wave } from '../../../server/study/waves/model.js';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, buildCouncil, closeWaves } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff } = useTestApp(import.meta.url);

// Four facets follow x and three run against it, so the facets pull against each other.
const against = (x: number) => ({
  workload: x,
  supervision: x,
  team_support: x,
  management: x,
  development: 6 - x,
  recognition: 6 - x,
  pay: 6 - x,
});

async function council(code: string, arm: 'pilot' | 'comparison', wave: string, k: number) {
  const { code: campaign } = await buildCampaign({ pilot: code, wave });
  await buildCouncil({ code, arm });
  await submitAll(
    http,
    campaign,
    times(k, (i) => buildAnswers({ js_facets: against(1 + (i % 5)) })),
  );
}

describe('GET /api/v1/comparisons rules', () => {
  test('when the baseline is the wave itself, then it is refused with 400 and a reason', async () => {
    await council('855', 'pilot', 'w1', 10);
    await closeWaves();
    const res = await (await staff()).get('/api/v1/comparisons').query({ wave: 'w1', baseline: 'w1' }).expect(400);
    assert.match(res.body.error.message, /two different waves/);
  });

  test('when every campaign of a wave is closed by hand before its end date, then the wave is compared; while one is open, then 409 says so', async () => {
    await council('855', 'pilot', 'w1', 10);
    await council('856', 'comparison', 'w1', 10);
    const agent = await staff();
    const open = await agent.get('/api/v1/comparisons').query({ wave: 'w1' }).expect(409);
    assert.match(open.body.error.message, /still open \(2 of its 2 campaign/);
    await Campaign.updateMany({ waveId: 'w1' }, { $set: { closedManually: true } }); // closed by hand long ago
    const body = (await agent.get('/api/v1/comparisons').query({ wave: 'w1' }).expect(200)).body;
    assert.deepEqual(body.arms.compared, {
      pilot: [{ code: '855', name: 'Council 855' }],
      comparison: [{ code: '856', name: 'Council 856' }],
    });
  });

  test('when the baseline wave uses a different survey, then it is refused with 400: measures of different surveys are not compared', async () => {
    await council('855', 'pilot', 'w1', 10);
    await (
      await staff({ role: 'admin' })
    )
      .post('/api/v1/admin/surveys')
      .send({ title: 'Other pulse', elements: [{ type: 'rating', name: 'mood' }] })
      .expect(201);
    await Wave.create({
      _id: 'other-w',
      name: 'Other wave',
      opensOn: '2020-01-01',
      closesOn: '2020-01-31',
      surveyId: 'other-pulse',
      surveyVersion: 1,
      surveyHash: 'x',
    });
    await closeWaves();
    const res = await (await staff()).get('/api/v1/comparisons').query({ wave: 'w1', baseline: 'other-w' }).expect(400);
    assert.match(res.body.error.message, /different surveys/);
  });

  test('when a council has no responses in the wave, then its row says 0 rather than suppressed', async () => {
    await council('855', 'pilot', 'w1', 10);
    await buildCampaign({ pilot: '856', wave: 'w1' });
    await closeWaves();
    const body = (await (await staff()).get('/api/v1/comparisons').query({ wave: 'w1' }).expect(200)).body;
    const row = body.councils.wave.find((r: { code: string }) => r.code === '856');
    assert.deepEqual(row, { code: '856', name: 'Council 856', arm: 'pilot', suppressed: false, n: 0, scales: [] });
  });

  test('when a scale’s items pull against each other, then its negative alpha comes with words of warning', async () => {
    await council('855', 'pilot', 'w1', 10);
    await council('857', 'comparison', 'w1', 10);
    await closeWaves();
    const body = (await (await staff()).get('/api/v1/comparisons').query({ wave: 'w1' }).expect(200)).body;
    const facets = body.scales.find((s: { id: string }) => s.id === 'js_facets');
    assert.ok(facets.alpha.alpha < 0, `alpha ${facets.alpha.alpha}`);
    assert.match(facets.alpha.reading, /^Negative: the items pull against each other/);
    const overall = body.scales.find((s: { id: string }) => s.id === 'js_overall');
    assert.equal(overall.alpha, null, 'a one-item scale has no alpha');
  });
});

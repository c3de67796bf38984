import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWave } from '../../../server/study/waves/service.js';
import { useTestApp } from '../../helpers/app.js';
import { answersV2, twoVersionSurveys } from '../../helpers/export-fixtures.js';
import { buildAnswers, buildCampaign, closeWaves } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff } = useTestApp(import.meta.url, {}, { surveys: twoVersionSurveys() });

type Stat = { id?: string; scale?: string; ref?: string; suppressed: boolean; n?: number; answered?: number };
const byKey = (list: Stat[], key: string) => list.find((s) => (s.id ?? s.scale ?? s.ref) === key)!;

async function summaryOf(pilotCode: string, waveId: string) {
  const hr = await staff({ role: 'hr_lead', pilots: [pilotCode] });
  return (await hr.get(`/api/v1/pilots/${pilotCode}/summary`).query({ wave: waveId }).expect(200)).body;
}

// Issue 13, item 1 (council 902): the scale counts a respondent who answered 3 of its 4 items; its
// mean × n minus a quarter of the item totals would give that one person's mean.
describe('GET /api/v1/pilots/:code/summary with one partial answerer of a scale', () => {
  test('when 10 answer all four practice-model items and 1 answers three, then the scale, its alpha and its bands are hidden', async () => {
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '902' });
    const complete = times(10, (i) =>
      buildAnswers({
        practice_model: { framework: 1 + (i % 5), value_system: 2, assessment_tool: 3, tick_box: 2 },
      }),
    );
    const partial = buildAnswers({ practice_model: { framework: 5, value_system: 5, tick_box: 1 } });
    await submitAll(http, code, [...complete, partial]);
    await closeWaves();
    const body = await summaryOf(pilotCode, waveId);
    assert.equal(byKey(body.items, 'practice_model:framework').answered, 11, 'items keep their own base');
    assert.equal(byKey(body.items, 'practice_model:assessment_tool').answered, 10);
    assert.equal(byKey(body.scales, 'practice_model_endorsement').suppressed, true);
    assert.equal(byKey(body.alpha, 'practice_model_endorsement').suppressed, true);
    for (const b of body.breakdowns.flatMap((d: { bands: { scales?: Stat[] }[] }) => d.bands))
      if (b.scales) assert.equal(byKey(b.scales, 'practice_model_endorsement').suppressed, true);
    assert.equal(byKey(body.scales, 'js_facets').suppressed, false, 'a scale everyone completed is shown');
  });

  test('when the partial answerers are at least the minimum, then the scale is shown', async () => {
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '902' });
    const partial = buildAnswers({ practice_model: { framework: 5, value_system: 5, tick_box: 1 } });
    const complete = times(10, (i) =>
      buildAnswers({ practice_model: { framework: 1 + (i % 5), value_system: 2, assessment_tool: 3, tick_box: 2 } }),
    );
    await submitAll(http, code, [...complete, ...times(10, () => partial)]);
    await closeWaves();
    const body = await summaryOf(pilotCode, waveId);
    assert.equal(byKey(body.scales, 'practice_model_endorsement').n, 20);
    assert.equal(byKey(body.alpha, 'practice_model_endorsement').n, 10);
  });
});

// Issue 13, item 8: a tick-box distribution's base is who answered, not how many ticks.
describe('GET /api/v1/pilots/:code/summary with a tick-box question', () => {
  test('when 8 respondents tick two boxes each (16 ticks), then the distribution is hidden; with 10 it shows 10', async () => {
    await createWave(
      {
        id: 'v2',
        name: 'V2',
        opensOn: '2020-01-01',
        closesOn: '2099-12-31',
        surveyId: 'staff-wellbeing',
        surveyVersion: 2,
      },
      twoVersionSurveys(),
    );
    const small = await buildCampaign({ pilot: '855', wave: 'v2' });
    const large = await buildCampaign({ pilot: '856', wave: 'v2' });
    const ticked = (n: number) => times(n, () => answersV2({ support_used: ['eap', 'peer'] }));
    await submitAll(http, small.code, [...ticked(8), ...times(4, () => answersV2())]);
    await submitAll(http, large.code, ticked(10));
    await closeWaves();
    assert.equal(byKey((await summaryOf('855', 'v2')).items, 'support_used').suppressed, true);
    assert.equal(byKey((await summaryOf('856', 'v2')).items, 'support_used').answered, 10);
  });
});

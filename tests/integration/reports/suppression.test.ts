import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, buildCouncil, closeWaves } from '../../helpers/factories.js';
import { keysIn, submitAll, times } from '../../helpers/submit.js';

const { http, staff } = useTestApp(import.meta.url);
const answers = (k: number, js: (i: number) => number) =>
  times(k, (i) => buildAnswers({ js_overall: js(i), leave_intent_12m: 1 + (i % 5) }));

// Baseline w1: 855 (pilot) 10, 857 (comparison) 10. Wave w2: pilot arm 855 with 12 and 856 with
// 9 (below the minimum); comparison arm 857 with 11 and 858 with exactly 10.
async function twoWaves() {
  const plan: [string, string, number, 'pilot' | 'comparison'][] = [
    ['855', 'w1', 10, 'pilot'],
    ['857', 'w1', 10, 'comparison'],
    ['855', 'w2', 12, 'pilot'],
    ['856', 'w2', 9, 'pilot'],
    ['857', 'w2', 11, 'comparison'],
    ['858', 'w2', 10, 'comparison'],
  ];
  for (const [pilot, wave, k, arm] of plan) {
    const { code } = await buildCampaign({ pilot, wave });
    await buildCouncil({ code: pilot, arm });
    // 856's nine all answer 1, so any trace of them would pull the pilot arm's mean off 855's
    await submitAll(
      http,
      code,
      answers(k, (i) => (pilot === '856' ? 1 : 1 + (i % 5))),
    );
  }
}

type Cell = { suppressed: boolean; n?: number; mean?: number };
type Row = { code: string; arm: string; suppressed: boolean; n?: number; scales?: ({ id: string } & Cell)[] };

describe('GET /api/v1/comparisons with a council below the minimum', () => {
  test('when one council has 9 responses, then it is left out of its arm, its row names no count and arm minus shown is 0', async () => {
    await twoWaves();
    await closeWaves();
    const res = await (await staff()).get('/api/v1/comparisons').query({ wave: 'w2', baseline: 'w1' }).expect(200);
    const body = res.body;
    assert.deepEqual(body.arms.wave, {
      pilot: { included: ['855'], excludedBelowMinimum: ['856'] },
      comparison: { included: ['857', '858'], excludedBelowMinimum: [] },
    });
    assert.deepEqual(body.arms.baseline, {
      pilot: { included: ['855'], excludedBelowMinimum: [] },
      comparison: { included: ['857'], excludedBelowMinimum: [] },
    });

    const rows = body.councils.wave as Row[];
    const small = rows.find((r) => r.code === '856')!;
    assert.deepEqual(small, { code: '856', name: 'Council 856', arm: 'pilot', suppressed: true });
    assert.ok(!keysIn(small).includes('n'));

    // A difference-in-differences compares the same councils in both waves: 858 (none in w1) is shown
    // on its own but is not in its arm.
    assert.deepEqual(body.arms.compared, {
      pilot: [{ code: '855', name: 'Council 855' }],
      comparison: [{ code: '857', name: 'Council 857' }],
    });
    for (const arm of ['pilot', 'comparison'] as const) {
      const listed = (body.arms.compared[arm] as { code: string }[]).map((c) => c.code);
      const shown = rows.filter((r) => listed.includes(r.code) && !r.suppressed);
      for (const scale of body.scales as { id: string; wave: Record<string, Cell> }[]) {
        const armCell = scale.wave[arm]!;
        const sum = shown.reduce((s, r) => s + r.scales!.find((c) => c.id === scale.id)!.n!, 0);
        assert.equal(armCell.n! - sum, 0, `${arm} ${scale.id}: arm n minus the councils shown`);
      }
    }
    const js = (body.scales as { id: string; wave: Record<string, Cell> }[]).find((s) => s.id === 'js_overall')!;
    const council855 = rows.find((r) => r.code === '855')!.scales!.find((c) => c.id === 'js_overall')!;
    assert.deepEqual([js.wave.pilot!.n, js.wave.pilot!.mean], [12, council855.mean]);
    assert.equal(js.wave.comparison!.n, 11);
  });

  test('when every council of an arm is below the minimum, then the arm is suppressed and no difference is given', async () => {
    const a = await buildCampaign({ pilot: '855', wave: 'w2' });
    const b = await buildCampaign({ pilot: '857', wave: 'w2' });
    await buildCouncil({ code: '857', arm: 'comparison' });
    await submitAll(
      http,
      a.code,
      answers(8, (i) => 1 + (i % 5)),
    );
    await submitAll(
      http,
      b.code,
      answers(12, (i) => 1 + (i % 5)),
    );
    await closeWaves();
    const body = (await (await staff()).get('/api/v1/comparisons').query({ wave: 'w2' }).expect(200)).body;
    assert.deepEqual(body.arms.wave.pilot, { included: [], excludedBelowMinimum: ['855'] });
    const js = body.scales.find((s: { id: string }) => s.id === 'js_overall');
    assert.deepEqual(js.wave.pilot, { id: 'js_overall', suppressed: true });
    assert.equal(js.wave.difference, null);
    assert.ok(!JSON.stringify(body).includes('"n":8'));
  });
});

describe('GET /api/v1/pilots/:code/summary below the minimum', () => {
  test('when a council has 9 responses, then its summary carries no n and no statistics', async () => {
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '856', wave: 'w2', headcount: 30 });
    await submitAll(
      http,
      code,
      answers(9, (i) => 1 + (i % 5)),
    );
    await closeWaves();
    const body = (await (await staff()).get(`/api/v1/pilots/${pilotCode}/summary`).query({ wave: waveId }).expect(200))
      .body;
    assert.deepEqual(Object.keys(body).sort(), ['minGroupSize', 'pilot', 'responses', 'survey', 'wave']);
    assert.deepEqual(body.responses, { suppressed: true, note: 'fewer than 10 responses', headcount: 30 });
    assert.ok(!keysIn(body).includes('n'));
    for (const key of ['scales', 'alpha', 'proportions', 'items', 'breakdowns', 'progress', 'rate'])
      assert.ok(!keysIn(body).includes(key), key);
  });

  test('when the tenth response arrives, then the summary is published with n = 10', async () => {
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '856', wave: 'w2' });
    await submitAll(
      http,
      code,
      answers(10, (i) => 1 + (i % 5)),
    );
    await closeWaves();
    const body = (await (await staff()).get(`/api/v1/pilots/${pilotCode}/summary`).query({ wave: waveId }).expect(200))
      .body;
    assert.equal(body.responses.n, 10);
    // js_overall 1..5 twice: mean 3
    assert.equal(body.scales.find((s: { id: string }) => s.id === 'js_overall').mean, 3);
  });
});

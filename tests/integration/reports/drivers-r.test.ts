import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { driverAnswers, driverCsv, generator } from '../../helpers/driver-data.js';
import { buildCampaign, buildCouncil, closeWaves } from '../../helpers/factories.js';
import { assertRelativelyEqual, runRLines } from '../../helpers/rscript.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff } = useTestApp(import.meta.url);

type Row = { id: string; correlation: { r: number; ci95: [number, number] }; model: Estimate | null };
type Estimate = { estimate: number; se: number; ci95: [number, number] };
type Outcome = { id: string; shown: boolean; model: 'linear' | 'logistic'; drivers: Row[] };

function assertSameAsR(outcome: Outcome, r: string[][], what: string) {
  assert.equal(outcome.shown, true, `${what} shown`);
  assert.equal(r.length, 2 * outcome.drivers.length, `${what}: R reported every driver`);
  for (const [kind, id, ...numbers] of r) {
    const row = outcome.drivers.find((d) => d.id === id)!;
    const [a, b, c, d] = numbers.map(Number) as [number, number, number, number];
    const at = `${what} ${kind} ${id}`;
    if (kind === 'cor') {
      assertRelativelyEqual(row.correlation.r, a, `${at} r`);
      assertRelativelyEqual(row.correlation.ci95[0], b, `${at} lo`);
      assertRelativelyEqual(row.correlation.ci95[1], c, `${at} hi`);
    } else {
      assert.ok(row.model, `${at}: the model was estimated`);
      assertRelativelyEqual(row.model.estimate, a, `${at} estimate`);
      assertRelativelyEqual(row.model.se, b, `${at} se`);
      assertRelativelyEqual(row.model.ci95[0], c, `${at} lo`);
      assertRelativelyEqual(row.model.ci95[1], d, `${at} hi`);
    }
  }
}

async function check(outcomes: Outcome[], answers: Record<string, unknown>[], what: string) {
  for (const outcome of outcomes) {
    const kind = outcome.model;
    const r = await runRLines('drivers.R', driverCsv(answers, outcome.id), [kind]);
    assertSameAsR(outcome, r, `${what} ${outcome.id}`);
  }
}

describe('GET /api/v1/pilots/:code/drivers and /api/v1/drivers against R (lm, glm, cor.test)', () => {
  test('when generated answers go to the API and to R, then correlations, coefficients, SEs and CIs agree to 1e-6 relative', async () => {
    const random = generator(1919);
    const plan: [string, 'pilot' | 'comparison', number][] = [
      ['855', 'pilot', 70],
      ['856', 'pilot', 40],
      ['860', 'comparison', 60],
      ['861', 'comparison', 12],
    ];
    const byCouncil = new Map<string, Record<string, unknown>[]>();
    for (const [council, arm, k] of plan) {
      const { code } = await buildCampaign({ pilot: council });
      await buildCouncil({ code: council, arm });
      const answers = times(k, () => driverAnswers(random));
      await submitAll(http, code, answers);
      byCouncil.set(council, answers);
    }
    await closeWaves();
    const agent = await staff();
    const council = (await agent.get('/api/v1/pilots/855/drivers').query({ wave: 'w1' }).expect(200)).body;
    await check(council.outcomes, byCouncil.get('855')!, 'council 855');
    const arms = (await agent.get('/api/v1/drivers').query({ wave: 'w1' }).expect(200)).body;
    const [pilot, comparison] = arms.arms;
    assert.deepEqual(
      comparison.councils.map((c: { code: string }) => c.code),
      ['860', '861'],
    );
    await check(pilot.outcomes, [...byCouncil.get('855')!, ...byCouncil.get('856')!], 'pilot arm');
    await check(comparison.outcomes, [...byCouncil.get('860')!, ...byCouncil.get('861')!], 'comparison arm');
  });
});

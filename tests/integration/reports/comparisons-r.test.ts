import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, buildCouncil, closeWaves } from '../../helpers/factories.js';
import { assertRelativelyEqual, runRComparison, type REstimate } from '../../helpers/rscript.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff } = useTestApp(import.meta.url);

type Arm = 'pilot' | 'comparison';
type Row = { council: string; arm: Arm; wave: 'baseline' | 'later'; answers: Record<string, unknown> };

// A seeded generator, so a failure can be replayed.
function generator(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

// Three councils an arm with their own level (so answers cluster), unequal sizes, two waves.
// 862 has only 8 responses at baseline: publishable in the later wave only, so it is left out
// of the comparison (and of R's data) altogether.
async function generate(): Promise<Row[]> {
  const random = generator(20260);
  const plan: [string, Arm, number, number][] = [
    ['855', 'pilot', 24, 13],
    ['856', 'pilot', 11, 30],
    ['857', 'pilot', 17, 17],
    ['860', 'comparison', 12, 26],
    ['861', 'comparison', 28, 10],
    ['863', 'comparison', 15, 19],
    ['862', 'comparison', 8, 14],
  ];
  const rows: Row[] = [];
  for (const [council, arm, before, after] of plan) {
    const level = random() * 2 - 1;
    for (const [wave, k] of [['baseline', before] as const, ['later', after] as const]) {
      const { code } = await buildCampaign({ pilot: council, wave });
      await buildCouncil({ code: council, arm }); // after: a campaign's council defaults to the pilot arm
      const lift = wave === 'later' && arm === 'pilot' ? 0.6 : 0;
      const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));
      const answers = times(k, () =>
        buildAnswers({
          js_overall: clamp(3 + level + lift + (random() - 0.5) * 3, 1, 5),
          recommend_employer: clamp(6 + 2 * level + lift + (random() - 0.5) * 6, 0, 10),
          leave_intent_12m: clamp(2.5 - level + (random() - 0.5) * 4, 1, 5),
        }),
      );
      await submitAll(http, code, answers);
      rows.push(...answers.map((a) => ({ council, arm, wave, answers: a })));
    }
  }
  return rows;
}

const outcomes: Record<string, (a: Record<string, unknown>) => number> = {
  js_overall: (a) => Number(a.js_overall),
  recommend_employer: (a) => Number(a.recommend_employer),
  intends_to_leave_12m: (a) => (Number(a.leave_intent_12m) >= 4 ? 1 : 0),
};

const csv = (rows: Row[], y: (a: Record<string, unknown>) => number) =>
  ['council,arm,wave,y', ...rows.map((r) => `${r.council},${r.arm},${r.wave},${y(r.answers)}`)].join('\n');

type Clustered = Record<'difference' | 'baselineDifference' | 'differenceInDifferences', REstimate | null>;
type Measure = { id: string; clustered: Clustered };

function assertSameAsR(api: Clustered, r: Map<string, REstimate>, id: string, names: string[]) {
  assert.deepEqual([...r.keys()].sort(), names.sort(), `${id}: what R reported`);
  for (const [name, expected] of r) {
    const got = api[name as keyof Clustered];
    for (const key of ['estimate', 'se', 'df'] as const)
      assertRelativelyEqual(got?.[key], expected[key], `${id} ${name} ${key}`);
  }
}

describe('GET /api/v1/comparisons against R (clubSandwich CR2, Satterthwaite df)', () => {
  test('when generated answers go to the API and to R, then estimate, SE and df agree to 1e-6 relative', async () => {
    const all = await generate();
    const rows = all.filter((r) => r.council !== '862');
    await closeWaves();
    const agent = await staff();
    const both = (await agent.get('/api/v1/comparisons').query({ wave: 'later', baseline: 'baseline' }).expect(200))
      .body as { scales: Measure[]; proportions: Measure[] };
    const later = (await agent.get('/api/v1/comparisons').query({ wave: 'later' }).expect(200)).body as {
      scales: Measure[];
      proportions: Measure[];
    };
    for (const [id, y] of Object.entries(outcomes)) {
      const find = (b: typeof both) => [...b.scales, ...b.proportions].find((m) => m.id === id)!;
      assertSameAsR(find(both).clustered, await runRComparison('cr2-comparisons.R', csv(rows, y)), id, [
        'baselineDifference',
        'difference',
        'differenceInDifferences',
      ]);
      // One wave alone: R fits y ~ arm on every council publishable in it, 862 included.
      const laterRows = all.filter((r) => r.wave === 'later');
      assertSameAsR(
        find(later).clustered,
        await runRComparison('cr2-comparisons.R', csv(laterRows, y)),
        `${id} (one wave)`,
        ['difference'],
      );
    }
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../../server/reports/summaries/report.js';
import { countersOf, requiredAnswers, staffWellbeing, times } from '../../helpers/counters.js';

const MIN = 10;

describe('buildReport progress', () => {
  // responses per day: 4, 7, 3, 12, 1, 9, 2 -> running totals 4, 11, 14, 26, 27, 36, 38
  const perDay: [string, number][] = [
    ['2025-03-01', 4],
    ['2025-03-02', 7],
    ['2025-03-03', 3],
    ['2025-03-04', 12],
    ['2025-03-05', 1],
    ['2025-03-06', 9],
    ['2025-03-07', 2],
  ];
  const responses = perDay.flatMap(([day, k]) => times(k, () => ({ day, answers: requiredAnswers() })));
  const r = buildReport(staffWellbeing, countersOf(responses), { minGroupSize: MIN, headcount: 76 });
  const progress = (r.responses as { progress: { day: string; cumulative: number }[] }).progress;

  test('when responses arrive unevenly, then a running total is published only once it adds at least the minimum', () => {
    // 4: below 10. 11: first point. 14: +3, no. 26: +15 since 11, yes. 27: +1, no. 36: +10, yes. 38: +2, no.
    assert.deepEqual(progress, [
      { day: '2025-03-02', cumulative: 11 },
      { day: '2025-03-04', cumulative: 26 },
      { day: '2025-03-06', cumulative: 36 },
    ]);
  });

  test('when points are published, then each one and each rise between them is at least the minimum', () => {
    let last = 0;
    for (const p of progress) {
      assert.ok(p.cumulative - last >= MIN, `${last} -> ${p.cumulative}`);
      last = p.cumulative;
    }
  });

  test('when a headcount is known, then the response rate is n over it', () => {
    // 38 / 76 = 0.5
    assert.deepEqual([(r.responses as { n: number }).n, (r.responses as { rate: number }).rate], [38, 0.5]);
  });

  test('when a group is exactly at the minimum on one day, then that single point is published', () => {
    const one = buildReport(
      staffWellbeing,
      countersOf(times(10, () => ({ day: '2025-03-01', answers: requiredAnswers() }))),
      { minGroupSize: MIN },
    );
    assert.deepEqual((one.responses as { progress: unknown }).progress, [{ day: '2025-03-01', cumulative: 10 }]);
  });
});

describe('buildReport breakdowns against subtraction within one scale', () => {
  // demo_role: social_worker 20, of whom only 4 answered the (optional) practice-model rows;
  // team_manager 15, all of whom did. Practice scale: whole group 19, social_worker 4, team_manager 15.
  const practice = { framework: 5, value_system: 5, assessment_tool: 5, tick_box: 1 };
  const answers = [
    ...times(4, () => requiredAnswers({ demo_role: 'social_worker', practice_model: practice })),
    ...times(16, () => requiredAnswers({ demo_role: 'social_worker' })),
    ...times(15, () =>
      requiredAnswers({
        demo_role: 'team_manager',
        practice_model: { framework: 2, value_system: 2, assessment_tool: 2, tick_box: 4 },
      }),
    ),
  ];
  const r = buildReport(staffWellbeing, countersOf(answers.map((a) => ({ answers: a }))), { minGroupSize: MIN });

  // Rule 4 for each statistic's own base: the group's figure minus the shown bands' figures
  // must not describe 1..min-1 people. Here 19 - 15 = 4 would give away the 4 social workers'
  // mean: (19 · group mean - 15 · team-manager mean) / 4 = 5.
  test('when a shown band has a scale base below the minimum, then the other bands do not give it away by subtraction', () => {
    type Scale = { id: string; suppressed: boolean; n?: number };
    const whole = (r.scales as Scale[]).find((s) => s.id === 'practice_model_endorsement')!;
    const role = (r.breakdowns as { question: string; bands: { suppressed: boolean; scales?: Scale[] }[] }[]).find(
      (b) => b.question === 'demo_role',
    )!;
    const shownInBands = role.bands
      .flatMap((b) => b.scales ?? [])
      .filter((s) => s.id === 'practice_model_endorsement' && !s.suppressed);
    if (whole.suppressed) return;
    const hidden = whole.n! - shownInBands.reduce((s, x) => s + x.n!, 0);
    assert.ok(
      hidden === 0 || hidden >= MIN,
      `whole-group practice scale n ${whole.n} minus shown band figures leaves ${hidden}`,
    );
  });
});

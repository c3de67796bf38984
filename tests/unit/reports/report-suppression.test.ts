import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../../server/reports/summaries/report.js';
import { countersOf, keysIn, requiredAnswers, staffWellbeing, times } from '../../helpers/counters.js';

const MIN = 10;
const report = (answers: Record<string, unknown>[], headcount: number | null = null) =>
  buildReport(staffWellbeing, countersOf(answers.map((a) => ({ answers: a }))), { minGroupSize: MIN, headcount });

type Band = {
  value: string;
  suppressed: boolean;
  n?: number;
  scales?: { id: string; suppressed: boolean; n?: number }[];
};
type Breakdown = { question: string; bands: Band[] };
const practice = { framework: 4, value_system: 3, assessment_tool: 4, tick_box: 2 };

describe('buildReport below the minimum group', () => {
  test('when a group has 9 responses, then only "suppressed" is published and no count appears anywhere', () => {
    const r = report(
      times(9, (i) => requiredAnswers({ js_overall: 1 + (i % 5), demo_role: 'asye', ons_life_satisfaction: 9 })),
      40,
    );
    assert.deepEqual(r, {
      survey: { id: 'staff-wellbeing', version: 1 },
      minGroupSize: MIN,
      responses: { suppressed: true, note: 'fewer than 10 responses', headcount: 40 },
    });
    const json = JSON.stringify(r);
    assert.ok(!keysIn(r).includes('n'), json);
    assert.doesNotMatch(json, /\b9\b/, 'the 9 responses (and the nine 9s given) leak nowhere');
  });
});

describe('buildReport breakdowns', () => {
  // demo_role: social_worker 20, team_manager 12, asye 3, unanswered 15 (total 50)
  const answers = [
    ...times(20, () => requiredAnswers({ demo_role: 'social_worker', practice_model: practice })),
    ...times(12, () => requiredAnswers({ demo_role: 'team_manager', practice_model: practice })),
    ...times(3, () => requiredAnswers({ demo_role: 'asye', practice_model: practice })),
    ...times(15, () => requiredAnswers({ practice_model: practice })),
  ];
  const r = report(answers);
  const breakdowns = r.breakdowns as Breakdown[];
  const role = breakdowns.find((b) => b.question === 'demo_role')!;
  const band = (value: string) => role.bands.find((b) => b.value === value)!;

  test('when one band has 3 and the rest 0 or at least 10, then it is suppressed and so is the smallest shown band', () => {
    // hidden = 3, between 1 and 9, so the smallest shown non-zero band (team_manager, 12) goes too
    assert.deepEqual(band('asye'), {
      value: 'asye',
      suppressed: true,
      note: 'fewer than 10 responses, or hidden so a small group cannot be worked out',
    });
    assert.equal(band('team_manager').suppressed, true);
    assert.equal(band('team_manager').n, undefined);
    assert.equal(band('team_manager').scales, undefined);
    assert.deepEqual([band('social_worker').n, band('unanswered').n], [20, 15]);
    // zeros describe nobody and are shown (rule 3)
    assert.deepEqual(
      ['senior_practitioner', 'senior_manager', 'other_role', 'prefer_not_to_say'].map((v) => band(v).n),
      [0, 0, 0, 0],
    );
  });

  test('when bands are published, then the total minus the shown bands is 0 or at least the minimum', () => {
    assert.equal(r.responses.suppressed, false);
    const total = (r.responses as { n: number }).n;
    assert.equal(total, 50);
    for (const b of breakdowns) {
      const hidden = total - b.bands.reduce((s, x) => s + (x.suppressed ? 0 : x.n!), 0);
      assert.ok(hidden === 0 || hidden >= MIN, `${b.question}: ${total} - shown = ${hidden}`);
    }
    // 50 - (20 + 15) = 15
    assert.equal(band('social_worker').scales!.find((s) => s.id === 'js_overall')!.n, 20);
  });

  test('when a band is suppressed, then nothing under it names a count', () => {
    for (const b of role.bands.filter((x) => x.suppressed))
      assert.deepEqual(keysIn(b).sort(), ['note', 'suppressed', 'value']);
  });
});

describe('buildReport statistics with their own small base', () => {
  // 30 responses: ONS life satisfaction answered by 6; all four practice rows by 8 (22 skip
  // assessment_tool, still scoring 3 of 4); "prefer not to say" to looking for 25, leaving a base of 5.
  const answers = times(30, (i) =>
    requiredAnswers({
      js_overall: i < 15 ? 4 : 2,
      ...(i < 6 ? { ons_life_satisfaction: 8 } : {}),
      practice_model: i < 8 ? practice : { framework: 4, value_system: 3, tick_box: 2 },
      leave_looking: i < 25 ? 'prefer_not_to_say' : 'yes',
    }),
  );
  const r = report(answers);
  type Stat = {
    id?: string;
    ref?: string;
    scale?: string;
    suppressed: boolean;
    n?: number;
    mean?: number;
    sd?: number;
    ci95?: number[];
  };
  const find = (list: unknown, key: 'id' | 'ref' | 'scale', value: string) =>
    (list as Stat[]).find((s) => s[key] === value)!;

  test('when a scale was answered by 6 of 30, then that scale is suppressed while the group is published', () => {
    assert.equal((r.responses as { n: number }).n, 30);
    const ons = find(r.scales, 'id', 'ons_life_satisfaction');
    assert.equal(ons.suppressed, true);
    assert.ok(!('n' in ons) && !('mean' in ons));
    assert.equal(find(r.items, 'ref', 'ons_life_satisfaction').suppressed, true);
  });

  test('when 30 answered a scale, then its mean, SD and t interval match the hand calculation', () => {
    // 15 × 4 and 15 × 2: mean 3; squared deviations 30 × 1 = 30, sd = √(30/29)
    // se = √(30/29)/√30 = 1/√29; t(0.975, 29) = 2.045229642132703
    const js = find(r.scales, 'id', 'js_overall');
    assert.equal(js.n, 30);
    assert.equal(js.mean, 3);
    assert.ok(Math.abs(js.sd! - Math.sqrt(30 / 29)) < 1e-12);
    const half = 2.045229642132703 / Math.sqrt(29);
    assert.ok(
      Math.abs(js.ci95![0]! - (3 - half)) < 1e-9 && Math.abs(js.ci95![1]! - (3 + half)) < 1e-9,
      String(js.ci95),
    );
  });

  test('when only 8 are complete cases, then alpha is suppressed although the scale itself (30) is shown', () => {
    assert.equal(find(r.scales, 'id', 'practice_model_endorsement').n, 30);
    assert.deepEqual(find(r.alpha, 'scale', 'practice_model_endorsement'), {
      scale: 'practice_model_endorsement',
      suppressed: true,
      note: 'fewer than 10 responses',
    });
    assert.equal(find(r.items, 'ref', 'practice_model:assessment_tool').suppressed, true);
    assert.equal(find(r.items, 'ref', 'practice_model:framework').suppressed, false);
  });

  test('when excluded answers leave a flag base of 5, then that proportion is suppressed', () => {
    const looking = find(r.proportions, 'id', 'actively_looking');
    assert.equal(looking.suppressed, true);
    assert.ok(!('n' in looking));
    assert.equal(find(r.proportions, 'id', 'intends_to_leave_12m').n, 30);
  });
});

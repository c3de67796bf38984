import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addParts,
  counterTally,
  mergeCounters,
  responseCounters,
  type CounterParts,
} from '../../../server/tally/counters.js';
import { DAY, requiredAnswers, staffWellbeing } from '../../helpers/counters.js';

// A: everything answered. js_facets = (2+4+5+3+3+2+2)/7 = 21/7 = 3. practice_model_endorsement
// reverses tick_box on 1–5: 1 + 5 - 2 = 4, so (4 + 4 + 3 + 4)/4 = 15/4 = 3.75, squared 14.0625.
const full = requiredAnswers({
  js_overall: 4,
  js_facets: { workload: 2, supervision: 4, team_support: 5, management: 3, development: 3, recognition: 2, pay: 2 },
  ons_life_satisfaction: 7,
  ons_worthwhile: 8,
  ons_happy_yesterday: 6,
  ons_anxious_yesterday: 3,
  leave_looking: 'prefer_not_to_say',
  two_year_plan: 'another_council',
  turnover_team: 'yes',
  caseload_children: 'none',
  supervision_frequency: 'every_5_8_weeks',
  practice_model: { framework: 4, value_system: 4, assessment_tool: 3, tick_box: 2 },
  demo_role: 'team_manager',
  demo_employment: 'agency',
});

// B: five of seven facets, three of four practice-model rows, no ONS, unhappy.
// js_facets = (5+4+4+3+4)/5 = 4; practice: tick_box 5 reversed is 1, so (2 + 3 + 1)/3 = 2.
const partial = requiredAnswers({
  js_overall: 2,
  js_facets: { workload: 5, supervision: 4, team_support: 4, management: 3, development: 4 },
  leave_intent_12m: 5,
  leave_looking: 'yes',
  caseload_children: '21_25',
  practice_model: { framework: 2, value_system: 3, tick_box: 5 },
  demo_role: 'prefer_not_to_say',
});

// C: below both multi-item scales' minAnswered (js_facets 5, practice 3), single-item facets still score.
const sparse = requiredAnswers({
  js_facets: { workload: 1, pay: 1, team_support: 5, supervision: 2 },
  practice_model: { framework: 5, tick_box: 1 },
});

describe('responseCounters', () => {
  const a = responseCounters(staffWellbeing, full, DAY);
  const b = responseCounters(staffWellbeing, partial, '2025-03-04');
  const c = responseCounters(staffWellbeing, sparse, DAY);

  test('when a response is counted, then it makes one main part, one part per demographic question and the export part', () => {
    assert.deepEqual(Object.keys(a).sort(), [
      'bd:demo_employment',
      'bd:demo_role',
      'bd:demo_working_pattern',
      'bd:demo_years_in_role',
      'ex',
      'main',
    ]);
    assert.equal(a.main!.n, 1);
    assert.equal(a.main![`d|${DAY}`], 1);
    // the full combination, demographics in the survey's order, then the month
    const ex = Object.entries(a.ex!);
    assert.deepEqual(
      ex.filter(([k]) => k.startsWith('t|')),
      [['t|team_manager|unanswered|agency|unanswered|2025-03', 1]],
    );
    // who answered what (a matrix per row) and who has a score, for the export's item rule
    assert.equal(a.ex!['a|js_overall'], 1);
    assert.equal(a.ex!['a|js_facets|pay'], 1);
    assert.equal(a.ex!['a|demo_years_in_role'], undefined);
    assert.ok(Object.keys(a.ex!).some((k) => k.startsWith('s|')));
    assert.ok(ex.every(([k, v]) => /^[tas]\|/.test(k) && v === 1));
    assert.equal(b.main!['d|2025-03-04'], 1);
  });

  test('when scales are scored, then each adds its count, sum and sum of squares', () => {
    assert.deepEqual([a.main!['sc|js_overall|n'], a.main!['sc|js_overall|s'], a.main!['sc|js_overall|q']], [1, 4, 16]);
    assert.deepEqual([a.main!['sc|js_facets|s'], a.main!['sc|js_facets|q']], [3, 9]);
    assert.equal(a.main!['sc|js_workload|s'], 2);
    assert.deepEqual([b.main!['sc|js_facets|n'], b.main!['sc|js_facets|s'], b.main!['sc|js_facets|q']], [1, 4, 16]);
    assert.equal(b.main!['sc|js_pay|n'], undefined);
    assert.equal(b.main!['sc|ons_life_satisfaction|n'], undefined);
  });

  test('when a scale has a reversed item, then the sums use min + max - answer for it', () => {
    assert.deepEqual(
      [a.main!['sc|practice_model_endorsement|s'], a.main!['sc|practice_model_endorsement|q']],
      [3.75, 14.0625],
    );
    assert.deepEqual([b.main!['sc|practice_model_endorsement|s'], b.main!['sc|practice_model_endorsement|q']], [2, 4]);
  });

  test('when fewer items than minAnswered are answered, then the scale adds nothing but its single-item parts do', () => {
    assert.equal(c.main!['sc|js_facets|n'], undefined);
    assert.equal(c.main!['sc|practice_model_endorsement|n'], undefined);
    assert.deepEqual(
      [c.main!['sc|js_workload|n'], c.main!['sc|js_workload|s'], c.main!['sc|js_team_support|s']],
      [1, 1, 5],
    );
  });

  test('when every item of a scale is answered, then the alpha accumulator adds item sums and cross-products, reversed', () => {
    // practice items in order framework, value_system, assessment_tool, tick_box -> 4, 4, 3, (reversed) 4
    const al = (k: string) => a.main![`al|practice_model_endorsement|${k}`];
    assert.deepEqual([al('n'), al('s|0'), al('s|2'), al('s|3')], [1, 4, 3, 4]);
    assert.deepEqual([al('x|0|3'), al('x|2|3'), al('x|3|3'), al('x|1|2')], [16, 12, 16, 12]);
    assert.equal(al('x|3|0'), undefined, 'only i <= j is kept');
    // js_facets: workload 2 × supervision 4 = 8; pay 2 × pay 2 = 4
    assert.deepEqual(
      [a.main!['al|js_facets|n'], a.main!['al|js_facets|x|0|1'], a.main!['al|js_facets|x|6|6']],
      [1, 8, 4],
    );
    // single-item scales have no alpha
    assert.equal(a.main!['al|js_overall|n'], undefined);
  });

  test('when any item of a scale is missing, then the response is not a complete case for alpha', () => {
    assert.deepEqual(
      Object.keys(b.main!).filter((k) => k.startsWith('al|')),
      [],
    );
  });

  test('when items are answered, then each answer counts under its raw option, matrix rows as question:row', () => {
    assert.equal(a.main!['it|js_overall|4'], 1);
    assert.equal(a.main!['it|js_facets:workload|2'], 1);
    assert.equal(a.main!['it|practice_model:tick_box|2'], 1, 'the raw answer, not the reversed score');
    assert.equal(a.main!['it|leave_looking|prefer_not_to_say'], 1);
    assert.equal(b.main!['it|js_facets:workload|5'], 1);
    assert.deepEqual(
      Object.keys(b.main!).filter(
        (k) => k.startsWith('it|js_facets:pay|') || k.startsWith('it|practice_model:assessment_tool|'),
      ),
      [],
    );
    assert.deepEqual(
      Object.keys(a.main!).filter((k) => k.startsWith('it|demo_')),
      [],
      'demographics are counted as bands, not items',
    );
  });

  test('when a flag answer is in excludeFromBase, then it adds neither to the count nor to the base', () => {
    for (const flag of ['actively_looking', 'caseload_over_20']) {
      assert.equal(a.main![`fl|${flag}|n`], undefined, flag);
      assert.equal(a.main![`fl|${flag}|x`], undefined, flag);
      assert.deepEqual([b.main![`fl|${flag}|n`], b.main![`fl|${flag}|x`]], [1, 1], flag);
    }
  });

  test('when a flag is answered, then the base counts it and the count only when the answer is a flag value', () => {
    const fl = (m: Record<string, number>, id: string) => [m[`fl|${id}|n`], m[`fl|${id}|x`]];
    assert.deepEqual(fl(a.main!, 'expects_to_leave_council_2y'), [1, 1]);
    assert.deepEqual(fl(a.main!, 'expects_to_leave_social_work_2y'), [1, undefined]);
    assert.deepEqual(fl(a.main!, 'supervision_less_than_monthly'), [1, 1]);
    assert.deepEqual(fl(a.main!, 'intends_to_leave_12m'), [1, undefined]);
    assert.deepEqual(fl(b.main!, 'intends_to_leave_12m'), [1, 1]);
    // the tick-box flag reads the raw answer: 2 is not agreement, 5 is, 1 is not
    assert.deepEqual(fl(a.main!, 'practice_model_tick_box'), [1, undefined]);
    assert.deepEqual(fl(b.main!, 'practice_model_tick_box'), [1, 1]);
    assert.deepEqual(fl(c.main!, 'practice_model_tick_box'), [1, undefined]);
  });

  test('when demographics are answered or skipped, then the band (or "unanswered") repeats n, scales and flags', () => {
    const role = a['bd:demo_role']!;
    assert.equal(role['bd|demo_role|team_manager|n'], 1);
    assert.equal(role['bd|demo_role|team_manager|sc|js_overall|s'], 4);
    assert.equal(role['bd|demo_role|team_manager|sc|practice_model_endorsement|q'], 14.0625);
    assert.equal(role['bd|demo_role|team_manager|fl|expects_to_leave_council_2y|x'], 1);
    assert.equal(role['bd|demo_role|team_manager|fl|actively_looking|n'], undefined);
    assert.ok(Object.keys(role).every((k) => k.startsWith('bd|demo_role|team_manager|')));
    assert.equal(a['bd:demo_years_in_role']!['bd|demo_years_in_role|unanswered|n'], 1);
    assert.equal(a['bd:demo_employment']!['bd|demo_employment|agency|n'], 1);
    assert.equal(b['bd:demo_role']!['bd|demo_role|prefer_not_to_say|n'], 1);
  });

  test('when counters are made, then no key holds "." or starts with "$"', () => {
    const keys = [a, b, c].flatMap((parts) => Object.values(parts).flatMap(Object.keys));
    assert.deepEqual(
      keys.filter((k) => k.includes('.') || k.startsWith('$')),
      [],
    );
  });
});

describe('addParts and mergeCounters', () => {
  test('when two responses are added part by part, then every counter is the sum of the two', () => {
    const a = responseCounters(staffWellbeing, full, DAY);
    const b = responseCounters(staffWellbeing, partial, DAY);
    const bBefore = structuredClone(b);
    const into = responseCounters(staffWellbeing, full, DAY);
    assert.equal(addParts(into, b), into, 'adds in place');
    assert.deepEqual(b, bBefore, 'leaves the added parts alone');
    assert.equal(into.main!.n, 2);
    assert.equal(into.main![`d|${DAY}`], 2);
    // js_overall 4 and 2: s = 6, q = 16 + 4 = 20; js_facets 3 and 4: s = 7, q = 9 + 16 = 25
    assert.deepEqual([into.main!['sc|js_overall|s'], into.main!['sc|js_overall|q']], [6, 20]);
    assert.deepEqual(
      [into.main!['sc|js_facets|n'], into.main!['sc|js_facets|s'], into.main!['sc|js_facets|q']],
      [2, 7, 25],
    );
    // practice 3.75 and 2: s = 5.75, q = 14.0625 + 4 = 18.0625; alpha still only A's complete case
    assert.deepEqual(
      [into.main!['sc|practice_model_endorsement|s'], into.main!['sc|practice_model_endorsement|q']],
      [5.75, 18.0625],
    );
    assert.equal(into.main!['al|practice_model_endorsement|n'], a.main!['al|practice_model_endorsement|n']);
    assert.deepEqual([into.main!['fl|actively_looking|n'], into.main!['fl|actively_looking|x']], [1, 1]);
    assert.equal(into['bd:demo_role']!['bd|demo_role|team_manager|n'], 1);
    assert.equal(into['bd:demo_role']!['bd|demo_role|prefer_not_to_say|n'], 1);
  });

  test('when parts are added into an empty set, then missing parts are created', () => {
    assert.deepEqual(addParts({}, { main: { n: 1, 'it|x|1': 2 } }), { main: { n: 1, 'it|x|1': 2 } });
  });

  test('when counters are merged, then shared keys add up and the rest are kept', () => {
    assert.deepEqual(mergeCounters([{ n: 1, 'it|x|1': 2 }, { n: 2, 'd|2025-01-01': 2 }, {}]), {
      n: 3,
      'it|x|1': 2,
      'd|2025-01-01': 2,
    });
    assert.deepEqual(mergeCounters([]), {});
  });

  test('when one response’s parts are merged, then nothing is lost, as part keys never overlap', () => {
    const parts = responseCounters(staffWellbeing, full, DAY);
    const merged = mergeCounters(Object.values(parts));
    const total = Object.values(parts).reduce((s, p) => s + Object.keys(p).length, 0);
    assert.equal(Object.keys(merged).length, total);
    assert.equal(merged.n, 1);
    assert.equal(merged['bd|demo_role|team_manager|n'], 1);
  });

  test('when responses are counted as a batch, then the parts equal each counted alone and added', () => {
    const batch = counterTally(staffWellbeing);
    for (const answers of [full, partial, sparse, full]) batch.add(answers, DAY);
    const added = [full, partial, sparse, full].reduce<CounterParts>(
      (sum, answers) => addParts(sum, responseCounters(staffWellbeing, answers, DAY)),
      {},
    );
    assert.deepEqual(batch.parts(), added);
    // hand-worked: js_overall 4, 2, 3 (the required default), 4: n = 4, s = 13, q = 16 + 4 + 9 + 16 = 45
    assert.deepEqual(
      ['n', 's', 'q'].map((k) => batch.parts().main![`sc|js_overall|${k}`]),
      [4, 13, 45],
    );
  });

  // counters are added up by slot (counter-plan.ts), and a slot is given on a key's first use
  test('when a batch meets a day and an option first met by a batch started after it, then both count them', () => {
    const first = counterTally(staffWellbeing);
    first.add(full, DAY);
    const second = counterTally(staffWellbeing);
    const other = { ...partial, js_overall: 1 };
    second.add(other, '2031-05-06');
    first.add(other, '2031-05-06');
    const expected = addParts(
      responseCounters(staffWellbeing, full, DAY),
      responseCounters(staffWellbeing, other, '2031-05-06'),
    );
    assert.deepEqual(first.parts(), expected);
    assert.equal(first.parts().main!['d|2031-05-06'], 1);
    assert.equal(first.parts().main!['it|js_overall|1'], 1);
    assert.equal(first.parts().ex!['t|prefer_not_to_say|unanswered|unanswered|unanswered|2031-05'], 1);
    assert.deepEqual(second.parts(), responseCounters(staffWellbeing, other, '2031-05-06'));
    assert.deepEqual(counterTally(staffWellbeing).parts(), {});
  });
});

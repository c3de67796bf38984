import { clampRound, normal, pick, type Rng } from './random.js';

// One synthetic respondent. A latent "doing well" score z drives the answers, so the demo
// shows plausible links: heavier workload → lower satisfaction → more intention to leave.
export function syntheticAnswers(rng: Rng, shift: number): Record<string, unknown> {
  const workload = normal(rng);
  const z = shift - 0.3 * workload + normal(rng) * 0.8;
  const likert = (centre: number, weight: number) => clampRound(centre + weight * z + normal(rng) * 0.7, 1, 5);
  const tenPoint = (centre: number, weight: number) => clampRound(centre + weight * z + normal(rng) * 1.2, 0, 10);
  const leaveIntent = clampRound(2.8 - 0.9 * z + normal(rng) * 0.7, 1, 5);
  const a: Record<string, unknown> = {
    js_overall: likert(3.3, 0.9),
    js_facets: {
      workload: clampRound(2.7 - 0.9 * workload + 0.3 * z + normal(rng) * 0.5, 1, 5),
      supervision: likert(3.5, 0.6),
      team_support: likert(3.9, 0.6),
      management: likert(3.0, 0.7),
      development: likert(3.2, 0.6),
      recognition: likert(2.9, 0.7),
      pay: likert(2.6, 0.4),
    },
    ons_life_satisfaction: tenPoint(6.6, 1.1),
    ons_worthwhile: tenPoint(7.4, 0.8),
    ons_happy_yesterday: tenPoint(6.3, 1.2),
    ons_anxious_yesterday: tenPoint(4.0, -1.3),
    leave_intent_12m: leaveIntent,
    leave_looking:
      leaveIntent >= 4
        ? pick(rng, ['yes', 'no', 'prefer_not_to_say'], [6, 3, 1])
        : pick(rng, ['yes', 'no', 'prefer_not_to_say'], [1, 8, 1]),
    two_year_plan:
      leaveIntent >= 4
        ? pick(
            rng,
            ['same_council', 'another_council', 'agency_work', 'left_social_work', 'dont_know'],
            [1, 4, 2, 2, 1],
          )
        : pick(
            rng,
            ['same_council', 'another_council', 'agency_work', 'left_social_work', 'retired', 'dont_know'],
            [12, 2, 1, 1, 1, 3],
          ),
    turnover_team: pick(
      rng,
      ['yes', 'no', 'dont_know'],
      [3 - z, 4 + z, 1].map((w) => Math.max(0.2, w)),
    ),
    turnover_authority: pick(
      rng,
      ['yes', 'no', 'dont_know'],
      [4 - z, 3 + z, 2].map((w) => Math.max(0.2, w)),
    ),
    caseload_children: pick(
      rng,
      ['none', '1_10', '11_15', '16_20', '21_25', '26_30', 'over_30'],
      [1, 3, 6, 6, 4, 2, 1].map((w, i) => w * Math.max(0.1, 1 + (i - 3) * 0.15 * workload)),
    ),
    supervision_frequency: pick(
      rng,
      ['weekly_or_more', 'every_2_weeks', 'every_3_4_weeks', 'every_5_8_weeks', 'less_often', 'never'],
      [1, 4, 8, 3, 1, 0.2],
    ),
    practice_model: {
      framework: likert(3.6, 0.5),
      value_system: likert(3.4, 0.5),
      assessment_tool: likert(3.2, 0.4),
      tick_box: likert(2.8, -0.5),
    },
    recommend_employer: tenPoint(6.0, 1.5),
  };
  const demographics: [string, string[], number[]][] = [
    [
      'demo_role',
      [
        'asye',
        'social_worker',
        'senior_practitioner',
        'team_manager',
        'senior_manager',
        'other_role',
        'prefer_not_to_say',
      ],
      [2, 9, 4, 2, 0.5, 0.5, 1],
    ],
    ['demo_years_in_role', ['under_1', '1_2', '3_5', '6_10', 'over_10', 'prefer_not_to_say'], [2, 4, 4, 3, 2, 1]],
    ['demo_employment', ['permanent', 'fixed_term', 'agency', 'prefer_not_to_say'], [14, 1, 3, 1]],
    ['demo_working_pattern', ['full_time', 'part_time', 'prefer_not_to_say'], [8, 2, 0.5]],
  ];
  for (const [name, values, weights] of demographics) if (rng() < 0.9) a[name] = pick(rng, values, weights);
  return a;
}

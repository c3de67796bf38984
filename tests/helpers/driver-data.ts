import { buildAnswers } from './factories.js';

// A seeded generator, so a failure can be replayed.
export function generator(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const CASELOADS = ['1_10', '11_15', '16_20', '21_25', '26_30', 'over_30'];
const SUPERVISION = ['weekly_or_more', 'every_2_weeks', 'every_3_4_weeks', 'every_5_8_weeks', 'less_often', 'never'];

// Answers whose job satisfaction and intention to leave follow a "climate" and the workload and
// recognition facets, with plenty of noise; about one in twelve holds no caseload (outside the
// caseload flag's base, so outside the driver analysis).
export function driverAnswers(random: () => number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));
  const climate = random() * 2 - 1;
  const facet = (lift = 0) => clamp(3 + climate + lift + (random() - 0.5) * 3, 1, 5);
  const workload = facet();
  const recognition = facet();
  const wellbeing = (shift: number) => clamp(6 + 2 * climate + shift + (random() - 0.5) * 6, 0, 10);
  return buildAnswers({
    js_overall: clamp(0.5 + 0.4 * workload + 0.3 * recognition + (random() - 0.5) * 3, 1, 5),
    js_facets: {
      workload,
      supervision: facet(0.3),
      team_support: facet(0.5),
      management: facet(),
      development: facet(),
      recognition,
      pay: facet(-0.5),
    },
    ons_life_satisfaction: wellbeing(1),
    ons_worthwhile: wellbeing(1.5),
    ons_happy_yesterday: wellbeing(0.5),
    ons_anxious_yesterday: clamp(4 - 2 * climate + (random() - 0.5) * 6, 0, 10),
    leave_intent_12m: clamp(5.5 - 0.5 * workload - 0.4 * recognition + (random() - 0.5) * 5, 1, 5),
    caseload_children: random() < 0.08 ? 'none' : pick(CASELOADS),
    supervision_frequency: pick(SUPERVISION),
    practice_model: { framework: facet(), value_system: facet(), assessment_tool: facet(), tick_box: facet() },
  });
}

// The answers driverAnswers writes, as the columns below read them.
type Answers = {
  js_overall: number;
  js_facets: Record<
    'workload' | 'supervision' | 'team_support' | 'management' | 'development' | 'recognition' | 'pay',
    number
  >;
  ons_life_satisfaction: number;
  ons_worthwhile: number;
  ons_happy_yesterday: number;
  ons_anxious_yesterday: number;
  leave_intent_12m: number;
  caseload_children: string;
  supervision_frequency: string;
  practice_model: Record<'framework' | 'value_system' | 'assessment_tool' | 'tick_box', number>;
};

// The same driver values the survey file defines, worked out here independently of the server.
export const DRIVER_COLUMNS: Record<string, (a: Answers) => number | null> = {
  js_workload: (a) => a.js_facets.workload,
  js_supervision: (a) => a.js_facets.supervision,
  js_team_support: (a) => a.js_facets.team_support,
  js_management: (a) => a.js_facets.management,
  js_development: (a) => a.js_facets.development,
  js_recognition: (a) => a.js_facets.recognition,
  js_pay: (a) => a.js_facets.pay,
  ons_life_satisfaction: (a) => a.ons_life_satisfaction,
  ons_worthwhile: (a) => a.ons_worthwhile,
  ons_happiness: (a) => a.ons_happy_yesterday,
  ons_anxiety: (a) => a.ons_anxious_yesterday,
  practice_model_endorsement: (a) => {
    const p = a.practice_model;
    return (p.framework + p.value_system + p.assessment_tool + (6 - p.tick_box)) / 4;
  },
  caseload_over_20: (a) =>
    a.caseload_children === 'none' ? null : ['21_25', '26_30', 'over_30'].includes(a.caseload_children) ? 1 : 0,
  supervision_less_than_monthly: (a) =>
    ['every_5_8_weeks', 'less_often', 'never'].includes(a.supervision_frequency) ? 1 : 0,
};

export const OUTCOME_COLUMNS: Record<string, (a: Answers) => number> = {
  js_overall: (a) => a.js_overall,
  intends_to_leave_12m: (a) => (a.leave_intent_12m >= 4 ? 1 : 0),
};

// CSV of the complete cases: one column per driver, then y.
export function driverCsv(answers: Record<string, unknown>[], outcome: string): string {
  const names = Object.keys(DRIVER_COLUMNS);
  const rows = answers
    .map((a) => a as unknown as Answers)
    .map((a) => [...names.map((n) => DRIVER_COLUMNS[n]!(a)), OUTCOME_COLUMNS[outcome]!(a)])
    .filter((row) => row.every((v) => v !== null));
  return [[...names, 'y'].join(','), ...rows.map((r) => r.join(','))].join('\n');
}

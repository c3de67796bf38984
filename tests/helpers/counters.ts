import { counterTally, mergeCounters, type Counters } from '../../server/tally/counters.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';

export const staffWellbeing = createSurveyRegistry().get('staff-wellbeing', 1);

export const DAY = '2025-03-03';

// The answers every required question needs; a test adds the optional ones it cares about.
export function requiredAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    js_overall: 3,
    js_facets: { workload: 3, supervision: 3, team_support: 3, management: 3, development: 3, recognition: 3, pay: 3 },
    leave_intent_12m: 2,
    leave_looking: 'no',
    two_year_plan: 'same_council',
    turnover_team: 'no',
    turnover_authority: 'no',
    caseload_children: '11_15',
    supervision_frequency: 'every_2_weeks',
    recommend_employer: 6,
    ...overrides,
  };
}

// A group's merged counters, as the summary service reads them (all parts added together).
export function countersOf(responses: { answers: Record<string, unknown>; day?: string }[]): Counters {
  const batch = counterTally(staffWellbeing);
  for (const r of responses) batch.add(r.answers, r.day ?? DAY);
  return mergeCounters(Object.values(batch.parts()));
}

export const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

// Every key anywhere in a JSON value, to prove a count is not published under any name.
export function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysIn(v)]);
  return [];
}

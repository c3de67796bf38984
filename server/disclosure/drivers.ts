import { assertDriverMinimum, reachesMinimum } from './suppression.js';

export { assertDriverMinimum };

// Whether a driver analysis (correlations and a multivariable model of an outcome on its
// candidate drivers) may be published for a group: a council × wave or an arm in a wave.
// 1. Only published results (a minute after closing, publication.ts), so one request cannot be
//    set against a later one that counted another respondent.
// 2. Only when the responses read are exactly those the published counters counted: anything
//    stored since (an import into a closed wave) would otherwise enter a figure a reader could set
//    against the published summary.
// 3. Only over at least the driver minimum (DRIVER_MIN_GROUP_SIZE, never below the minimum group
//    size) of complete answers: the model's own base, which is smaller than the group's.
// 4. An arm gathers only councils whose own published count reaches the minimum group size
//    (summary rule 7) and whose complete answers, for every outcome, are none or reach it too: an
//    arm's analysis sample less any one council's (whose own analysis may be published) is then a
//    sum of at least the minimum, never the few who completed every driver in a small council.
export type DriverRefusal = 'not-published' | 'changed-since-publication' | 'below-driver-minimum';

export function driverGroupRefusal(group: {
  published: boolean;
  storedMatchesPublished: boolean;
}): DriverRefusal | null {
  if (!group.published) return 'not-published';
  return group.storedMatchesPublished ? null : 'changed-since-publication';
}

export const driverBaseShown = (completeAnswers: number, driverMin: number, min: number): boolean => {
  assertDriverMinimum(driverMin, min);
  return reachesMinimum(completeAnswers, driverMin);
};

export const councilJoinsArmDrivers = (publishedN: number, completeByOutcome: readonly number[], min: number) =>
  reachesMinimum(publishedN, min) && completeByOutcome.every((n) => n === 0 || reachesMinimum(n, min));

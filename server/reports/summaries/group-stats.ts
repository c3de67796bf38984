import { reachesMinimum } from '../../disclosure/suppression.js';
import { scaleFamilyShown } from '../../disclosure/scales.js';
import { summariseMoments } from '../../stats/descriptive.js';
import { wilson95 } from '../../stats/proportions.js';
import type { Scale, SurveyDefinition } from '../../surveys/definition.js';
import { labelsOf } from '../../surveys/presentation.js';
import type { Counters } from '../../tally/counters.js';
import { flagAt, momentsAt, scaleBasesAt } from '../../tally/read-counters.js';

export const suppressed = (min: number) => ({ suppressed: true as const, note: `fewer than ${min} responses` });

// Whether a scale's family (mean, alpha, breakdowns, arm figures) may be published for a group,
// decided on the group's main counters: see disclosure/scales.ts.
export const scaleShown = (main: Counters, scale: Pick<Scale, 'id' | 'items'>, min: number) =>
  scaleFamilyShown(scaleBasesAt(main, scale), min);

// Every statistic needs its own base of at least the minimum group, not just its group. `main`
// holds the whole group's counters (for the scale family rule); `prefix` picks a band in `c`.
export function scaleStats(def: SurveyDefinition, c: Counters, prefix: string, min: number, main: Counters = c) {
  return def.scales.map((scale) => {
    const m = momentsAt(c, prefix, scale.id);
    if (!reachesMinimum(m.n, min) || !scaleShown(main, scale, min))
      return { id: scale.id, ...labelsOf(scale), range: scale.range, ...suppressed(min) };
    const { n, mean, sd, ci95 } = summariseMoments(m);
    return { id: scale.id, ...labelsOf(scale), range: scale.range, suppressed: false as const, n, mean, sd, ci95 };
  });
}

export function proportionStats(def: SurveyDefinition, c: Counters, prefix: string, min: number) {
  return def.flags.map((flag) => {
    const { x, n } = flagAt(c, prefix, flag.id);
    if (!reachesMinimum(n, min)) return { id: flag.id, ...labelsOf(flag), ...suppressed(min) };
    const w = wilson95(x, n)!;
    return { id: flag.id, ...labelsOf(flag), suppressed: false as const, x, n, p: w.p, ci95: w.ci95 };
  });
}

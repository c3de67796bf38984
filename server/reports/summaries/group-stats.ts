import { reachesMinimum } from '../../disclosure/suppression.js';
import { summariseMoments } from '../../stats/descriptive.js';
import { wilson95 } from '../../stats/proportions.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import type { Counters } from '../../tally/counters.js';
import { flagAt, momentsAt } from '../../tally/read-counters.js';

export const suppressed = (min: number) => ({ suppressed: true as const, note: `fewer than ${min} responses` });

// Every statistic needs its own base of at least the minimum group, not just its group.
export function scaleStats(def: SurveyDefinition, c: Counters, prefix: string, min: number) {
  return def.scales.map((scale) => {
    const m = momentsAt(c, prefix, scale.id);
    if (!reachesMinimum(m.n, min)) return { id: scale.id, label: scale.label, range: scale.range, ...suppressed(min) };
    const { n, mean, sd, ci95 } = summariseMoments(m);
    return { id: scale.id, label: scale.label, range: scale.range, suppressed: false as const, n, mean, sd, ci95 };
  });
}

export function proportionStats(def: SurveyDefinition, c: Counters, prefix: string, min: number) {
  return def.flags.map((flag) => {
    const { x, n } = flagAt(c, prefix, flag.id);
    if (!reachesMinimum(n, min)) return { id: flag.id, label: flag.label, ...suppressed(min) };
    const w = wilson95(x, n)!;
    return { id: flag.id, label: flag.label, suppressed: false as const, x, n, p: w.p, ci95: w.ci95 };
  });
}

import type { Interval } from '../../stats/tdist.js';
import { Z_95 } from '../../stats/proportions.js';

type Counts = { x: number; n: number };

// Difference-in-differences of proportions: (p_pilot,after − p_pilot,before) − (p_comp,after −
// p_comp,before), with a normal-approximation 95% CI from the four independent binomial variances.
export function proportionDiD(
  pilot: { before: Counts; after: Counts },
  comparison: { before: Counts; after: Counts },
): { estimate: number; se: number; ci95: Interval } | null {
  const groups = [pilot.after, pilot.before, comparison.after, comparison.before];
  if (groups.some((g) => g.n === 0)) return null;
  const p = groups.map((g) => g.x / g.n);
  const estimate = p[0]! - p[1]! - (p[2]! - p[3]!);
  const se = Math.sqrt(groups.reduce((s, g, i) => s + (p[i]! * (1 - p[i]!)) / g.n, 0));
  return { estimate, se, ci95: [estimate - Z_95 * se, estimate + Z_95 * se] };
}

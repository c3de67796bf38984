import { alphaFromAccumulator } from '../stats/alpha.js';
import { successiveSafe } from '../stats/suppression.js';
import type { SurveyDefinition } from '../surveys/definition.js';
import { breakdowns } from './breakdowns.js';
import type { Counters } from './counters.js';
import { summaryLayout } from './layout.js';
import { enough, proportionStats, scaleStats, suppressed } from './group-stats.js';
import { alphaAt, count, dayCounts, medianOfCounts } from './read-counters.js';

export type ReportOptions = { minGroupSize: number; headcount?: number | null };

// Cumulative responses by day, published only at points where the rise since the last
// published point is 0 or at least the minimum group (suppression rule 6).
function progress(c: Counters, min: number) {
  const points: { day: string; cumulative: number }[] = [];
  let cumulative = 0;
  let published = 0;
  for (const [day, n] of dayCounts(c)) {
    cumulative += n;
    if (cumulative !== published && successiveSafe(published, cumulative, min)) {
      points.push({ day, cumulative });
      published = cumulative;
    }
  }
  return points;
}

// A council × wave (or any merged group) as published: nothing at all below the minimum group.
export function buildReport(def: SurveyDefinition, c: Counters, { minGroupSize: min, headcount }: ReportOptions) {
  const n = count(c, 'n');
  const survey = { id: def.id, version: def.version };
  if (n === 0) return { survey, minGroupSize: min, responses: { suppressed: false as const, n: 0, headcount: headcount ?? null, rate: headcount ? 0 : null, progress: [] } };
  if (!enough(n, min)) return { survey, minGroupSize: min, responses: { ...suppressed(min), headcount: headcount ?? null } };
  const items = summaryLayout(def).items.map((item) => {
    const options = item.options.map((value) => ({ value, n: count(c, `it|${item.ref}|${value}`) }));
    const answered = options.reduce((s, o) => s + o.n, 0);
    if (!enough(answered, min)) return { ref: item.ref, ...suppressed(min) };
    return { ref: item.ref, suppressed: false as const, answered, median: item.multi ? null : medianOfCounts(options), options };
  });
  const alpha = def.scales.filter((s) => s.items.length >= 2).map((s) => {
    const acc = alphaAt(c, s.id, s.items.length);
    return enough(acc.n, min) ? { scale: s.id, ...alphaFromAccumulator(acc) } : { scale: s.id, ...suppressed(min) };
  });
  return {
    survey, minGroupSize: min,
    responses: { suppressed: false as const, n, headcount: headcount ?? null, rate: headcount ? Math.min(1, n / headcount) : null, progress: progress(c, min) },
    scales: scaleStats(def, c, '', min), alpha, proportions: proportionStats(def, c, '', min), items,
    breakdowns: breakdowns(def, c, min),
  };
}

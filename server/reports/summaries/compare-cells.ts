import { reachesMinimum } from '../../disclosure/suppression.js';
import { alphaReading } from '../../stats/alpha.js';
import {
  differenceInDifferences,
  differenceOfMeans,
  differenceOfProportions,
  proportionContrast,
  waveChange,
} from '../../stats/comparisons.js';
import { EMPTY_MOMENTS, mergeMoments, summariseMoments, type Moments } from '../../stats/descriptive.js';
import { wilson95 } from '../../stats/proportions.js';
import { clusteredComparison, councilLevelComparison, type Arm, type CouncilSeries } from './compare.js';

export type Measure = {
  id: string;
  label: string;
  labelCy?: string;
  kind: 'scale' | 'proportion';
  higherIsBetter: boolean | null;
  range?: readonly [number, number];
  series: CouncilSeries[]; // every council compared, baseline first
};

function scaleCell(m: Moments, min: number) {
  if (!reachesMinimum(m.n, min)) return { suppressed: true as const };
  const { n, mean, sd, ci95 } = summariseMoments(m);
  return { suppressed: false as const, n, mean, sd, ci95 };
}

// A flag's moments are its 0/1 answers: sum = sum of squares = the count saying yes.
function proportionCell(m: Moments, min: number) {
  if (!reachesMinimum(m.n, min)) return { suppressed: true as const };
  const w = wilson95(m.sum, m.n)!;
  return { suppressed: false as const, x: m.sum, n: m.n, p: w.p, ci95: w.ci95 };
}

const counts = (m: Moments) => ({ x: m.sum, n: m.n });

// The figures that treat every respondent as independent: kept as a secondary table.
const independent = {
  scale: {
    cell: scaleCell,
    difference: differenceOfMeans,
    change: (before: Moments, after: Moments) => waveChange({ w1: before, w2: after }),
    did: (p: Moments[], c: Moments[]) => differenceInDifferences({ w1: p[0]!, w2: p[1]! }, { w1: c[0]!, w2: c[1]! }),
  },
  proportion: {
    cell: proportionCell,
    difference: (a: Moments, b: Moments) => differenceOfProportions(counts(a), counts(b)),
    change: (before: Moments, after: Moments) =>
      proportionContrast([
        { counts: counts(after), weight: 1 },
        { counts: counts(before), weight: -1 },
      ]),
    did: (p: Moments[], c: Moments[]) =>
      proportionContrast([
        { counts: counts(p[1]!), weight: 1 },
        { counts: counts(p[0]!), weight: -1 },
        { counts: counts(c[1]!), weight: -1 },
        { counts: counts(c[0]!), weight: 1 },
      ]),
  },
};

// Only councils whose own base for this measure reaches the minimum in every wave compared take
// part, so the arm figures add up exactly the councils listed with it (and the same councils in
// both waves of a difference-in-differences).
export function compareMeasure(measure: Measure, min: number) {
  const members = measure.series.filter((s) => s.periods.every((p) => reachesMinimum(p.n, min)));
  const periods = (measure.series[0]?.periods.length ?? 1) as 1 | 2;
  const arm = (a: Arm) =>
    Array.from({ length: periods }, (_, w) =>
      members
        .filter((s) => s.arm === a)
        .map((s) => s.periods[w]!)
        .reduce(mergeMoments, EMPTY_MOMENTS),
    );
  const [p, c] = [arm('pilot'), arm('comparison')];
  const f = independent[measure.kind];
  const ok = (...ms: Moments[]) => ms.every((m) => reachesMinimum(m.n, min));
  const cell = (m: Moments) => (measure.kind === 'scale' ? { id: measure.id, ...f.cell(m, min) } : f.cell(m, min));
  const at = (w: number) => ({
    pilot: cell(p[w]!),
    comparison: cell(c[w]!),
    difference: ok(p[w]!, c[w]!) ? f.difference(p[w]!, c[w]!) : null,
  });
  const two = periods === 2;
  return {
    id: measure.id,
    label: measure.label,
    ...(measure.labelCy ? { labelCy: measure.labelCy } : {}),
    ...(measure.range ? { range: measure.range } : {}),
    higherIsBetter: measure.higherIsBetter,
    councils: {
      pilot: members.filter((s) => s.arm === 'pilot').map((s) => s.code),
      comparison: members.filter((s) => s.arm === 'comparison').map((s) => s.code),
      leftOutBelowMinimum: measure.series.filter((s) => !members.includes(s)).map((s) => s.code),
    },
    clustered: clusteredComparison(members, periods),
    councilLevel: councilLevelComparison(members),
    wave: at(periods - 1),
    baseline: two ? at(0) : null,
    change: two
      ? {
          pilot: ok(...p) ? f.change(p[0]!, p[1]!) : null,
          comparison: ok(...c) ? f.change(c[0]!, c[1]!) : null,
        }
      : null,
    differenceInDifferences: two && ok(...p, ...c) ? f.did(p, c) : null,
  };
}

export function withAlpha<T>(result: T, alpha: { alpha: number; n: number } | null, min: number) {
  if (!alpha || !reachesMinimum(alpha.n, min)) return { ...result, alpha: null };
  return { ...result, alpha: { ...alpha, reading: alphaReading(alpha.alpha) } };
}

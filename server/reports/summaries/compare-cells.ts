import { EMPTY_MOMENTS, mergeMoments, summariseMoments, type Moments } from '../../stats/descriptive.js';
import { wilson95 } from '../../stats/proportions.js';
import type { Flag, Scale } from '../../surveys/definition.js';
import { proportionDiD } from './compare.js';
import type { Counters } from '../../tally/counters.js';
import { flagAt, momentsAt } from '../../tally/read-counters.js';
import { reachesMinimum } from '../../disclosure/suppression.js';
import { scaleShown } from './group-stats.js';

export type ArmWave = { included: string[]; excluded: string[]; byCouncil: Map<string, Counters> };

// An arm's figure for a statistic adds up only the councils whose own base for that statistic
// reaches the minimum — exactly the councils shown with it — so an arm figure minus the councils
// shown is always 0, never a council (or part of one) that is suppressed on its own.
export function armMoments(a: ArmWave | null, scale: Pick<Scale, 'id' | 'items'>, min: number): Moments {
  if (!a) return EMPTY_MOMENTS;
  return a.included
    .map((code) => a.byCouncil.get(code)!)
    .filter((c) => scaleShown(c, scale, min))
    .map((c) => momentsAt(c, '', scale.id))
    .reduce(mergeMoments, EMPTY_MOMENTS);
}

export function armFlag(a: ArmWave | null, flag: string, min: number): { x: number; n: number } {
  if (!a) return { x: 0, n: 0 };
  return a.included
    .map((code) => flagAt(a.byCouncil.get(code)!, '', flag))
    .filter((f) => reachesMinimum(f.n, min))
    .reduce((s, f) => ({ x: s.x + f.x, n: s.n + f.n }), { x: 0, n: 0 });
}

export function scaleCell(id: string, m: Moments, min: number) {
  if (!reachesMinimum(m.n, min)) return { id, suppressed: true as const };
  const { n, mean, sd, ci95 } = summariseMoments(m);
  return { id, suppressed: false as const, n, mean, sd, ci95 };
}

function proportionCell(c: { x: number; n: number }, min: number) {
  if (!reachesMinimum(c.n, min)) return { suppressed: true as const };
  const w = wilson95(c.x, c.n)!;
  return { suppressed: false as const, x: c.x, n: c.n, p: w.p, ci95: w.ci95 };
}

type Arms = { pilot: ArmWave; comparison: ArmWave };
type DiffFn = (a: { x: number; n: number }, b: { x: number; n: number }) => unknown;

export function compareFlag(flag: Flag, now: Arms, before: Arms | null, min: number, difference: DiffFn) {
  const [pw, cw] = [armFlag(now.pilot, flag.id, min), armFlag(now.comparison, flag.id, min)];
  const ok = (...cs: { n: number }[]) => cs.every((c) => reachesMinimum(c.n, min));
  const pb = before ? armFlag(before.pilot, flag.id, min) : null;
  const cb = before ? armFlag(before.comparison, flag.id, min) : null;
  return {
    id: flag.id,
    label: flag.label,
    wave: {
      pilot: proportionCell(pw, min),
      comparison: proportionCell(cw, min),
      difference: ok(pw, cw) ? difference(pw, cw) : null,
    },
    baseline:
      pb && cb
        ? {
            pilot: proportionCell(pb, min),
            comparison: proportionCell(cb, min),
            difference: ok(pb, cb) ? difference(pb, cb) : null,
          }
        : null,
    differenceInDifferences:
      pb && cb && ok(pw, cw, pb, cb) ? proportionDiD({ before: pb, after: pw }, { before: cb, after: cw }) : null,
  };
}

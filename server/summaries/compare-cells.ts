import type { Moments } from '../stats/descriptive.js';
import { summariseMoments } from '../stats/descriptive.js';
import { wilson95 } from '../stats/proportions.js';
import { enough } from './group-stats.js';
import type { Flag } from '../surveys/definition.js';
import { proportionDiD } from './compare.js';
import type { Counters } from './counters.js';
import { flagAt } from './read-counters.js';

export function scaleCell(id: string, m: Moments, min: number) {
  if (!enough(m.n, min)) return { id, suppressed: true as const };
  const { n, mean, sd, ci95 } = summariseMoments(m);
  return { id, suppressed: false as const, n, mean, sd, ci95 };
}

function proportionCell(c: { x: number; n: number }, min: number) {
  if (!enough(c.n, min)) return { suppressed: true as const };
  const w = wilson95(c.x, c.n)!;
  return { suppressed: false as const, x: c.x, n: c.n, p: w.p, ci95: w.ci95 };
}

type Arms = { pilot: { counters: Counters }; comparison: { counters: Counters } };
type DiffFn = (a: { x: number; n: number }, b: { x: number; n: number }) => unknown;

export function compareFlag(flag: Flag, now: Arms, before: Arms | null, min: number, difference: DiffFn) {
  const pw = flagAt(now.pilot.counters, '', flag.id);
  const cw = flagAt(now.comparison.counters, '', flag.id);
  const ok = (...cs: { n: number }[]) => cs.every((c) => enough(c.n, min));
  const pb = before ? flagAt(before.pilot.counters, '', flag.id) : null;
  const cb = before ? flagAt(before.comparison.counters, '', flag.id) : null;
  return {
    id: flag.id, label: flag.label,
    wave: { pilot: proportionCell(pw, min), comparison: proportionCell(cw, min), difference: ok(pw, cw) ? difference(pw, cw) : null },
    baseline: pb && cb ? { pilot: proportionCell(pb, min), comparison: proportionCell(cb, min), difference: ok(pb, cb) ? difference(pb, cb) : null } : null,
    differenceInDifferences: pb && cb && ok(pw, cw, pb, cb) ? proportionDiD({ before: pb, after: pw }, { before: cb, after: cw }) : null,
  };
}

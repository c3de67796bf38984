// How much councils differ beyond their respondents, and what that costs a comparison.
import type { ClusterCell } from './clustered.js';
import { studentTQuantile } from './tdist.js';

export type Icc = { icc: number; designEffect: number; averageClusterSize: number; groups: number };

// One-way ANOVA estimate of the intra-cluster correlation, with each council × wave as a group
// nested in its arm × wave cell (so arm and wave differences are not counted as clustering):
//   MSW = Σ (sumSq - sum²/n) / (N - G)            within councils
//   MSB = Σ n·(ȳ_group - ȳ_cell)² / (G - K)       between councils of the same cell
//   n₀  = (N - Σₖ Σ n²/Nₖ) / (G - K)
//   ICC = (MSB - MSW) / (MSB + (n₀ - 1)·MSW)
// It can come out below 0 by chance (councils more alike than random); reported as estimated.
// Design effect 1 + (m̄ - 1)·ICC, m̄ the average council × wave size: how many times larger the
// variance of a mean is than if the same respondents had been sampled independently.
export function intraClusterCorrelation(data: readonly ClusterCell[]): Icc | null {
  const groups = data.filter((d) => d.moments.n > 0);
  const cells = new Map<number, { n: number; sum: number; nSq: number }>();
  for (const { cell, moments } of groups) {
    const c = cells.get(cell) ?? { n: 0, sum: 0, nSq: 0 };
    cells.set(cell, { n: c.n + moments.n, sum: c.sum + moments.sum, nSq: c.nSq + moments.n ** 2 });
  }
  const total = groups.reduce((s, g) => s + g.moments.n, 0);
  const dfBetween = groups.length - cells.size;
  const dfWithin = total - groups.length;
  if (dfBetween < 1 || dfWithin < 1) return null;
  let within = 0;
  let between = 0;
  for (const { cell, moments: m } of groups) {
    const c = cells.get(cell)!;
    within += Math.max(0, m.sumSq - (m.sum * m.sum) / m.n);
    between += m.n * (m.sum / m.n - c.sum / c.n) ** 2;
  }
  const [msw, msb] = [within / dfWithin, between / dfBetween];
  const n0 = (total - [...cells.values()].reduce((s, c) => s + c.nSq / c.n, 0)) / dfBetween;
  const denominator = msb + (n0 - 1) * msw;
  if (denominator <= 0) return null;
  const icc = (msb - msw) / denominator;
  const averageClusterSize = total / groups.length;
  return { icc, designEffect: 1 + (averageClusterSize - 1) * icc, averageClusterSize, groups: groups.length };
}

// The smallest true difference a two-sided 5% test would detect with 80% power, for an estimate
// with this standard error and df: (t₀.₉₇₅ + t₀.₈₀)·SE.
export function minimumDetectableEffect(se: number, df: number): number {
  return (studentTQuantile(0.975, df) + studentTQuantile(0.8, df)) * se;
}

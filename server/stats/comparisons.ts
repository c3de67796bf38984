// Comparisons between groups, waves and arms of the pilot. Responses are anonymous, so
// the same person's answers cannot be linked across waves: every comparison treats the
// groups as independent samples and never pools variances (Welch).
import { median, momentsVariance, type Moments } from './descriptive.js';
import { wilson95 } from './proportions.js';
import { tInterval95, type Interval } from './tdist.js';

export type Estimate = { estimate: number; se: number; df: number; ci95: Interval };

export type Term = { moments: Moments; weight: number };

// A weighted sum of independent group means, Σ wᵢ·meanᵢ, with
//   SE² = Σ wᵢ²·sᵢ²/nᵢ
//   df  = SE⁴ / Σ (wᵢ²·sᵢ²/nᵢ)² / (nᵢ - 1)        (Welch–Satterthwaite)
// null if any group has fewer than 2 values (no variance to speak of).
// If every group has zero variance, SE = 0 and the df formula is 0/0; the interval is
// then the single point and df is reported as Σ (nᵢ - 1), its largest possible value.
export function linearContrast(terms: readonly Term[]): Estimate | null {
  let estimate = 0;
  let seSq = 0;
  let dfDenominator = 0;
  let dfMax = 0;
  for (const { moments, weight } of terms) {
    const variance = momentsVariance(moments);
    if (variance === null) return null;
    const part = (weight * weight * variance) / moments.n;
    estimate += (weight * moments.sum) / moments.n;
    seSq += part;
    dfDenominator += (part * part) / (moments.n - 1);
    dfMax += moments.n - 1;
  }
  const se = Math.sqrt(seSq);
  if (se === 0) return { estimate, se, df: dfMax, ci95: [estimate, estimate] };
  const df = (seSq * seSq) / dfDenominator;
  return { estimate, se, df, ci95: tInterval95(estimate, se, df) };
}

// mean(a) - mean(b).
export function differenceOfMeans(a: Moments, b: Moments): Estimate | null {
  return linearContrast([
    { moments: a, weight: 1 },
    { moments: b, weight: -1 },
  ]);
}

export type Waves = { w1: Moments; w2: Moments };

// mean(w2) - mean(w1) within one group.
export function waveChange(group: Waves): Estimate | null {
  return differenceOfMeans(group.w2, group.w1);
}

// (pilot w2 - pilot w1) - (comparison w2 - comparison w1).
export function differenceInDifferences(pilot: Waves, comparison: Waves): Estimate | null {
  return linearContrast([
    { moments: pilot.w2, weight: 1 },
    { moments: pilot.w1, weight: -1 },
    { moments: comparison.w2, weight: -1 },
    { moments: comparison.w1, weight: 1 },
  ]);
}

export type Counts = { x: number; n: number };

// p(a) - p(b) with Newcombe's (1998) hybrid score interval, method 10: combine each
// proportion's Wilson limits [lᵢ, uᵢ] as
//   lo = d - √((p₁ - l₁)² + (u₂ - p₂)²)
//   hi = d + √((u₁ - p₁)² + (p₂ - l₂)²)
// null when either group is empty.
export function differenceOfProportions(a: Counts, b: Counts): { estimate: number; ci95: Interval } | null {
  const first = wilson95(a.x, a.n);
  const second = wilson95(b.x, b.n);
  if (first === null || second === null) return null;
  const [l1, u1] = first.ci95;
  const [l2, u2] = second.ci95;
  const d = first.p - second.p;
  const lo = d - Math.hypot(first.p - l1, u2 - second.p);
  const hi = d + Math.hypot(u1 - first.p, second.p - l2);
  return { estimate: d, ci95: [lo, hi] };
}

// Σ wᵢ·pᵢ over independent proportions (e.g. a difference-in-differences with weights
// +1, -1, -1, +1), with the MOVER interval (Zou & Donner 2008) built from each proportion's
// Wilson limits; for two proportions with weights 1, -1 it is Newcombe's method 10 above. It
// stays sensible at 0/n and n/n, where the Wald interval collapses to a point.
//   lo = θ - √Σ (wᵢpᵢ - min(wᵢlᵢ, wᵢuᵢ))²,  hi = θ + √Σ (max(wᵢlᵢ, wᵢuᵢ) - wᵢpᵢ)²
// null when any proportion has no base.
export function proportionContrast(
  terms: readonly { counts: Counts; weight: number }[],
): { estimate: number; ci95: Interval } | null {
  let estimate = 0;
  let below = 0;
  let above = 0;
  for (const { counts, weight } of terms) {
    const w = wilson95(counts.x, counts.n);
    if (w === null) return null;
    const [a, b] = [weight * w.ci95[0], weight * w.ci95[1]];
    estimate += weight * w.p;
    below += (weight * w.p - Math.min(a, b)) ** 2;
    above += (Math.max(a, b) - weight * w.p) ** 2;
  }
  return { estimate, ci95: [estimate - Math.sqrt(below), estimate + Math.sqrt(above)] };
}

// Median over statistical neighbours, some of which may have no figure (suppressed or
// not surveyed): those are left out rather than counted as zero. null if none remain.
export function medianIgnoringNulls(values: readonly (number | null | undefined)[]): number | null {
  return median(values.filter((v): v is number => v !== null && v !== undefined));
}

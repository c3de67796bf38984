// Proportions (e.g. "% who intend to leave within a year") with Wilson score intervals,
// which unlike the textbook p ± z·√(p(1-p)/n) stay inside [0, 1] and behave at 0/n and n/n.
import type { Interval } from './tdist.js';

// Φ⁻¹(0.975).
export const Z_95 = 1.959963984540054;

export type Proportion = { x: number; n: number; p: number; ci95: Interval };

export function assertCounts(x: number, n: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || x > n) {
    throw new RangeError(`need whole counts with 0 <= x <= n, got x=${x}, n=${n}`);
  }
}

// Wilson (1927): the interval of all p0 a z-test of x/n against p0 would not reject.
//   centre = (p + z²/2n) / (1 + z²/n)
//   half   = z / (1 + z²/n) · √(p(1-p)/n + z²/4n²)
// null when n = 0: there is no proportion to report.
export function wilson95(x: number, n: number): Proportion | null {
  assertCounts(x, n);
  if (n === 0) return null;
  const p = x / n;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0/n and n/n the bound is exactly 0 or 1 in theory; don't publish rounding noise.
  const lo = x === 0 ? 0 : Math.max(0, centre - half);
  const hi = x === n ? 1 : Math.min(1, centre + half);
  return { x, n, p, ci95: [lo, hi] };
}

import type { Interval } from './tdist.js';

export const Z_975 = 1.959963984540054;

export type Correlation = { n: number; r: number; ci95: Interval | null };

// Pearson's r with the Fisher z interval, tanh(atanh(r) ± 1.96 / √(n − 3)), as R's cor.test.
// Null when either variable does not vary. A 0/1 variable gives the point-biserial r.
export function pearson(x: readonly number[], y: readonly number[]): Correlation | null {
  const n = x.length;
  if (n !== y.length) throw new RangeError('x and y must have the same length');
  if (n < 3) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const [dx, dy] = [x[i]! - mx, y[i]! - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  if (n < 4 || Math.abs(r) === 1) return { n, r, ci95: null };
  const z = Math.atanh(r);
  const half = Z_975 / Math.sqrt(n - 3);
  return { n, r, ci95: [Math.tanh(z - half), Math.tanh(z + half)] };
}

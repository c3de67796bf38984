import { Z_975 } from './correlation.js';
import { crossProduct, crossWith, invert, multiply } from './matrix.js';
import { studentTQuantile, type Interval } from './tdist.js';

// Multivariable models on standardised predictors: each coefficient is the association of one
// standard deviation more of that predictor with the outcome, the other predictors held equal.
//   linear:   lm(scale(y) ~ scale(x1) + … + scale(xp)), t intervals on n − p − 1 df
//   logistic: glm(y ~ scale(x1) + … , binomial) by IRLS, Wald intervals (R's confint.default)
export type Coefficient = { estimate: number; se: number; ci95: Interval };
export type Fit =
  | { ok: true; n: number; coefficients: Coefficient[]; df: number | null; iterations?: number }
  | { ok: false; n: number; reason: 'too-few' | 'no-variation' | 'collinear' | 'separation' };

const meanOf = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sdOf = (v: readonly number[], m: number) => Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));

// z-scores with the sample SD (n − 1), as R's scale(); null when the column does not vary.
export function standardise(v: readonly number[]): number[] | null {
  const m = meanOf(v);
  const sd = sdOf(v, m);
  return sd > 0 ? v.map((x) => (x - m) / sd) : null;
}

// Rows [1, z1, …, zp] from the predictors' rows, or the reason there are none.
function design(x: readonly (readonly number[])[]): number[][] | 'no-variation' {
  const p = x[0]?.length ?? 0;
  const columns: number[][] = [];
  for (let j = 0; j < p; j++) {
    const z = standardise(x.map((row) => row[j]!));
    if (!z) return 'no-variation';
    columns.push(z);
  }
  return x.map((_, i) => [1, ...columns.map((c) => c[i]!)]);
}

export function linearModel(x: readonly (readonly number[])[], y: readonly number[]): Fit {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (n < p + 3) return { ok: false, n, reason: 'too-few' };
  const rows = design(x);
  const zy = standardise(y);
  if (rows === 'no-variation' || !zy) return { ok: false, n, reason: 'no-variation' };
  const inverse = invert(crossProduct(rows));
  if (!inverse) return { ok: false, n, reason: 'collinear' };
  const beta = multiply(inverse, crossWith(rows, zy));
  const rss = rows.reduce((s, row, i) => s + (zy[i]! - row.reduce((t, v, j) => t + v * beta[j]!, 0)) ** 2, 0);
  const df = n - p - 1;
  const sigma2 = rss / df;
  const t = studentTQuantile(0.975, df);
  const coefficients = beta.slice(1).map((b, k): Coefficient => {
    const se = Math.sqrt(sigma2 * inverse[k + 1]![k + 1]!);
    return { estimate: b, se, ci95: [b - t * se, b + t * se] };
  });
  return { ok: true, n, df, coefficients };
}

const MAX_ITERATIONS = 100;

// IRLS from β = 0 until no coefficient moves by 1e-11 (convergence is quadratic, so the last
// step leaves them accurate to rounding). Fitted probabilities
// within 1e-10 of 0 or 1 mean (quasi-)separation: the estimates run off to infinity, so none is given.
export function logisticModel(x: readonly (readonly number[])[], y: readonly number[]): Fit {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (n < p + 3) return { ok: false, n, reason: 'too-few' };
  const rows = design(x);
  if (rows === 'no-variation' || !y.some((v) => v === 1) || !y.some((v) => v === 0))
    return { ok: false, n, reason: 'no-variation' };
  let beta = new Array<number>(p + 1).fill(0);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const eta = rows.map((row) => row.reduce((s, v, j) => s + v * beta[j]!, 0));
    const mu = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const w = mu.map((m) => m * (1 - m));
    const information = invert(crossProduct(rows, w));
    // singular at the start: columns that cannot be told apart; later: weights vanishing as
    // fitted probabilities run to 0 or 1
    if (!information) return { ok: false, n, reason: iteration === 1 ? 'collinear' : 'separation' };
    const working = eta.map((e, i) => w[i]! * e + (y[i]! - mu[i]!));
    const next = multiply(information, crossWith(rows, working));
    const moved = Math.max(...next.map((b, j) => Math.abs(b - beta[j]!)));
    beta = next;
    if (!Number.isFinite(moved)) break;
    if (moved < 1e-11) return logisticResult(rows, beta, n, iteration);
  }
  return { ok: false, n, reason: 'separation' };
}

function logisticResult(rows: number[][], beta: number[], n: number, iterations: number): Fit {
  const mu = rows.map((row) => 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * beta[j]!, 0))));
  if (mu.some((m) => m < 1e-10 || m > 1 - 1e-10)) return { ok: false, n, reason: 'separation' };
  const covariance = invert(
    crossProduct(
      rows,
      mu.map((m) => m * (1 - m)),
    ),
  );
  if (!covariance) return { ok: false, n, reason: 'collinear' };
  const coefficients = beta.slice(1).map((b, k): Coefficient => {
    const se = Math.sqrt(covariance[k + 1]![k + 1]!);
    return { estimate: b, se, ci95: [b - Z_975 * se, b + Z_975 * se] };
  });
  return { ok: true, n, df: null, coefficients, iterations };
}

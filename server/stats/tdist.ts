// Student t distribution, enough of it for 95% confidence intervals with any df > 0
// (Welch–Satterthwaite df are usually fractional).

export type Interval = readonly [lo: number, hi: number];

// Lanczos approximation (g = 7, 9 terms): about 15 significant digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS_0 = 0.99999999999980993;
const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

function logGamma(x: number): number {
  const z = x - 1;
  let series = LANCZOS_0;
  LANCZOS.forEach((c, i) => (series += c / (z + i + 1)));
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

const TINY = 1e-300;
const EPS = 1e-15;
const MAX_TERMS = 10_000;

// Continued fraction for I_x(a, b), evaluated with the modified Lentz method
// (Numerical Recipes §6.4). Converges fast when x < (a + 1) / (a + b + 2).
function betaContinuedFraction(x: number, a: number, b: number): number {
  const guard = (v: number) => (Math.abs(v) < TINY ? TINY : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) return h;
  }
  throw new Error(`incomplete beta did not converge for x=${x}, a=${a}, b=${b}`);
}

export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`beta parameters must be > 0, got a=${a}, b=${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x must be in [0, 1], got ${x}`);
  if (x === 0 || x === 1) return x;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - (logGamma(a) + logGamma(b) - logGamma(a + b));
  // Use the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) on whichever side the fraction converges.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function assertDf(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`df must be finite and > 0, got ${df}`);
}

// P(T > t) for t >= 0, computed directly so small tails keep their precision.
function upperTail(t: number, df: number): number {
  return 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

export function studentTCdf(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) throw new RangeError('t must be a number');
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

// Inverse CDF by bracketing then bisection on the upper tail. Bisection is slow-ish
// (~60 steps) but cannot diverge, and a few hundred quantiles per report is nothing.
export function studentTQuantile(p: number, df: number): number {
  assertDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const tail = 1 - p;
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) > tail) [lo, hi] = [hi, hi * 2];
  while (hi - lo > 1e-13 * hi) {
    const mid = (lo + hi) / 2;
    if (upperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function tInterval95(estimate: number, se: number, df: number): Interval {
  const half = studentTQuantile(0.975, df) * se;
  return [estimate - half, estimate + half];
}

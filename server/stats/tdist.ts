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
  for (let i = 0; i < LANCZOS.length; i++) series += LANCZOS[i]! / (z + i + 1);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

const TINY = 1e-300;
const EPS = 1e-15;
const MAX_TERMS = 10_000;

// Continued fraction for I_x(a, b), evaluated with the modified Lentz method
// (Numerical Recipes §6.4). Converges fast when x < (a + 1) / (a + b + 2).
// (a plain function, not a closure made on every call: a summary evaluates this thousands of times)
function guard(v: number): number {
  return Math.abs(v) < TINY ? TINY : v;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
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

// The t density, for Newton's steps below.
function density(t: number, df: number): number {
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

// Inverse CDF: bracket, then Newton's method on the upper tail inside the bracket, bisecting
// whenever a step would leave it (so it cannot diverge). A summary computes a few hundred
// quantiles; Newton takes ~5 tail evaluations where bisection took ~60.
export function studentTQuantile(p: number, df: number): number {
  assertDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const tail = 1 - p;
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) > tail) [lo, hi] = [hi, hi * 2];
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const excess = upperTail(t, df) - tail; // the tail falls as t grows
    if (excess === 0) return t;
    if (excess > 0) lo = t;
    else hi = t;
    const next = t + excess / density(t, df);
    const inside = next > lo && next < hi;
    if (inside && Math.abs(next - t) <= 1e-14 * next) return next;
    t = inside ? next : (lo + hi) / 2;
  }
  return t;
}

export function tInterval95(estimate: number, se: number, df: number): Interval {
  const half = studentTQuantile(0.975, df) * se;
  return [estimate - half, estimate + half];
}

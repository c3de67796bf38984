// Descriptive statistics for survey scores, from raw values or from running sums.
import { tInterval95, type Interval } from './tdist.js';

export type Summary = {
  n: number;
  mean: number | null; // null when n = 0
  sd: number | null; // sample SD (n - 1); null when n < 2
  se: number | null; // sd / sqrt(n); null when n < 2
  ci95: Interval | null; // mean ± t(0.975, n - 1) · se; null when n < 2
};

function assertFinite(values: readonly number[]): void {
  for (const x of values) if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
}

function summaryFrom(n: number, mean: number | null, variance: number | null): Summary {
  if (mean === null || variance === null) return { n, mean, sd: null, se: null, ci95: null };
  const sd = Math.sqrt(variance);
  const se = sd / Math.sqrt(n);
  return { n, mean, sd, se, ci95: tInterval95(mean, se, n - 1) };
}

// Two-pass (mean first, then squared deviations): the most accurate route when all values are at hand.
export function summarise(values: readonly number[]): Summary {
  assertFinite(values);
  const n = values.length;
  if (n === 0) return summaryFrom(0, null, null);
  const mean = values.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return summaryFrom(1, mean, null);
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return summaryFrom(n, mean, variance);
}

export const mean = (values: readonly number[]): number | null => summarise(values).mean;
export const sampleSd = (values: readonly number[]): number | null => summarise(values).sd;
export const standardError = (values: readonly number[]): number | null => summarise(values).se;
export const meanCi95 = (values: readonly number[]): Interval | null => summarise(values).ci95;

export function median(values: readonly number[]): number | null {
  assertFinite(values);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Distribution<T> = {
  counts: { option: T; n: number }[]; // one entry per option, in the order given, zeros included
  answered: number; // answers that matched an option
  unlisted: number; // answers that matched no option (a survey changed, or bad data)
};

// null/undefined are unanswered and counted nowhere; options are compared with ===.
export function distribution<T extends string | number>(
  answers: readonly (T | null | undefined)[],
  options: readonly T[],
): Distribution<T> {
  const tally = new Map<T, number>(options.map((option) => [option, 0]));
  let unlisted = 0;
  for (const answer of answers) {
    if (answer === null || answer === undefined) continue;
    const seen = tally.get(answer);
    if (seen === undefined) unlisted++;
    else tally.set(answer, seen + 1);
  }
  const counts = options.map((option) => ({ option, n: tally.get(option) ?? 0 }));
  return { counts, answered: counts.reduce((s, c) => s + c.n, 0), unlisted };
}

// Sufficient statistics for a mean and SD, so a group's figures can be kept up to date
// one response at a time and groups can be merged (councils into a region) or split.
//
// Numerical limits: variance is (sumSq - sum²/n) / (n - 1), which cancels badly when
// the spread is tiny next to the mean. Survey scores lie in 0..10, so sumSq ≤ 100·n:
// integer scores keep sum and sumSq exact up to n ≈ 9e13 (2^53 / 100). Fractional scores
// (e.g. scale means) accumulate rounding: at worst ~100 · n² · 1e-16 in sumSq, so an error
// in the variance of ~1e-14 · n (1e-8 at a million responses) — invisible in anything we
// publish. Rounding can push the numerator a hair below 0 when all values are equal, so it
// is clamped at 0. Subtracting leaves the same kind of rounding residue in fractional sums.
export type Moments = { readonly n: number; readonly sum: number; readonly sumSq: number };

export const EMPTY_MOMENTS: Moments = Object.freeze({ n: 0, sum: 0, sumSq: 0 });

export function addValue(m: Moments, x: number): Moments {
  assertFinite([x]);
  return { n: m.n + 1, sum: m.sum + x, sumSq: m.sumSq + x * x };
}

export const momentsOf = (values: readonly number[]): Moments => values.reduce(addValue, EMPTY_MOMENTS);

export function mergeMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

// Removes `part` (e.g. a withdrawn response, or a child group) from `whole`.
export function subtractMoments(whole: Moments, part: Moments): Moments {
  if (part.n > whole.n) throw new RangeError(`cannot remove ${part.n} values from ${whole.n}`);
  // Exactly empty, not a residue of rounding errors.
  if (part.n === whole.n) return EMPTY_MOMENTS;
  return { n: whole.n - part.n, sum: whole.sum - part.sum, sumSq: whole.sumSq - part.sumSq };
}

// Sample variance (n - 1), null when n < 2.
export function momentsVariance(m: Moments): number | null {
  if (m.n < 2) return null;
  return Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));
}

export function summariseMoments(m: Moments): Summary {
  return summaryFrom(m.n, m.n === 0 ? null : m.sum / m.n, momentsVariance(m));
}

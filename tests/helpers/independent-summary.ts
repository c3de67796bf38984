import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Statistics recomputed from raw answers with the textbook formulas, sharing no code with the
// server: the survey file is read as plain data, and the t quantile comes from the closed form below.
type ScaleSpec = { id: string; items: string[]; reverse: string[]; range: [number, number]; minAnswered: number };
type FlagSpec = { id: string; question: string; values: (string | number)[]; excludeFromBase?: (string | number)[] };
export const surveyFile = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../surveys/staff-wellbeing.v1.json'), 'utf8'),
) as {
  scales: ScaleSpec[];
  flags: FlagSpec[];
  demographics: string[];
};

export type Answers = Record<string, unknown>;

// "question" or "question.row"
export function valueAt(a: Answers, ref: string): unknown {
  const [question, row] = ref.split('.') as [string, string | undefined];
  const v = a[question];
  return row === undefined ? v : (v as Record<string, unknown> | undefined)?.[row];
}

export function itemScores(scale: ScaleSpec, a: Answers): (number | null)[] {
  return scale.items.map((ref) => {
    const v = valueAt(a, ref);
    if (typeof v !== 'number') return null;
    return scale.reverse.includes(ref) ? scale.range[0] + scale.range[1] - v : v;
  });
}

export function scaleScore(scale: ScaleSpec, a: Answers): number | null {
  const answered = itemScores(scale, a).filter((x): x is number => x !== null);
  return answered.length >= scale.minAnswered ? answered.reduce((s, x) => s + x, 0) / answered.length : null;
}

export function flagOf(flag: FlagSpec, a: Answers): boolean | null {
  const v = valueAt(a, flag.question) as string | number | undefined;
  if (v === undefined || flag.excludeFromBase?.includes(v)) return null;
  return flag.values.includes(v);
}

export const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function sampleVariance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// P(|T| < t) for whole df, Abramowitz & Stegun 26.7.3 (odd df) and 26.7.4 (even df), θ = atan(t/√df).
function twoSidedT(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta);
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 1; 2 * k <= df - 2; k++) {
      term *= ((2 * k - 1) / (2 * k)) * c2;
      sum += term;
    }
    return s * sum;
  }
  if (df === 1) return (2 / Math.PI) * theta;
  let term = Math.cos(theta);
  let sum = term;
  for (let k = 1; 2 * k + 1 <= df - 2; k++) {
    term *= ((2 * k) / (2 * k + 1)) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * sum);
}

// t(0.975, df) by bisection on P(|T| < t) = 0.95.
export function t975(df: number): number {
  let lo = 0;
  let hi = 20;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (twoSidedT(mid, df) < 0.95) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function meanStats(xs: number[]) {
  const n = xs.length;
  const m = mean(xs);
  const sd = Math.sqrt(sampleVariance(xs));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean: m, sd, ci95: [m - half, m + half] };
}

// Wilson score interval, z = Φ⁻¹(0.975).
export function wilson(x: number, n: number) {
  const z = 1.959963984540054;
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { x, n, p, ci95: [centre - half, centre + half] };
}

// α = k/(k-1) · (1 - Σ var(item) / var(total)), over complete cases.
export function cronbach(rows: (number | null)[][]) {
  const complete = rows.filter((r) => r.every((x) => x !== null)) as number[][];
  const k = complete[0]!.length;
  const itemVariances = Array.from({ length: k }, (_, i) => sampleVariance(complete.map((r) => r[i]!)));
  const totalVariance = sampleVariance(complete.map((r) => r.reduce((s, x) => s + x, 0)));
  return {
    alpha: (k / (k - 1)) * (1 - itemVariances.reduce((s, v) => s + v, 0) / totalVariance),
    n: complete.length,
    k,
  };
}

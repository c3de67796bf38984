// Cronbach's alpha, the internal consistency of a multi-item scale:
//   α = k / (k - 1) · (1 - Σ var(itemᵢ) / var(Σ items))
// over complete cases only (a respondent who skipped any item of the scale is left out).
// Variances use n - 1; the choice cancels in the ratio anyway.

export type ItemRow = readonly (number | null | undefined)[];
export type Alpha = { alpha: number; n: number; k: number };

// Item scores are 0..10, so a total variance this small is rounding noise on a constant.
const ZERO_VARIANCE = 1e-10;

function completeValues(row: ItemRow, k: number): number[] | null {
  if (row.length !== k) throw new RangeError(`expected ${k} items in a row, got ${row.length}`);
  const values: number[] = [];
  for (const x of row) {
    if (x === null || x === undefined) return null;
    if (!Number.isFinite(x)) throw new RangeError(`not a finite item score: ${x}`);
    values.push(x);
  }
  return values;
}

function alphaFrom(k: number, n: number, itemVarianceSum: number, totalVariance: number): Alpha | null {
  if (n < 2 || k < 2 || totalVariance <= ZERO_VARIANCE) return null;
  return { alpha: (k / (k - 1)) * (1 - itemVarianceSum / totalVariance), n, k };
}

function variance(values: readonly number[]): number {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  return values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
}

// k is taken from the first row; every row must have the same number of items.
export function cronbachAlpha(rows: readonly ItemRow[]): Alpha | null {
  const k = rows[0]?.length ?? 0;
  const complete = rows.map((row) => completeValues(row, k)).filter((r): r is number[] => r !== null);
  const n = complete.length;
  if (n < 2 || k < 2) return null;
  const itemVarianceSum = Array.from({ length: k }, (_, i) => variance(complete.map((r) => r[i]!))).reduce(
    (s, v) => s + v,
    0,
  );
  const totalVariance = variance(complete.map((r) => r.reduce((s, x) => s + x, 0)));
  return alphaFrom(k, n, itemVarianceSum, totalVariance);
}

// Incremental form: alpha needs only n, the item sums Sᵢ and the cross-products
// Cᵢⱼ = Σ xᵢ·xⱼ over complete rows, because
//   cov(i, j)          = (Cᵢⱼ - Sᵢ·Sⱼ / n) / (n - 1)
//   var(itemᵢ)         = cov(i, i)
//   var(Σ items)       = Σᵢ Σⱼ cov(i, j)
// So a scale's accumulator can be updated per response and merged across groups.
// Same numerical caveat as Moments in descriptive.ts: fine for 0..10 scores, exact for integers.
export type AlphaAccumulator = {
  readonly k: number;
  readonly n: number;
  readonly sums: readonly number[];
  readonly cross: readonly (readonly number[])[]; // k × k, symmetric
};

export function emptyAlpha(k: number): AlphaAccumulator {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`a scale needs at least one item, got k=${k}`);
  return { k, n: 0, sums: Array(k).fill(0), cross: Array.from({ length: k }, () => Array(k).fill(0)) };
}

// A row with any missing item is not a complete case and leaves the accumulator unchanged.
export function addRow(acc: AlphaAccumulator, row: ItemRow): AlphaAccumulator {
  const x = completeValues(row, acc.k);
  if (x === null) return acc;
  return {
    k: acc.k,
    n: acc.n + 1,
    sums: acc.sums.map((s, i) => s + x[i]!),
    cross: acc.cross.map((line, i) => line.map((c, j) => c + x[i]! * x[j]!)),
  };
}

export function mergeAlpha(a: AlphaAccumulator, b: AlphaAccumulator): AlphaAccumulator {
  if (a.k !== b.k) throw new RangeError(`cannot merge scales of ${a.k} and ${b.k} items`);
  return {
    k: a.k,
    n: a.n + b.n,
    sums: a.sums.map((s, i) => s + b.sums[i]!),
    cross: a.cross.map((line, i) => line.map((c, j) => c + b.cross[i]![j]!)),
  };
}

export function alphaFromAccumulator(acc: AlphaAccumulator): Alpha | null {
  const { k, n, sums, cross } = acc;
  if (n < 2 || k < 2) return null;
  const cov = (i: number, j: number) => (cross[i]![j]! - (sums[i]! * sums[j]!) / n) / (n - 1);
  let itemVarianceSum = 0;
  let totalVariance = 0;
  for (let i = 0; i < k; i++) {
    itemVarianceSum += Math.max(0, cov(i, i));
    for (let j = 0; j < k; j++) totalVariance += cov(i, j);
  }
  return alphaFrom(k, n, itemVarianceSum, totalVariance);
}

// Words for a reader who does not know alpha. Below 0.5 a scale's items hardly measure one thing;
// below 0 they pull against each other, which usually means an item should have been reversed.
export function alphaReading(alpha: number): string | null {
  if (alpha < 0)
    return 'Negative: the items pull against each other and do not form one scale here (check for an item that should be reversed). Treat the scale mean with great caution.';
  if (alpha < 0.5) return 'Below 0.5: the items hang together poorly here, so the scale mean is unreliable.';
  return null;
}

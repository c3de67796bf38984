// Small dense matrices for regression (a dozen columns at most): plain arrays, no library.
export type Matrix = number[][];

export function crossProduct(rows: readonly (readonly number[])[], weights?: readonly number[]): Matrix {
  const p = rows[0]?.length ?? 0;
  const out: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  rows.forEach((row, r) => {
    const w = weights?.[r] ?? 1;
    for (let i = 0; i < p; i++) for (let j = i; j < p; j++) out[i]![j]! += w * row[i]! * row[j]!;
  });
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) out[i]![j] = out[j]![i]!;
  return out;
}

export function crossWith(rows: readonly (readonly number[])[], y: readonly number[]): number[] {
  const p = rows[0]?.length ?? 0;
  const out = new Array<number>(p).fill(0);
  rows.forEach((row, r) => row.forEach((x, i) => (out[i]! += x * y[r]!)));
  return out;
}

export const multiply = (m: Matrix, v: readonly number[]): number[] =>
  m.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));

// Inverse of a symmetric positive-definite matrix by Gauss-Jordan with partial pivoting; null
// when a pivot is negligible against the matrix's scale (a column is, near enough, a
// combination of the others, so its coefficient cannot be told apart).
export function invert(m: Matrix): Matrix | null {
  const p = m.length;
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...m.map((row, i) => Math.abs(row[i]!)), 0);
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (!(Math.abs(a[pivot]![col]!) > 1e-10 * scale)) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const lead = a[col]!;
    const d = lead[col]!;
    for (let j = 0; j < 2 * p; j++) lead[j]! /= d;
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f !== 0) for (let j = 0; j < 2 * p; j++) a[r]![j]! -= f * lead[j]!;
    }
  }
  return a.map((row) => row.slice(p));
}

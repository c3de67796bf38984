// Cluster-robust comparison of cell means: the respondent-level model y ~ arm × wave with
// council-clustered CR2 standard errors and Satterthwaite (Bell–McCaffrey) degrees of freedom,
// the figures R's clubSandwich::coef_test(fit, vcov = "CR2", cluster = council) reports.
//
// Why per-council sums suffice. Every arm × wave combination is a "cell" k, and y ~ arm × wave
// has one parameter per cell, so the fit is the cell means ȳₖ = Σ sums / Nₖ and every estimate
// is a contrast Σ cₖ·ȳₖ (the same in any parameterisation). In the cell-means form X has one
// indicator column per cell, M = (X'X)⁻¹ = diag(1/Nₖ), and council j's block of the hat matrix is
// (1/Nₖ)·J (a block of ones) for its nⱼₖ rows in cell k, zero across cells. So
//   (I - Hⱼⱼ)^(-1/2) = I + (rⱼₖ - 1)/nⱼₖ · J  with  rⱼₖ = (1 - nⱼₖ/Nₖ)^(-1/2)
// per block, and with the council's residual sum Sⱼₖ = sumⱼₖ - nⱼₖ·ȳₖ and dₖ = cₖ/Nₖ:
//   SE² = Σⱼ (Σₖ dₖ·rⱼₖ·Sⱼₖ)²
// For the df, gⱼ = Aⱼ·Xⱼ·M·c is dₖ·rⱼₖ on each of council j's rows in cell k, so with
//   Gⱼ = Σₖ nⱼₖ·dₖ²·rⱼₖ²,  qⱼₖ = nⱼₖ·dₖ·rⱼₖ,  aᵢⱼ = [i = j]·Gⱼ - Σₖ qᵢₖ·qⱼₖ/Nₖ
//   df = (Σⱼ aⱼⱼ)² / Σᵢ Σⱼ aᵢⱼ²
// (Pustejovsky & Tipton 2018, with working model Φ = I, as clubSandwich uses for lm). The df
// depend on the design alone, never on y. A council alone in its cell has 1 - n/N = 0; like
// clubSandwich's pseudo-inverse power we use r = 0 there (its residual sum is 0 anyway).
// Sums of squares are not needed here; they give the intra-cluster correlation (icc.ts).
import type { Moments } from './descriptive.js';
import { tInterval95, type Interval } from './tdist.js';

export type ClusterCell = { cluster: string; cell: number; moments: Moments };
export type ClusteredEstimate = { estimate: number; se: number; df: number; ci95: Interval; clusters: number };

const SINGULAR = 1e-12;

type Prepared = { totals: number[]; means: number[]; clusters: Map<string, ClusterCell[]> };

function prepare(data: readonly ClusterCell[], cells: number): Prepared {
  const totals = Array<number>(cells).fill(0);
  const sums = Array<number>(cells).fill(0);
  const clusters = new Map<string, ClusterCell[]>();
  for (const d of data) {
    if (!Number.isInteger(d.cell) || d.cell < 0 || d.cell >= cells) throw new RangeError(`no cell ${d.cell}`);
    if (d.moments.n === 0) continue;
    totals[d.cell]! += d.moments.n;
    sums[d.cell]! += d.moments.sum;
    clusters.set(d.cluster, [...(clusters.get(d.cluster) ?? []), d]);
  }
  return { totals, means: sums.map((s, k) => s / totals[k]!), clusters };
}

const adjustment = (n: number, total: number) => {
  const rest = 1 - n / total;
  return rest > SINGULAR ? 1 / Math.sqrt(rest) : 0;
};

// The contrast Σ cₖ·ȳₖ over cells 0..c.length-1, or null when a cell the contrast uses is empty
// or fewer than two clusters carry it (no between-council variation to estimate).
export function cr2Contrast(data: readonly ClusterCell[], contrast: readonly number[]): ClusteredEstimate | null {
  const { totals, means, clusters } = prepare(data, contrast.length);
  if (contrast.some((c, k) => c !== 0 && totals[k] === 0)) return null;
  const d = contrast.map((c, k) => (c === 0 ? 0 : c / totals[k]!));
  const estimate = contrast.reduce((s, c, k) => (c === 0 ? s : s + c * means[k]!), 0);
  let seSq = 0;
  const gs: number[] = [];
  const qs: number[][] = [];
  for (const cells of clusters.values()) {
    let u = 0;
    let g = 0;
    const q = Array<number>(contrast.length).fill(0);
    for (const { cell: k, moments: m } of cells) {
      const r = adjustment(m.n, totals[k]!);
      u += d[k]! * r * (m.sum - m.n * means[k]!);
      g += m.n * (d[k]! * r) ** 2;
      q[k]! += m.n * d[k]! * r;
    }
    seSq += u * u;
    gs.push(g);
    qs.push(q);
  }
  const used = qs.filter((q) => q.some((x) => x !== 0)).length;
  if (used < 2) return null;
  const df = satterthwaite(gs, qs, totals);
  const se = Math.sqrt(seSq);
  return { estimate, se, df, ci95: tInterval95(estimate, se, df), clusters: used };
}

function satterthwaite(gs: readonly number[], qs: readonly number[][], totals: readonly number[]): number {
  const cross = (i: number, j: number) =>
    qs[i]!.reduce((s, x, k) => (x === 0 ? s : s + (x * qs[j]![k]!) / totals[k]!), 0);
  let expected = 0;
  let spread = 0;
  for (let i = 0; i < gs.length; i++) {
    for (let j = 0; j < gs.length; j++) {
      const a = (i === j ? gs[i]! : 0) - cross(i, j);
      if (i === j) expected += a;
      spread += a * a;
    }
  }
  return (expected * expected) / spread;
}

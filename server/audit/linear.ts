import { mod, mul, inverse, P, residue, residueStream } from './field.js';

// Which linear functionals of the unknowns a system of published equations determines.
// A functional g is determined exactly when it lies in the row space of the equation matrix,
// i.e. when it is orthogonal to every vector of the null space. We build the echelon form of each
// connected block of equations, draw two random null-space vectors (random values for the free
// unknowns, back-substitution for the pivots), and call g determined when g·z = 0 for both:
// a functional outside the row space passes that test with probability 1/P² (about 2e-16).
export type Row = Map<number, number>; // unknown index -> coefficient (a small fraction)

type EchelonRow = { cols: number[]; vals: number[] }; // cols[0] is the pivot

class UnionFind {
  private parent = new Map<number, number>();
  find(x: number): number {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: number, b: number) {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

// Rows that share an unknown, directly or through other rows, are solved together.
function blocks(rows: readonly Row[]): { unknowns: number[]; rows: Row[] }[] {
  const uf = new UnionFind();
  for (const row of rows) {
    const [first, ...rest] = row.keys();
    if (first !== undefined) for (const k of rest) uf.union(first, k);
  }
  const byRoot = new Map<number, { unknowns: Set<number>; rows: Row[] }>();
  for (const row of rows) {
    const first = row.keys().next().value;
    if (first === undefined) continue;
    const root = uf.find(first);
    const block = byRoot.get(root) ?? { unknowns: new Set<number>(), rows: [] };
    byRoot.set(root, block);
    block.rows.push(row);
    for (const k of row.keys()) block.unknowns.add(k);
  }
  return [...byRoot.values()].map((b) => ({ unknowns: [...b.unknowns].sort((x, y) => x - y), rows: b.rows }));
}

// Forward elimination with a dense accumulator: each new row is reduced by the pivots it meets
// from the left until its leading entry is not yet a pivot, and then becomes one.
function echelon(n: number, rows: { cols: number[]; vals: number[] }[]): Map<number, EchelonRow> {
  const pivots = new Map<number, EchelonRow>();
  const acc = new Float64Array(n);
  for (const row of rows) {
    let lo = n;
    row.cols.forEach((c, i) => {
      acc[c] = mod(acc[c]! + row.vals[i]!);
      lo = Math.min(lo, c);
    });
    let lead = -1;
    for (let c = lo; c < n; c++) {
      if (acc[c] === 0) continue;
      const pivot = pivots.get(c);
      if (!pivot) {
        lead = c;
        break;
      }
      const f = mul(acc[c]!, inverse(pivot.vals[0]!));
      pivot.cols.forEach((pc, i) => {
        acc[pc] = mod(acc[pc]! - mul(f, pivot.vals[i]!));
      });
    }
    if (lead < 0) continue;
    const cols: number[] = [];
    const vals: number[] = [];
    for (let c = lead; c < n; c++) {
      if (acc[c] !== 0) {
        cols.push(c);
        vals.push(acc[c]!);
        acc[c] = 0;
      }
    }
    pivots.set(lead, { cols, vals });
  }
  return pivots;
}

function nullVector(n: number, pivots: Map<number, EchelonRow>, next: () => number): Float64Array {
  const z = new Float64Array(n);
  for (let c = 0; c < n; c++) if (!pivots.has(c)) z[c] = next();
  for (let c = n - 1; c >= 0; c--) {
    const row = pivots.get(c);
    if (!row) continue;
    let s = 0;
    for (let i = 1; i < row.cols.length; i++) s = mod(s + mul(row.vals[i]!, z[row.cols[i]!]!));
    z[c] = mod(-mul(s, inverse(row.vals[0]!)));
  }
  return z;
}

export type Solved = { isDetermined(g: Row): boolean; rank: number };

// Unknowns that appear in no row are free: they take random values too.
export function solve(rows: readonly Row[], seed = 1): Solved {
  const next = residueStream(seed);
  const z1 = new Map<number, number>();
  const z2 = new Map<number, number>();
  let rank = 0;
  for (const block of blocks(rows)) {
    const local = new Map(block.unknowns.map((u, i) => [u, i]));
    const sparse = block.rows.map((r) => ({
      cols: [...r.keys()].map((k) => local.get(k)!),
      vals: [...r.values()].map(residue),
    }));
    const pivots = echelon(block.unknowns.length, sparse);
    rank += pivots.size;
    for (const z of [z1, z2]) {
      const v = nullVector(block.unknowns.length, pivots, next);
      block.unknowns.forEach((u, i) => z.set(u, v[i]!));
    }
  }
  const free = new Map<number, [number, number]>();
  const valueAt = (z: Map<number, number>, which: 0 | 1, u: number) => {
    const known = z.get(u);
    if (known !== undefined) return known;
    if (!free.has(u)) free.set(u, [next(), next()]);
    return free.get(u)![which];
  };
  const dot = (g: Row, z: Map<number, number>, which: 0 | 1) => {
    let s = 0;
    for (const [u, c] of g) s = mod(s + mul(residue(c), valueAt(z, which, u)));
    return s;
  };
  return { rank, isDetermined: (g) => g.size > 0 && dot(g, z1, 0) === 0 && dot(g, z2, 1) === 0 };
}

export { P };

// Arithmetic modulo a prime just below 2^26, so that the product of two residues stays below
// 2^53 and is exact in a JavaScript number. The auditor's equations have small rational
// coefficients (option values, their squares, 1/k for a k-item mean), and a rank over the
// rationals is the rank modulo P unless P divides one of a few small minors: exact elimination
// without fractions or floating-point tolerances.
export const P = 67_108_859;

export const mod = (a: number) => ((a % P) + P) % P;
export const mul = (a: number, b: number) => (a * b) % P;

export function inverse(a: number): number {
  let [r0, r1, s0, s1] = [P, mod(a), 0, 1];
  if (r1 === 0) throw new RangeError('0 has no inverse');
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0);
}

// A coefficient such as 2/3 or -0.25 as a residue: its denominator is found by trying small
// whole numbers (the auditor's coefficients are integers over at most the number of items in a scale).
export function residue(x: number): number {
  for (let d = 1; d <= 5040; d++) {
    const n = Math.round(x * d);
    if (Math.abs(x * d - n) < 1e-9 * Math.max(1, Math.abs(n))) return mul(mod(n), inverse(d));
  }
  throw new RangeError(`${x} is not a fraction with a small denominator`);
}

// A small deterministic generator of residues (xorshift32), so that an audit gives the same
// answer every time it runs.
export function residueStream(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s % (P - 1)) + 1;
  };
}

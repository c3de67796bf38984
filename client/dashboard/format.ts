export const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '–' : x.toFixed(digits);
export const pct = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)}%`;
export const ci = (c: readonly [number, number] | null | undefined, f: (x: number) => string) =>
  c ? `${f(c[0])} to ${f(c[1])}` : '–';
export const suppressedText = (min: number) => `fewer than ${min} responses`;

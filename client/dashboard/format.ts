import { fixed, percent } from '../words/numbers.js';

export const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '–' : fixed(x, digits);
export const pct = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined ? '–' : percent(x, digits);
// `to` is the page's word for a range: "to", or "i" in Welsh
export const ci = (c: readonly [number, number] | null | undefined, f: (x: number) => string, to = 'to') =>
  c ? `${f(c[0])} ${to} ${f(c[1])}` : '–';

import type { AlphaAccumulator } from '../stats/alpha.js';
import type { Moments } from '../stats/descriptive.js';
import type { Counters } from './counters.js';

// Typed views over the flat counters (see counters.ts for the key scheme).
export const count = (c: Counters, key: string) => c[key] ?? 0;

export const momentsAt = (c: Counters, prefix: string, scale: string): Moments => ({
  n: count(c, `${prefix}sc|${scale}|n`),
  sum: count(c, `${prefix}sc|${scale}|s`),
  sumSq: count(c, `${prefix}sc|${scale}|q`),
});

export const flagAt = (c: Counters, prefix: string, flag: string) => ({
  x: count(c, `${prefix}fl|${flag}|x`),
  n: count(c, `${prefix}fl|${flag}|n`),
});

// The bases of a scale's statistics in one group's main counters (see disclosure/scales.ts).
export const scaleBasesAt = (c: Counters, scale: { id: string; items: readonly string[] }) => ({
  items: scale.items.length,
  scored: count(c, `sc|${scale.id}|n`),
  complete: count(c, `al|${scale.id}|n`),
  anyItem: scale.items.length < 2 ? count(c, `sc|${scale.id}|n`) : count(c, `sc|${scale.id}|u`),
});

// Respondents who answered an item: for a tick-box item the respondents, not the ticks.
export function answeredAt(c: Counters, item: { ref: string; multi: boolean; options: readonly string[] }) {
  if (item.multi) return count(c, `ia|${item.ref}`);
  return item.options.reduce((s, o) => s + count(c, `it|${item.ref}|${o}`), 0);
}

export function alphaAt(c: Counters, scale: string, k: number): AlphaAccumulator {
  const sums = Array.from({ length: k }, (_, i) => count(c, `al|${scale}|s|${i}`));
  const cross = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => count(c, `al|${scale}|x|${Math.min(i, j)}|${Math.max(i, j)}`)),
  );
  return { k, n: count(c, `al|${scale}|n`), sums, cross };
}

export function dayCounts(c: Counters): [string, number][] {
  return Object.entries(c)
    .filter(([k]) => k.startsWith('d|'))
    .map(([k, v]): [string, number] => [k.slice(2), v])
    .sort(([a], [b]) => a.localeCompare(b));
}

// Median of an answer distribution over numeric options (null when none answered or non-numeric).
export function medianOfCounts(options: { value: string; n: number }[]): number | null {
  const numeric = options
    .map((o) => ({ v: Number(o.value), n: o.n }))
    .filter((o) => Number.isFinite(o.v))
    .sort((a, b) => a.v - b.v);
  const total = numeric.reduce((s, o) => s + o.n, 0);
  if (total === 0 || numeric.length !== options.length) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const o of numeric) {
      seen += o.n;
      if (seen > rank) return o.v;
    }
    return numeric[numeric.length - 1]!.v;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

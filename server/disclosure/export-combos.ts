import { rowsInSmallClasses } from './suppression.js';

// k-anonymity over an export's quasi-identifiers. Each demographic column and the month column
// passes the per-column rules of export-bands.ts on its own, but a reader sorts the rows by all
// of them at once: "the only team manager, part-time, 10+ years in role" in a council × wave is
// one row, and that row is a person's full set of answers. So within a council × wave every
// class of rows — the rows that agree on every released column (a hidden value counts as one
// value, -9 or blank) — must hold the minimum. While one does not, a whole column is withheld
// for the group (every row -9, or no month): the column whose loss leaves the fewest rows in
// small classes, ties going to the column latest in the given order (the month is passed last,
// so it goes first: the wave dates the rows anyway); a column that sorts no rows apart (one
// released value for all) is never withheld, as that would cost data and gain nothing. Withholding only merges classes, so this
// ends, at the latest with every column withheld and one class: the group, which is exported
// only when it reaches the minimum itself.
// Decided from the group's counts alone, so a group is released alike in every export that
// includes it (filters choose whole groups) and two exports differ only by whole groups.
export type QuasiColumn = { shown: ReadonlySet<string> };
export type Combination = { values: readonly string[]; n: number }; // one value per column

const HIDDEN = '\u0000hidden';

const released = (column: QuasiColumn, value: string) => (column.shown.has(value) ? value : HIDDEN);

// Each combination as the values a reader sees, column by column (length-prefixed, so joined
// values never run together), worked out once rather than for every column tried.
type Seen = { values: readonly string[]; n: number };
const seenOf = (columns: readonly QuasiColumn[], combos: readonly Combination[]): Seen[] =>
  combos
    .filter((c) => c.n > 0)
    .map(({ values, n }) => ({
      values: columns.map((c, i) => {
        const v = released(c, values[i]!);
        return `${v.length}:${v}`;
      }),
      n,
    }));

// A column whose rows all carry one released value sorts nobody apart: withholding it gains nothing.
const sortsRows = (i: number, seen: readonly Seen[]) => new Set(seen.map((c) => c.values[i])).size > 1;

function smallRows(withheld: ReadonlySet<number>, seen: readonly Seen[], min: number) {
  const classes = new Map<string, number>();
  for (const { values, n } of seen) {
    const key = values.map((v, i) => (withheld.has(i) ? '' : v)).join('|');
    classes.set(key, (classes.get(key) ?? 0) + n);
  }
  return rowsInSmallClasses(classes.values(), min);
}

// The columns (by index) to withhold, in the order they were chosen.
export function columnsToWithhold(
  columns: readonly QuasiColumn[],
  combos: readonly Combination[],
  min: number,
): number[] {
  const seen = seenOf(columns, combos);
  const sorting = columns.map((_, i) => sortsRows(i, seen));
  const withheld = new Set<number>();
  let small = smallRows(withheld, seen, min);
  while (small > 0) {
    let best: { column: number; small: number } | null = null;
    for (let i = columns.length - 1; i >= 0; i--) {
      if (withheld.has(i) || !sorting[i]) continue;
      const left = smallRows(new Set([...withheld, i]), seen, min);
      if (best === null || left < best.small) best = { column: i, small: left };
    }
    if (best === null) break;
    withheld.add(best.column);
    small = best.small;
  }
  return [...withheld];
}

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

// A column whose rows all carry one released value sorts nobody apart: withholding it gains nothing.
const sortsRows = (column: QuasiColumn, i: number, combos: readonly Combination[]) =>
  new Set(combos.filter((c) => c.n > 0).map((c) => released(column, c.values[i]!))).size > 1;

function smallRows(
  columns: readonly QuasiColumn[],
  withheld: ReadonlySet<number>,
  combos: readonly Combination[],
  min: number,
) {
  const classes = new Map<string, number>();
  for (const { values, n } of combos) {
    const key = JSON.stringify(columns.map((c, i) => (withheld.has(i) ? HIDDEN : released(c, values[i]!))));
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
  const withheld = new Set<number>();
  let small = smallRows(columns, withheld, combos, min);
  while (small > 0) {
    let best: { column: number; small: number } | null = null;
    for (let i = columns.length - 1; i >= 0; i--) {
      if (withheld.has(i) || !sortsRows(columns[i]!, i, combos)) continue;
      const left = smallRows(columns, new Set([...withheld, i]), combos, min);
      if (best === null || left < best.small) best = { column: i, small: left };
    }
    if (best === null) break;
    withheld.add(best.column);
    small = best.small;
  }
  return [...withheld];
}

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

// Each combination as the values a reader sees, column by column, each value numbered within its
// column (0, 1, 2… in the order first met), worked out once rather than for every column tried.
type Seen = { values: Int32Array; n: number };
type Numbered = { seen: Seen[]; distinct: number[] }; // distinct: released values per column

function numbered(columns: readonly QuasiColumn[], combos: readonly Combination[]): Numbered {
  const ids = columns.map(() => new Map<string, number>());
  const seen = combos
    .filter((c) => c.n > 0)
    .map(({ values, n }) => {
      const row = new Int32Array(columns.length);
      columns.forEach((column, i) => {
        const v = released(column, values[i]!);
        const known = ids[i]!.get(v);
        row[i] = known ?? ids[i]!.size;
        if (known === undefined) ids[i]!.set(v, ids[i]!.size);
      });
      return { values: row, n };
    });
  return { seen, distinct: ids.map((m) => m.size) };
}

// The rows in classes below the minimum once the withheld columns show one value for all. A class
// is the combination's values in the columns still shown, as one number (mixed radix) while that
// stays exact, else as text.
function smallRows(withheld: ReadonlySet<number>, { seen, distinct }: Numbered, min: number) {
  const shown = distinct.map((_, i) => i).filter((i) => !withheld.has(i));
  const span = shown.reduce((product, i) => product * distinct[i]!, 1);
  const classes = new Map<number | string, number>();
  for (const { values, n } of seen) {
    let key: number | string = 0;
    if (span <= Number.MAX_SAFE_INTEGER) for (const i of shown) key = key * distinct[i]! + values[i]!;
    else key = shown.map((i) => values[i]).join(',');
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
  const seen = numbered(columns, combos);
  // a column whose rows all carry one released value sorts nobody apart: withholding it gains nothing
  const sorting = seen.distinct.map((values) => values > 1);
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

import { reachesMinimum, suppressBreakdown } from './suppression.js';
import { SUPPRESSED_CODE } from '../codec/codes.js';
import type { Layout } from '../codec/columns.js';
import { groupKey, type ResponseRow } from '../codec/response-row.js';

// Demographic bands are counted per council × wave — the smallest groups a reader can pick out
// with the file's own columns, so a band large overall but small in one council is protected
// too. Within each group the rules of server/stats/suppression.ts decide: a band of 1 to
// MIN_GROUP_SIZE - 1 respondents is merged into "Other/suppressed" (code -9, declared missing),
// and when the merged bands add up to fewer than MIN_GROUP_SIZE the smallest shown band is
// merged as well, so the merged group is never small and never just one band under a new name.
// A band not seen when counting (e.g. a response arriving during the export) is merged.
export type BandCounts = Map<string, Map<number, Map<number, number>>>;

export function demographicReaders(layout: Layout) {
  return new Map(
    [...layout.versions].map(([version, v]) => [
      version,
      v.readers.filter((r) => layout.columns[r.index]!.demographic),
    ]),
  );
}

// Responses per council × wave (`totals`) and, within each, per demographic band (`counts`).
export function countBands(layout: Layout) {
  const readers = demographicReaders(layout);
  const counts: BandCounts = new Map();
  const totals = new Map<string, number>();
  const add = (row: Pick<ResponseRow, 'pilotCode' | 'waveId' | 'surveyVersion' | 'answers'>) => {
    const key = groupKey(row.pilotCode, row.waveId);
    totals.set(key, (totals.get(key) ?? 0) + 1);
    const group = counts.get(key) ?? new Map<number, Map<number, number>>();
    counts.set(key, group);
    for (const { index, read } of readers.get(row.surveyVersion) ?? []) {
      const code = read(row.answers);
      if (typeof code !== 'number') continue;
      const bands = group.get(index) ?? new Map<number, number>();
      group.set(index, bands.set(code, (bands.get(code) ?? 0) + 1));
    }
  };
  return { add, counts, totals };
}

export type ExportedGroups = { keep: Set<string>; rows: number; leftOut: number };

// Rule 1 of the suppression rule, for files: a council × wave with 1 to MIN_GROUP_SIZE - 1
// responses in the selection is left out whole, as summaries show it only as "fewer than N".
// Merging its bands would not be enough: its rows would still show a small group's answers.
// Every filter selects whole council × wave groups, so a group's total — and whether it is
// left out — is the same in every export that includes it, and no two exports differ by part
// of a group. Callers report how many groups were left out, never which or how small: a list
// naming the councils that had 1 to MIN_GROUP_SIZE - 1 respondents would travel with the file
// wherever it is shared, and their sizes are exactly the small counts the rule withholds.
export function exportedGroups(totals: ReadonlyMap<string, number>, min: number): ExportedGroups {
  const keep = new Set<string>();
  let rows = 0;
  for (const [key, n] of totals) {
    if (!reachesMinimum(n, min)) continue;
    keep.add(key);
    rows += n;
  }
  return { keep, rows, leftOut: totals.size - keep.size };
}

export function shownBands(layout: Layout, counts: BandCounts, min: number): Map<string, Map<number, Set<number>>> {
  const demographic = layout.columns.flatMap((c, i) => (c.demographic ? [i] : []));
  const shown = new Map<string, Map<number, Set<number>>>();
  for (const [key, group] of counts) {
    const byColumn = new Map<number, Set<number>>();
    for (const index of demographic) {
      const cells = layout.columns[index]!.codes.filter((c) => c.code !== SUPPRESSED_CODE).map((c) => ({
        key: c.code,
        n: group.get(index)?.get(c.code) ?? 0,
      }));
      const published = suppressBreakdown(cells, min).cells;
      byColumn.set(
        index,
        new Set(published.flatMap((p, i) => (p.status === 'shown' && cells[i]!.n > 0 ? [p.key] : []))),
      );
    }
    shown.set(key, byColumn);
  }
  return shown;
}

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsToWithhold } from '../../../server/disclosure/export-combos.js';
import { groupRelease, shownCells, type GroupCounts } from '../../../server/disclosure/export-bands.js';

const MIN = 10;
const RULES = { min: MIN, freeTextMin: 20, freeTextAllowed: false };
const QUESTIONS = { role: ['sw', 'tm'], employment: ['perm', 'agency'], pattern: ['ft', 'pt'] };
type Q = keyof typeof QUESTIONS;

// A council × wave's counts as the tally keeps them: rows per full combination ("sw perm ft 2025-03");
// the per-column counts are their sums, as the summary's breakdowns count them.
function countsOf(combos: Record<string, number>): GroupCounts {
  const combinations = Object.entries(combos).map(([key, n]) => {
    const values = key.split(' ');
    return { bands: values.slice(0, 3), month: values[3]!, n };
  });
  const sum = (pick: (c: (typeof combinations)[number]) => boolean) =>
    combinations.filter(pick).reduce((s, c) => s + c.n, 0);
  const bands = (Object.keys(QUESTIONS) as Q[]).map((question, i) => ({
    question,
    cells: [...QUESTIONS[question], 'unanswered'].map((key) => ({ key, n: sum((c) => c.bands[i] === key) })),
  }));
  const months = [...new Set(combinations.map((c) => c.month))].sort();
  return {
    total: sum(() => true),
    bands,
    months: months.map((key) => ({ key, n: sum((c) => c.month === key) })),
    combinations,
  };
}

// What a reader can count in the file: for every set of columns they sort by, the rows per
// combination of released values (-9 for a hidden band, blank for a hidden month).
function cellsAReaderCounts(counts: GroupCounts, release: ReturnType<typeof groupRelease>): number[] {
  const released = (c: GroupCounts['combinations'][number]) => [
    ...c.bands.map((b, i) => (release.bands.get(counts.bands[i]!.question)!.has(b) ? b : '-9')),
    release.months.has(c.month) ? c.month : '',
  ];
  const sizes: number[] = [];
  for (let subset = 1; subset < 16; subset++) {
    const cells = new Map<string, number>();
    for (const c of counts.combinations) {
      const key = released(c)
        .filter((_, i) => subset & (1 << i))
        .join(' ');
      cells.set(key, (cells.get(key) ?? 0) + c.n);
    }
    sizes.push(...cells.values());
  }
  return sizes;
}

describe('combinations of demographic columns in exports', () => {
  // 40 people: 20 social workers, 20 team managers; 20 permanent, 20 agency. Each column alone
  // passes, but the one agency social worker and the one permanent team manager are alone in
  // their cross-tab cells: whoever knows them reads their every answer off their row.
  const crossed = countsOf({
    'sw perm unanswered 2025-03': 19,
    'sw agency unanswered 2025-03': 1,
    'tm perm unanswered 2025-03': 1,
    'tm agency unanswered 2025-03': 19,
  });

  test('when two columns each pass but their cross-tab has a cell of 1, then one of them is withheld whole for the group', () => {
    const release = groupRelease(crossed, RULES);
    // withholding role or employment leaves classes of 20 and 20 (0 rows in small classes);
    // withholding the month or the pattern (one value for everyone) would sort nobody apart.
    // Role and employment tie; employment, later in the order, goes.
    assert.deepEqual(release.withheld, ['employment']);
    assert.deepEqual([...release.bands.get('role')!].sort(), ['sw', 'tm']);
    assert.deepEqual([...release.bands.get('employment')!], []);
    assert.deepEqual([...release.months], ['2025-03']);
  });

  test('when the summary and the export are read together, then no cell of the file holds 1 to 9 rows, and the summary keeps its bands', () => {
    const release = groupRelease(crossed, RULES);
    const small = cellsAReaderCounts(crossed, release).filter((n) => n > 0 && n < MIN);
    assert.deepEqual(small, []);
    // the summary's breakdown of employment is decided alone and still shows 20 and 20: the
    // export shows no employment at all (40 rows -9), so summary minus export isolates nobody
    const summary = shownCells(crossed.bands[1]!.cells, MIN);
    assert.deepEqual([...summary].sort(), ['agency', 'perm']);
    // under the per-column rule alone (no combinations known) the file had cells of one row
    // (role × employment, whatever else a reader sorted by)
    const perColumn = groupRelease({ ...crossed, combinations: [] }, RULES);
    const before = cellsAReaderCounts(crossed, perColumn).filter((n) => n > 0 && n < MIN);
    assert.deepEqual([...new Set(before)], [1]);
  });

  test('when the month and a demographic column would each fix the classes, then the month is withheld first', () => {
    const counts = countsOf({
      'sw unanswered unanswered 2025-03': 19,
      'sw unanswered unanswered 2025-04': 1,
      'tm unanswered unanswered 2025-03': 1,
      'tm unanswered unanswered 2025-04': 19,
    });
    const release = groupRelease(counts, RULES);
    // months 20 and 20 pass alone; withholding month or role leaves 0 rows in small classes
    assert.deepEqual(release.withheld, ['month']);
    assert.deepEqual([...release.months], []);
    assert.deepEqual([...release.bands.get('role')!].sort(), ['sw', 'tm']);
  });

  test('when no single column is enough, then columns are withheld one by one until every class holds the minimum', () => {
    // three columns, each value of each column 20 or 11, but the fourth combination holds 1:
    // any two columns give the third, so withholding one leaves the 1 alone; a second must go
    const counts = countsOf({
      'sw perm ft 2025-03': 10,
      'sw agency pt 2025-03': 10,
      'tm perm pt 2025-03': 10,
      'tm agency ft 2025-03': 1,
    });
    const release = groupRelease(counts, RULES);
    // first round: all three tie at 1 row in a small class, pattern (latest) goes; then with role
    // and employment: withholding employment leaves sw 20, tm 11 (0) and role leaves perm 20,
    // agency 11 (0): a tie, employment goes
    assert.deepEqual(release.withheld, ['pattern', 'employment']);
    assert.deepEqual(
      cellsAReaderCounts(counts, release).filter((n) => n > 0 && n < MIN),
      [],
    );
  });

  test('when every class holds the minimum, then nothing is withheld', () => {
    const counts = countsOf({ 'sw perm ft 2025-03': 10, 'tm agency pt 2025-03': 12, 'tm perm pt 2025-03': 0 });
    assert.deepEqual(groupRelease(counts, RULES).withheld, []);
  });

  test('when hidden bands already merge the small classes, then nothing more is withheld', () => {
    // agency (3) is hidden with perm (37, the smallest shown): every row's employment is -9 already
    const counts = countsOf({
      'sw perm unanswered 2025-03': 20,
      'tm perm unanswered 2025-03': 17,
      'tm agency unanswered 2025-03': 3,
    });
    const release = groupRelease(counts, RULES);
    assert.deepEqual(release.withheld, []);
    assert.deepEqual([...release.bands.get('employment')!], []);
  });

  test('when the same group is in two exports with different filters, then it is released the same in both, so their difference is whole groups', () => {
    // the release is a function of the group's own counts: another group beside it changes nothing
    const other = countsOf({ 'sw perm ft 2025-03': 50 });
    const alone = groupRelease(crossed, RULES);
    const beside = [other, crossed].map((c) => groupRelease(c, RULES))[1]!;
    assert.deepEqual(beside, alone);
  });

  test('when the group is below the minimum, then nothing can be withheld to help and the caller leaves it out', () => {
    const counts = countsOf({ 'sw perm ft 2025-03': 4, 'tm agency pt 2025-03': 3 });
    assert.deepEqual(columnsToWithhold([{ shown: new Set() }], [{ values: ['x'], n: 7 }], MIN), []);
    assert.deepEqual(groupRelease(counts, RULES).withheld, []);
  });
});

// The same greedy choice worked out the plain way: each class named by its shown values as text.
function referenceWithhold(
  columns: { shown: ReadonlySet<string> }[],
  combos: { values: string[]; n: number }[],
  min: number,
): number[] {
  const seen = combos
    .filter((c) => c.n > 0)
    .map((c) => ({ values: c.values.map((v, i) => (columns[i]!.shown.has(v) ? `+${v}` : '-')), n: c.n }));
  const small = (withheld: Set<number>) => {
    const classes = new Map<string, number>();
    for (const { values, n } of seen) {
      const key = JSON.stringify(values.map((v, i) => (withheld.has(i) ? '' : v)));
      classes.set(key, (classes.get(key) ?? 0) + n);
    }
    return [...classes.values()].filter((n) => n < min).reduce((s, n) => s + n, 0);
  };
  const sorting = columns.map((_, i) => new Set(seen.map((c) => c.values[i])).size > 1);
  const withheld = new Set<number>();
  let left = small(withheld);
  while (left > 0) {
    let best: { column: number; small: number } | null = null;
    for (let i = columns.length - 1; i >= 0; i--) {
      if (withheld.has(i) || !sorting[i]) continue;
      const s = small(new Set([...withheld, i]));
      if (best === null || s < best.small) best = { column: i, small: s };
    }
    if (best === null) break;
    withheld.add(best.column);
    left = best.small;
  }
  return [...withheld];
}

describe('columnsToWithhold against the plain text-keyed working', () => {
  // a small deterministic generator (xorshift), so a failure names its seed
  const rng = (seed: number) => () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };
  for (const [label, columnCount, valuesPer] of [
    ['few columns', 4, 4],
    ['many columns with many values (classes named as text)', 12, 40],
  ] as const) {
    test(`the same columns, in the same order, for 200 random groups: ${label}`, () => {
      for (let seed = 1; seed <= 200; seed++) {
        const next = rng(seed * 7919);
        const values = (c: number) => Array.from({ length: valuesPer }, (_, v) => `c${c}v${v}`);
        const columns = Array.from({ length: columnCount }, (_, c) => ({
          shown: new Set(values(c).filter(() => next() < 0.7)),
        }));
        const combos = Array.from({ length: 1 + Math.floor(next() * 60) }, () => ({
          values: Array.from({ length: columnCount }, (_, c) => values(c)[Math.floor(next() * valuesPer)]!),
          n: Math.floor(next() * 8),
        }));
        assert.deepEqual(
          columnsToWithhold(columns, combos, MIN),
          referenceWithhold(columns, combos, MIN),
          `seed ${seed}`,
        );
      }
    });
  }
});

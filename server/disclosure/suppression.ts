// The one place that compares a group with the minimum: every publish-or-suppress decision of
// summaries, comparisons, breakdowns, progress, the digest and exports calls a function here.
// Small-cell suppression: no published figure may describe fewer than `min` respondents,
// either directly or by subtracting one published figure from another.
//
// The rules:
// 1. Minimum group size. `min` (MIN_GROUP_SIZE, 10 unless configured) may not be set below 5.
// 2. Primary suppression. A group's or band's count n with 0 < n < min is shown only as "suppressed", never
//    as a number, a range or a rounded value. Counts of min or more are shown exactly.
// 3. Zeros are shown as 0. A zero describes nobody, so it reveals nothing about any one
//    respondent; hiding zeros would also make suppressed cells look bigger than they are.
//    (Caveat: in a breakdown like "intend to leave: yes 12, no 0", the 0 tells the reader
//    that everyone in the group said yes. That is a property of the group, which we accept
//    for groups of min or more.)
// 4. Complementary suppression. When a breakdown's total is published, the suppressed
//    cells add up to the total minus the shown cells. If that sum is between 1 and min - 1
//    (always so when exactly one cell is suppressed, and also when, say, 2 + 3 are), the
//    smallest shown non-zero cell (first in the given order on ties) is suppressed too.
//    That cell holds at least min, so one is always enough.
// 5. Small totals. If a breakdown's total is between 1 and min - 1, every cell and the total
//    are suppressed.
// 6. Differencing. A subgroup (a filter such as "permanent staff", or part of a wave) is
//    shown only if it has at least min respondents AND the rest of its parent group is 0 or
//    at least min, so parent minus child never reveals a small group. The same rule applies
//    to successive running totals of the same thing: a new figure replaces the last one
//    published only if it is at least min and adds 0 or at least min respondents to it.
//
// Limits: rule 4 stops exact recovery by subtraction within one breakdown. It is not a full
// audit: a reader who knows the rule can sometimes narrow a suppressed cell to a range, and
// linking several breakdowns of the same people (role × answer) is not checked here.
// The suppression reason is for logs and tests; publish only "suppressed".

export const LOWEST_MIN_GROUP_SIZE = 5;

export type Cell<K> = { key: K; n: number };
export type SuppressionReason = 'below-minimum' | 'complementary' | 'small-total';
export type Published<K> =
  { key: K; status: 'shown'; n: number } | { key: K; status: 'suppressed'; reason: SuppressionReason };
export type PublishedTotal = { status: 'shown'; n: number } | { status: 'suppressed'; reason: 'small-total' };

export function assertMinGroupSize(min: number): void {
  if (!Number.isInteger(min) || min < LOWEST_MIN_GROUP_SIZE) {
    throw new RangeError(`minimum group size must be a whole number >= ${LOWEST_MIN_GROUP_SIZE}, got ${min}`);
  }
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a whole number >= 0, got ${n}`);
}

// A statistic (a mean, a proportion, an answer distribution, a group of rows) needs a base of at
// least the minimum; 0 describes nobody but has no statistic to show either.
export function reachesMinimum(n: number, min: number): boolean {
  return n >= min;
}

// The driver analysis's own minimum (DRIVER_MIN_GROUP_SIZE) may never be below the group minimum.
export function assertDriverMinimum(driverMin: number, min: number): void {
  assertMinGroupSize(min);
  if (!Number.isInteger(driverMin) || driverMin < min)
    throw new RangeError(`the driver minimum must be a whole number >= ${min}, got ${driverMin}`);
}

export function isPublishable(n: number, min: number): boolean {
  assertMinGroupSize(min);
  assertCount(n);
  return n === 0 || n >= min;
}

// Rules 2 and 3 only: use for cells whose total is not published.
export function suppressCells<K>(cells: readonly Cell<K>[], min: number): Published<K>[] {
  return cells.map(({ key, n }) =>
    isPublishable(n, min) ? { key, status: 'shown', n } : { key, status: 'suppressed', reason: 'below-minimum' },
  );
}

// Rules 2 to 5, for a breakdown published with its total. The total is the sum of the cells:
// if the published total also counts people outside them (e.g. "not answered"), pass those
// as a cell too, or the complementary suppression protects the wrong sum.
export function suppressBreakdown<K>(
  cells: readonly Cell<K>[],
  min: number,
): { cells: Published<K>[]; total: PublishedTotal } {
  const published = suppressCells(cells, min);
  const total = cells.reduce((s, c) => s + c.n, 0);
  if (total > 0 && total < min) {
    return {
      cells: published.map((p) =>
        p.status === 'shown' ? { key: p.key, status: 'suppressed', reason: 'small-total' } : p,
      ),
      total: { status: 'suppressed', reason: 'small-total' },
    };
  }
  const hidden = cells.reduce((s, c, i) => (published[i]!.status === 'suppressed' ? s + c.n : s), 0);
  if (hidden > 0 && hidden < min) {
    const complement = smallestShownNonZero(cells, published);
    if (complement !== null) {
      published[complement] = { key: cells[complement]!.key, status: 'suppressed', reason: 'complementary' };
    }
  }
  return { cells: published, total: { status: 'shown', n: total } };
}

function smallestShownNonZero<K>(cells: readonly Cell<K>[], published: readonly Published<K>[]): number | null {
  let best: number | null = null;
  cells.forEach((cell, i) => {
    if (published[i]!.status !== 'shown' || cell.n === 0) return;
    if (best === null || cell.n < cells[best]!.n) best = i;
  });
  return best;
}

// Rule 2 for rows published whole (an export): rows that agree on every column a reader can sort
// them by form a class, and a class is a group of people like any other. The rows in classes of 1
// to min - 1, from the classes' sizes.
export function rowsInSmallClasses(classes: Iterable<number>, min: number): number {
  let rows = 0;
  for (const n of classes) if (n > 0 && !reachesMinimum(n, min)) rows += n;
  return rows;
}

// Rule 6 for a subgroup of a parent group.
export function differenceSafe(parentN: number, childN: number, min: number): boolean {
  assertMinGroupSize(min);
  assertCount(parentN);
  assertCount(childN);
  if (childN > parentN) throw new RangeError(`subgroup (${childN}) larger than its parent (${parentN})`);
  const rest = parentN - childN;
  return childN >= min && (rest === 0 || rest >= min);
}

// Rule 6 for running totals (e.g. responses so far in a wave): may `laterN` replace the last
// figure actually published, `publishedN` (0 if none has been)? Suppressed figures in
// between don't count, as nobody saw them.
export function successiveSafe(publishedN: number, laterN: number, min: number): boolean {
  if (!isPublishable(publishedN, min)) {
    throw new RangeError(`${publishedN} is below ${min} and cannot have been published`);
  }
  assertCount(laterN);
  if (laterN < publishedN) throw new RangeError(`running total went down from ${publishedN} to ${laterN}`);
  const added = laterN - publishedN;
  return laterN >= min && (added === 0 || added >= min);
}

// Rules 2 and 4 for one statistic across a breakdown's bands: a band shows the statistic when the
// band itself is shown and the statistic's own base there reaches the minimum; and since the
// bands' bases add up to the published overall base, if the hidden bases together hold fewer than
// the minimum, the smallest shown one goes too.
export function bandsShowing(bases: { band: string; n: number; bandShown: boolean }[], min: number): Set<string> {
  const shown = bases.filter((b) => b.bandShown && reachesMinimum(b.n, min));
  const hidden = bases.reduce((s, b) => s + b.n, 0) - shown.reduce((s, b) => s + b.n, 0);
  if (hidden > 0 && !reachesMinimum(hidden, min) && shown.length > 0) {
    const smallest = shown.reduce((a, b) => (b.n < a.n ? b : a));
    shown.splice(shown.indexOf(smallest), 1);
  }
  return new Set(shown.map((b) => b.band));
}

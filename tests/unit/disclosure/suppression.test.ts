import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  differenceSafe,
  isPublishable,
  successiveSafe,
  suppressBreakdown,
  suppressCells,
} from '../../../server/disclosure/suppression.js';

const shown = (key: string, n: number) => ({ key, status: 'shown', n });
const hidden = (key: string, reason: string) => ({ key, status: 'suppressed', reason });
const cells = (...counts: [string, number][]) => counts.map(([key, n]) => ({ key, n }));

describe('minimum group size', () => {
  test('when min is below 5 or fractional, then it throws', () => {
    assert.throws(() => isPublishable(3, 4), RangeError);
    assert.throws(() => isPublishable(3, 7.5), RangeError);
    assert.equal(isPublishable(5, 5), true);
  });

  test('when no min is given, then it is 10', () => {
    assert.equal(isPublishable(9, 10), false);
    assert.equal(isPublishable(10, 10), true);
  });
});

describe('suppressCells (primary)', () => {
  test('when counts are 1..min-1, then they are suppressed; 0 and min or more are shown exactly', () => {
    const breakdown = cells(['a', 0], ['b', 1], ['c', 9], ['d', 10], ['e', 25]);
    assert.deepEqual(suppressCells(breakdown, 10), [
      shown('a', 0),
      hidden('b', 'below-minimum'),
      hidden('c', 'below-minimum'),
      shown('d', 10),
      shown('e', 25),
    ]);
  });

  test('when a count is not a whole number >= 0, then it throws', () => {
    assert.throws(() => suppressCells(cells(['a', -1]), 10), RangeError);
    assert.throws(() => suppressCells(cells(['a', 2.5]), 10), RangeError);
  });
});

describe('suppressBreakdown (with a published total)', () => {
  test('when exactly one cell is suppressed, then the next smallest is suppressed too', () => {
    // Total 55 shown: without the second suppression, yes = 55 - 40 - 12 = 3.
    const result = suppressBreakdown(cells(['yes', 3], ['no', 40], ['unsure', 12]), 10);
    assert.deepEqual(result.cells, [
      hidden('yes', 'below-minimum'),
      shown('no', 40),
      hidden('unsure', 'complementary'),
    ]);
    assert.deepEqual(result.total, { status: 'shown', n: 55 });
  });

  test('when the next smallest cell is 0, then it is skipped because hiding it protects nothing', () => {
    const result = suppressBreakdown(cells(['a', 3], ['b', 0], ['c', 15], ['d', 20]), 10);
    assert.deepEqual(result.cells, [
      hidden('a', 'below-minimum'),
      shown('b', 0),
      hidden('c', 'complementary'),
      shown('d', 20),
    ]);
  });

  test('when several suppressed cells add up to less than min, then one more is suppressed', () => {
    // a + b = 2 + 3 = 5 could be read off as 75 - 30 - 40 otherwise.
    const result = suppressBreakdown(cells(['a', 2], ['b', 3], ['c', 30], ['d', 40]), 10);
    assert.deepEqual(
      result.cells.map((c) => c.status),
      ['suppressed', 'suppressed', 'suppressed', 'shown'],
    );
  });

  test('when suppressed cells already add up to min or more, then nothing else is suppressed', () => {
    // a + b = 13 is recoverable, but neither a nor b alone is.
    const result = suppressBreakdown(cells(['a', 6], ['b', 7], ['c', 30]), 10);
    assert.deepEqual(
      result.cells.map((c) => c.status),
      ['suppressed', 'suppressed', 'shown'],
    );
  });

  test('when two candidate cells are equally small, then the first in the given order is chosen', () => {
    const result = suppressBreakdown(cells(['a', 3], ['b', 12], ['c', 12]), 10);
    assert.deepEqual(result.cells, [hidden('a', 'below-minimum'), hidden('b', 'complementary'), shown('c', 12)]);
  });

  test('when no cell is suppressed, then everything is shown', () => {
    const result = suppressBreakdown(cells(['a', 10], ['b', 0]), 10);
    assert.deepEqual(result, { cells: [shown('a', 10), shown('b', 0)], total: { status: 'shown', n: 10 } });
  });

  test('when the total is below min, then every cell (zeros too) and the total are suppressed', () => {
    const result = suppressBreakdown(cells(['a', 4], ['b', 3], ['c', 0]), 10);
    assert.deepEqual(result, {
      cells: [hidden('a', 'below-minimum'), hidden('b', 'below-minimum'), hidden('c', 'small-total')],
      total: { status: 'suppressed', reason: 'small-total' },
    });
  });

  test('when nobody is in the breakdown, then the zeros and the total of 0 are shown', () => {
    const result = suppressBreakdown(cells(['a', 0], ['b', 0]), 10);
    assert.deepEqual(result, { cells: [shown('a', 0), shown('b', 0)], total: { status: 'shown', n: 0 } });
  });
});

describe('differenceSafe', () => {
  test('when the child and the rest are both at least min, then it is safe', () => {
    assert.equal(differenceSafe(30, 12, 10), true); // rest 18
    assert.equal(differenceSafe(20, 10, 10), true); // rest 10
  });

  test('when the child is the whole parent, then it is safe (the difference is 0)', () => {
    assert.equal(differenceSafe(30, 30, 10), true);
  });

  test('when parent minus child would be 1..min-1, then it is not safe', () => {
    assert.equal(differenceSafe(30, 25, 10), false); // rest 5
    assert.equal(differenceSafe(12, 10, 10), false); // rest 2
  });

  test('when the child itself is below min, then it is not safe', () => {
    assert.equal(differenceSafe(30, 9, 10), false);
    assert.equal(differenceSafe(30, 0, 10), false);
  });

  test('when the child is larger than the parent, then it throws', () => {
    assert.throws(() => differenceSafe(10, 11, 10), RangeError);
  });
});

describe('successiveSafe', () => {
  test('when nothing has been published yet, then the first figure needs at least min', () => {
    assert.equal(successiveSafe(0, 9, 10), false);
    assert.equal(successiveSafe(0, 10, 10), true);
  });

  test('when the new figure adds 1..min-1 to the published one, then it is not safe', () => {
    assert.equal(successiveSafe(10, 15, 10), false);
  });

  test('when the new figure adds 0 or at least min, then it is safe', () => {
    assert.equal(successiveSafe(20, 20, 10), true);
    assert.equal(successiveSafe(10, 20, 10), true);
  });

  test('when the "published" figure could not have been published or the total went down, then it throws', () => {
    assert.throws(() => successiveSafe(3, 20, 10), RangeError);
    assert.throws(() => successiveSafe(20, 15, 10), RangeError);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addRow,
  alphaFromAccumulator,
  cronbachAlpha,
  emptyAlpha,
  mergeAlpha,
  type ItemRow,
} from '../../../server/stats/alpha.js';
import { assertClose } from '../../helpers/approx.js';

// Worked example: 3 items, 4 complete respondents (plus one who skipped an item).
//   item 1: 1, 2, 3, 4  mean 2.5  squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5  var 5/3
//   item 2: 2, 2, 4, 4  mean 3    1 + 1 + 1 + 1 = 4                                  var 4/3
//   item 3: 2, 3, 4, 5  mean 3.5  5                                                  var 5/3
//   Σ item variances = 14/3
//   totals: 5, 7, 11, 13  mean 9  16 + 4 + 4 + 16 = 40                              var 40/3
//   α = 3/2 · (1 - (14/3) / (40/3)) = 1.5 · (1 - 0.35) = 0.975
const ROWS: ItemRow[] = [
  [1, 2, 2],
  [2, 2, 3],
  [3, 4, 4],
  [5, null, 1],
  [4, 4, 5],
];

const accumulate = (rows: readonly ItemRow[], k: number) => rows.reduce(addRow, emptyAlpha(k));

describe('cronbachAlpha', () => {
  test('when given the worked example, then alpha is 0.975 from the 4 complete rows', () => {
    const a = cronbachAlpha(ROWS);
    assert.equal(a?.n, 4);
    assert.equal(a?.k, 3);
    assertClose(a?.alpha, 0.975, 1e-12);
  });

  test('when items pull against each other, then alpha is negative and reported as is', () => {
    // items (1, 3) and (3, 2): variances 2 and 0.5; totals 4, 5: variance 0.5
    // α = 2 · (1 - 2.5 / 0.5) = -8
    assertClose(
      cronbachAlpha([
        [1, 3],
        [3, 2],
      ])?.alpha,
      -8,
      1e-12,
    );
  });

  test('when fewer than 2 complete rows remain, then it is null', () => {
    assert.equal(
      cronbachAlpha([
        [1, 2],
        [3, null],
      ]),
      null,
    );
    assert.equal(cronbachAlpha([]), null);
  });

  test('when the scale has a single item, then it is null', () => {
    assert.equal(cronbachAlpha([[1], [2], [3]]), null);
  });

  test('when every total is the same, then the variance is 0 and it is null', () => {
    assert.equal(
      cronbachAlpha([
        [1, 3],
        [2, 2],
        [3, 1],
      ]),
      null,
    );
  });

  test('when rows have different numbers of items, then it throws', () => {
    assert.throws(
      () =>
        cronbachAlpha([
          [1, 2],
          [1, 2, 3],
        ]),
      RangeError,
    );
  });
});

describe('AlphaAccumulator', () => {
  test('when rows are added one at a time, then alpha matches the direct calculation', () => {
    // Sums (10, 12, 14); cross-products e.g. C₁₁ = 1 + 4 + 9 + 16 = 30, C₁₃ = 2 + 6 + 12 + 20 = 40
    const acc = accumulate(ROWS, 3);
    assert.equal(acc.n, 4);
    assert.deepEqual(acc.sums, [10, 12, 14]);
    assert.equal(acc.cross[0]![0], 30);
    assert.equal(acc.cross[0]![2], 40);
    assertClose(alphaFromAccumulator(acc)?.alpha, 0.975, 1e-12);
  });

  test('when many rows are split into groups and merged, then both routes agree', () => {
    // Deterministic pseudo-random 0..10 scores with a shared component so alpha is sizeable,
    // and about 1 in 12 items missing.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows: ItemRow[] = Array.from({ length: 300 }, () => {
      const base = next() * 6;
      return Array.from({ length: 5 }, () => (next() < 1 / 12 ? null : Math.round(base + next() * 4)));
    });
    const merged = mergeAlpha(accumulate(rows.slice(0, 100), 5), accumulate(rows.slice(100), 5));
    const direct = cronbachAlpha(rows);
    const incremental = alphaFromAccumulator(merged);
    assert.equal(incremental?.n, direct?.n);
    assert.ok(direct !== null && direct.alpha > 0.5, `alpha was ${direct?.alpha}`);
    assertClose(incremental?.alpha, direct.alpha, 1e-12);
  });

  test('when the accumulator has fewer than 2 rows or 1 item, then alpha is null', () => {
    assert.equal(alphaFromAccumulator(accumulate([[1, 2]], 2)), null);
    assert.equal(alphaFromAccumulator(accumulate([[1], [2], [3]], 1)), null);
  });

  test('when scales of different length are merged or a row is the wrong length, then it throws', () => {
    assert.throws(() => mergeAlpha(emptyAlpha(2), emptyAlpha(3)), RangeError);
    assert.throws(() => addRow(emptyAlpha(2), [1, 2, 3]), RangeError);
    assert.throws(() => emptyAlpha(0), RangeError);
  });
});

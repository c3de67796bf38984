import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { proportionDiD } from '../../../server/reports/summaries/compare.js';
import { medianOfCounts } from '../../../server/tally/read-counters.js';
import { assertClose, assertIntervalClose } from '../../helpers/approx.js';

const dist = (pairs: [string, number][]) => pairs.map(([value, n]) => ({ value, n }));

describe('medianOfCounts', () => {
  test('when the total is odd, then the median is the middle answer', () => {
    // 1,1,3,3,3: five answers, the third (rank 2) is 3
    assert.equal(
      medianOfCounts(
        dist([
          ['1', 2],
          ['2', 0],
          ['3', 3],
        ]),
      ),
      3,
    );
    // 1,2,2,2,2,4,5: seven answers, the fourth is 2
    assert.equal(
      medianOfCounts(
        dist([
          ['1', 1],
          ['2', 4],
          ['3', 0],
          ['4', 1],
          ['5', 1],
        ]),
      ),
      2,
    );
  });

  test('when the total is even, then the median averages the two middle answers', () => {
    // 1,1,2,4: (1 + 2)/2 = 1.5
    assert.equal(
      medianOfCounts(
        dist([
          ['1', 2],
          ['2', 1],
          ['4', 1],
        ]),
      ),
      1.5,
    );
    // 1,1,5,5: the middle pair straddles the empty options, (1 + 5)/2 = 3
    assert.equal(
      medianOfCounts(
        dist([
          ['1', 2],
          ['2', 0],
          ['3', 0],
          ['4', 0],
          ['5', 2],
        ]),
      ),
      3,
    );
    // 0..10 rating, 3 × 7 and 3 × 8: (7 + 8)/2 = 7.5
    assert.equal(
      medianOfCounts(
        dist([
          ['0', 0],
          ['7', 3],
          ['8', 3],
          ['10', 0],
        ]),
      ),
      7.5,
    );
  });

  test('when options come out of order, then they are sorted by value first', () => {
    // 1,1,5: the second of three is 1
    assert.equal(
      medianOfCounts(
        dist([
          ['5', 1],
          ['1', 2],
        ]),
      ),
      1,
    );
  });

  test('when nobody answered or the options are not numbers, then there is no median', () => {
    assert.equal(
      medianOfCounts(
        dist([
          ['1', 0],
          ['2', 0],
        ]),
      ),
      null,
    );
    assert.equal(
      medianOfCounts(
        dist([
          ['yes', 3],
          ['no', 2],
        ]),
      ),
      null,
    );
    assert.equal(
      medianOfCounts(
        dist([
          ['1', 3],
          ['dont_know', 2],
        ]),
      ),
      null,
    );
  });
});

describe('proportionDiD', () => {
  test('when the pilot rises 20 points and the comparison stays put, then the estimate and CI match the hand calculation', () => {
    // pilot 20/50 = 0.4 -> 30/50 = 0.6; comparison 25/50 = 0.5 -> 25/50 = 0.5
    // estimate = (0.6 - 0.4) - (0.5 - 0.5) = 0.2
    // se² = (0.6·0.4 + 0.4·0.6 + 0.5·0.5 + 0.5·0.5)/50 = 0.98/50 = 0.0196, se = 0.14
    // ci95 = 0.2 ± 1.959963984540054 · 0.14 = 0.2 ± 0.274394957835608
    const d = proportionDiD(
      { before: { x: 20, n: 50 }, after: { x: 30, n: 50 } },
      { before: { x: 25, n: 50 }, after: { x: 25, n: 50 } },
    );
    assertClose(d?.estimate, 0.2, 1e-12);
    assertClose(d?.se, 0.14, 1e-12);
    assertIntervalClose(d?.ci95, [-0.074394957835608, 0.474394957835608], 1e-12);
  });

  test('when groups differ in size and both arms move, then each variance uses its own n', () => {
    // pilot 10/40 = 0.25 -> 12/20 = 0.6 (+0.35); comparison 30/100 = 0.3 -> 20/50 = 0.4 (+0.1)
    // estimate = 0.35 - 0.1 = 0.25
    // se² = 0.6·0.4/20 + 0.25·0.75/40 + 0.4·0.6/50 + 0.3·0.7/100
    //     = 0.012 + 0.0046875 + 0.0048 + 0.0021 = 0.0235875
    const d = proportionDiD(
      { before: { x: 10, n: 40 }, after: { x: 12, n: 20 } },
      { before: { x: 30, n: 100 }, after: { x: 20, n: 50 } },
    );
    assertClose(d?.estimate, 0.25, 1e-12);
    assertClose(d?.se, Math.sqrt(0.0235875), 1e-12);
    const half = 1.959963984540054 * Math.sqrt(0.0235875);
    assertIntervalClose(d?.ci95, [0.25 - half, 0.25 + half], 1e-12);
  });

  test('when every group is all-or-nothing, then the variance is 0 and the interval is the point', () => {
    // (1 - 0) - (0 - 0) = 1; each p(1-p) = 0
    const d = proportionDiD(
      { before: { x: 0, n: 10 }, after: { x: 10, n: 10 } },
      { before: { x: 0, n: 10 }, after: { x: 0, n: 10 } },
    );
    assert.deepEqual(d, { estimate: 1, se: 0, ci95: [1, 1] });
  });

  test('when any of the four groups is empty, then there is no estimate', () => {
    const some = { x: 3, n: 10 };
    assert.equal(proportionDiD({ before: { x: 0, n: 0 }, after: some }, { before: some, after: some }), null);
    assert.equal(proportionDiD({ before: some, after: some }, { before: some, after: { x: 0, n: 0 } }), null);
  });
});

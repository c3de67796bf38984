import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  differenceInDifferences,
  differenceOfMeans,
  differenceOfProportions,
  medianIgnoringNulls,
  waveChange,
} from '../../../server/stats/comparisons.js';
import { momentsOf } from '../../../server/stats/descriptive.js';
import { assertClose, assertIntervalClose } from '../../helpers/approx.js';

describe('differenceOfMeans (Welch)', () => {
  test('when groups differ in size and spread, then estimate, SE, df and CI match the hand calculation', () => {
    // a = 1..5: mean 3, var 2.5, var/n = 0.5;  b = 2, 4, 6: mean 4, var 4, var/n = 4/3
    // estimate = 3 - 4 = -1; SE² = 0.5 + 4/3 = 11/6, SE = 1.354006401
    // df = (11/6)² / (0.5²/4 + (4/3)²/2) = (121/36) / (137/144) = 484/137 = 3.532846715
    // t(0.975, 3.5328) = 2.927405306 (mpmath); ci95 = -1 ± 3.963725522
    const d = differenceOfMeans(momentsOf([1, 2, 3, 4, 5]), momentsOf([2, 4, 6]));
    assertClose(d?.estimate, -1);
    assertClose(d?.se, Math.sqrt(11 / 6));
    assertClose(d?.df, 484 / 137);
    assertIntervalClose(d?.ci95, [-4.963725522186275, 2.9637255221862744], 1e-8);
  });

  test('when one group has no spread, then df falls back to the other group’s n - 1', () => {
    // a = 5, 5, 5 (var 0); b = 1..5 (var/n 0.5). SE² = 0.5, df = 0.25 / (0.25/4) = 4
    // t(0.975, 4) = 2.776445105; ci95 = 2 ± 2.776445105 · √0.5 = 2 ± 1.963243161
    const d = differenceOfMeans(momentsOf([5, 5, 5]), momentsOf([1, 2, 3, 4, 5]));
    assertClose(d?.df, 4);
    assertIntervalClose(d?.ci95, [0.03675683852244216, 3.963243161477558], 1e-8);
  });

  test('when neither group has spread, then the interval is the point and df is n₁ + n₂ - 2', () => {
    const d = differenceOfMeans(momentsOf([7, 7, 7]), momentsOf([4, 4]));
    assert.deepEqual(d, { estimate: 3, se: 0, df: 3, ci95: [3, 3] });
  });

  test('when a group has fewer than 2 responses, then there is no comparison', () => {
    assert.equal(differenceOfMeans(momentsOf([1, 2]), momentsOf([3])), null);
  });
});

describe('waveChange', () => {
  test('when wave 2 is compared with wave 1, then it is w2 minus w1 with the Welch interval', () => {
    // Same numbers as the Welch example with w2 = 1..5 and w1 = 2, 4, 6.
    const d = waveChange({ w1: momentsOf([2, 4, 6]), w2: momentsOf([1, 2, 3, 4, 5]) });
    assertClose(d?.estimate, -1);
    assertClose(d?.df, 484 / 137);
  });
});

describe('differenceInDifferences', () => {
  test('when pilot and comparison arms are given for two waves, then it matches the hand calculation', () => {
    // pilot  w1 = 3, 4, 5     mean 4    var 1    var/n 1/3
    // pilot  w2 = 5, 6, 7, 8  mean 6.5  var 5/3  var/n 5/12
    // comp.  w1 = 4, 5, 6     mean 5    var 1    var/n 1/3
    // comp.  w2 = 4, 6        mean 5    var 2    var/n 1
    // DiD = (6.5 - 4) - (5 - 5) = 2.5
    // SE² = 1/3 + 5/12 + 1/3 + 1 = 25/12, SE = 1.443375673
    // df = (25/12)² / ((1/3)²/2 + (5/12)²/3 + (1/3)²/2 + 1²/1) = (625/144) / (505/432) = 1875/505 = 3.712871287
    // t(0.975, 3.7129) = 2.863208145 (mpmath); ci95 = 2.5 ± 4.132684983
    const did = differenceInDifferences(
      { w1: momentsOf([3, 4, 5]), w2: momentsOf([5, 6, 7, 8]) },
      { w1: momentsOf([4, 5, 6]), w2: momentsOf([4, 6]) },
    );
    assertClose(did?.estimate, 2.5);
    assertClose(did?.se, Math.sqrt(25 / 12));
    assertClose(did?.df, 1875 / 505);
    assertIntervalClose(did?.ci95, [-1.6326849830422878, 6.632684983042288], 1e-8);
  });

  test('when any of the four groups has fewer than 2 responses, then there is no estimate', () => {
    const two = momentsOf([1, 2]);
    assert.equal(differenceInDifferences({ w1: two, w2: two }, { w1: two, w2: momentsOf([3]) }), null);
  });
});

describe('differenceOfProportions (Newcombe hybrid score)', () => {
  test('when 0/10 vs 0/20, then the limits are minus and plus the Wilson upper limits', () => {
    // p₁ = p₂ = 0 and both Wilson lower limits are 0, so lo = -u₂ (0/20) and hi = u₁ (0/10).
    const d = differenceOfProportions({ x: 0, n: 10 }, { x: 0, n: 20 });
    assertIntervalClose(d?.ci95, [-0.16112515805281938, 0.2775327998628892], 1e-12);
  });

  test('when compared with Newcombe (1998) Table II method 10, then it matches to 4 decimals', () => {
    // Newcombe RG, Stat Med 17:873–890.
    const cases: [number, number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.6, 0.1705, 0.809],
      [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
      [10, 10, 0, 20, 1, 0.6791, 1],
      [10, 10, 0, 10, 1, 0.6075, 1],
    ];
    for (const [x1, n1, x2, n2, d, lo, hi] of cases) {
      const result = differenceOfProportions({ x: x1, n: n1 }, { x: x2, n: n2 });
      assertClose(result?.estimate, d, 5e-5);
      assertIntervalClose(result?.ci95, [lo, hi], 5e-5);
    }
  });

  test('when either group is empty, then there is no difference', () => {
    assert.equal(differenceOfProportions({ x: 0, n: 0 }, { x: 1, n: 4 }), null);
  });
});

describe('medianIgnoringNulls', () => {
  test('when some neighbours have no figure, then they are left out, not counted as 0', () => {
    // 1, 2, 3, 4 remain → (2 + 3) / 2
    assert.equal(medianIgnoringNulls([3, null, 1, undefined, 4, 2]), 2.5);
  });

  test('when no neighbour has a figure, then it is null', () => {
    assert.equal(medianIgnoringNulls([null, undefined]), null);
  });
});

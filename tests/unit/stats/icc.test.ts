import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { intraClusterCorrelation, minimumDetectableEffect } from '../../../server/stats/icc.js';
import { councilLevelDifference } from '../../../server/stats/council-level.js';
import { momentsOf } from '../../../server/stats/descriptive.js';
import { assertClose } from '../../helpers/approx.js';

describe('intraClusterCorrelation', () => {
  test('when councils differ within their arm, then ICC and design effect match the one-way ANOVA by hand', () => {
    // pilot: A = 1, 3 (mean 2), B = 5, 7 (mean 6), arm mean 4; comparison: C = 2, 2, D = 4, 4, arm mean 3
    // SSW = 2 + 2 + 0 + 0 = 4 on N - G = 4 df -> MSW = 1
    // SSB = 2·4 + 2·4 + 2·1 + 2·1 = 20 on G - K = 2 df -> MSB = 10
    // n₀ = (8 - (8/4 + 8/4)) / 2 = 2;  ICC = (10 - 1) / (10 + 1·1) = 9/11
    // design effect = 1 + (8/4 - 1)·9/11 = 20/11
    const r = intraClusterCorrelation([
      { cluster: 'A', cell: 0, moments: momentsOf([1, 3]) },
      { cluster: 'B', cell: 0, moments: momentsOf([5, 7]) },
      { cluster: 'C', cell: 1, moments: momentsOf([2, 2]) },
      { cluster: 'D', cell: 1, moments: momentsOf([4, 4]) },
    ]);
    assertClose(r?.icc, 9 / 11);
    assertClose(r?.designEffect, 20 / 11);
    assert.equal(r?.groups, 4);
  });

  test('when each cell has a single council, then there is no between-council variation to estimate', () => {
    const r = intraClusterCorrelation([
      { cluster: 'A', cell: 0, moments: momentsOf([1, 3]) },
      { cluster: 'C', cell: 1, moments: momentsOf([2, 2]) },
    ]);
    assert.equal(r, null);
  });
});

describe('minimumDetectableEffect', () => {
  test('when SE is 1 with 4 df, then it is t(0.975, 4) + t(0.8, 4)', () => {
    // t(0.975, 4) = 2.776445105197799, t(0.8, 4) = 0.9409645772351813 (R: qt(c(.975,.8), 4))
    assertClose(minimumDetectableEffect(1, 4), 2.776445105197799 + 0.9409645772351813, 1e-9);
  });
});

describe('councilLevelDifference', () => {
  test('when each arm has two councils, then it is Welch on the council values, each council once', () => {
    // pilot changes 1, 3 (mean 2, var 2); comparison -1, 1 (mean 0, var 2); SE² = 1 + 1 = 2, df = 4/(1/1 + 1/1) = 2
    const d = councilLevelDifference(
      [
        { code: 'A', value: 1 },
        { code: 'B', value: 3 },
      ],
      [
        { code: 'C', value: -1 },
        { code: 'D', value: 1 },
      ],
    );
    assertClose(d?.estimate, 2);
    assertClose(d?.se, Math.sqrt(2));
    assertClose(d?.df, 2);
  });

  test('when an arm has one council, then there is no council-level comparison', () => {
    assert.equal(
      councilLevelDifference(
        [{ code: 'A', value: 1 }],
        [
          { code: 'C', value: 0 },
          { code: 'D', value: 1 },
        ],
      ),
      null,
    );
  });
});

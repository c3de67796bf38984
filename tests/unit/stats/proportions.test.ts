import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { wilson95 } from '../../../server/stats/proportions.js';
import { assertIntervalClose } from '../../helpers/approx.js';

describe('wilson95', () => {
  test('when 5 of 10, then the interval is symmetric about ½', () => {
    // z² = 3.841458821, 1 + z²/n = 1.384145882, centre = (0.5 + 0.192072941) / 1.384145882 = 0.5
    // half = z / 1.384145882 · √(0.25/10 + z²/400) = 1.416013 · √0.034603647 = 0.263406909
    const w = wilson95(5, 10);
    assert.equal(w?.p, 0.5);
    assertIntervalClose(w?.ci95, [0.236593090512564, 0.7634069094874361], 1e-12);
  });

  test('when 0 of 10, then the interval is [0, z²/n / (1 + z²/n)]', () => {
    // With p = 0 the centre and half-width are both (z²/2n) / (1 + z²/n) = 0.138766400,
    // so lo = 0 exactly and hi = 0.384145882 / 1.384145882 = 0.277532800
    assert.deepEqual(wilson95(0, 10)?.ci95[0], 0);
    assertIntervalClose(wilson95(0, 10)?.ci95, [0, 0.2775327998628892], 1e-12);
  });

  test('when 10 of 10, then the interval mirrors 0 of 10 and the top is exactly 1', () => {
    assert.equal(wilson95(10, 10)?.ci95[1], 1);
    assertIntervalClose(wilson95(10, 10)?.ci95, [1 - 0.2775327998628892, 1], 1e-12);
  });

  test('when compared with Newcombe (1998) Table I, then it matches to 4 decimals', () => {
    // Newcombe RG, Stat Med 17:857–872, Wilson score method without continuity correction.
    assertIntervalClose(wilson95(81, 263)?.ci95, [0.2553, 0.3662], 5e-5);
    assertIntervalClose(wilson95(15, 148)?.ci95, [0.0624, 0.1605], 5e-5);
    assertIntervalClose(wilson95(0, 20)?.ci95, [0, 0.1611], 5e-5);
    assertIntervalClose(wilson95(1, 29)?.ci95, [0.0061, 0.1718], 5e-5);
  });

  test('when n is 0, then there is no proportion', () => {
    assert.equal(wilson95(0, 0), null);
  });

  test('when counts are impossible, then it throws', () => {
    assert.throws(() => wilson95(11, 10), RangeError);
    assert.throws(() => wilson95(-1, 10), RangeError);
    assert.throws(() => wilson95(2.5, 10), RangeError);
  });
});

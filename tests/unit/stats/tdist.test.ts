import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { regularizedIncompleteBeta, studentTCdf, studentTQuantile, tInterval95 } from '../../../server/stats/tdist.js';
import { assertClose } from '../../helpers/approx.js';

describe('regularizedIncompleteBeta', () => {
  test('when b = 1, then I_x(a, 1) = x^a', () => {
    // I_0.3(2, 1) = 0.3² = 0.09
    assertClose(regularizedIncompleteBeta(0.3, 2, 1), 0.09, 1e-14);
  });

  test('when a = 1, then I_x(1, b) = 1 - (1 - x)^b', () => {
    // I_0.2(1, 3) = 1 - 0.8³ = 1 - 0.512 = 0.488
    assertClose(regularizedIncompleteBeta(0.2, 1, 3), 0.488, 1e-14);
  });

  test('when a = b = 1/2, then it is the arcsine law (2/π)·asin(√x)', () => {
    // I_0.25(½, ½) = (2/π)·asin(½) = (2/π)·(π/6) = 1/3
    assertClose(regularizedIncompleteBeta(0.25, 0.5, 0.5), 1 / 3, 1e-13);
  });

  test('when a = b, then I_½(a, a) = ½ by symmetry, even for large a', () => {
    for (const a of [0.5, 7, 500]) assertClose(regularizedIncompleteBeta(0.5, a, a), 0.5, 1e-12);
  });

  test('when x is outside [0, 1] or a parameter is not positive, then it throws', () => {
    assert.throws(() => regularizedIncompleteBeta(1.1, 1, 1), RangeError);
    assert.throws(() => regularizedIncompleteBeta(0.5, 0, 1), RangeError);
  });
});

describe('studentTQuantile', () => {
  test('when df = 1 or 2, then it matches the closed forms', () => {
    // df = 1 is Cauchy: t = tan(π(p - ½)) = tan(0.475π) = 12.706204736...
    assertClose(studentTQuantile(0.975, 1), Math.tan(0.475 * Math.PI), 1e-10);
    // df = 2: t = (2p - 1) / √(2p(1 - p)) = 0.95 / √0.04875 = 4.302652729...
    assertClose(studentTQuantile(0.975, 2), 0.95 / Math.sqrt(0.04875), 1e-11);
  });

  test('when p = 0.975, then it matches printed t tables to 4 decimals', () => {
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [5, 2.5706],
      [10, 2.2281],
      [30, 2.0423],
      [1000, 1.9623],
    ];
    for (const [df, t] of table) assertClose(studentTQuantile(0.975, df), t, 5e-5);
  });

  test('when p = 0.975, then it matches 12+ digits computed with mpmath (betainc + findroot, 30 digits)', () => {
    const reference: [number, number][] = [
      [5, 2.570581835636316],
      [10, 2.228138851986275],
      [30, 2.042272456301238],
      [1000, 1.962339080826409],
      [1e5, 1.95998770753461],
    ];
    for (const [df, t] of reference) assertClose(studentTQuantile(0.975, df), t, 1e-10 * t);
  });

  test('when df is very large, then it approaches z = 1.959964 from above', () => {
    // mpmath: t(0.975, 1e6) = 1.959966356814107; the normal quantile is 1.959963984540054.
    const t = studentTQuantile(0.975, 1e6);
    assertClose(t, 1.959966356814107, 1e-9);
    assert.ok(t > 1.959963984540054);
  });

  test('when df is fractional (Welch), then it lies between its integer neighbours', () => {
    const t = studentTQuantile(0.975, 3.5);
    assert.ok(t < studentTQuantile(0.975, 3) && t > studentTQuantile(0.975, 4));
  });

  test('when p is in a far tail or below ½, then it is accurate and antisymmetric', () => {
    // mpmath: t(0.995, 3) = 5.84090930973336, t(0.9999, 1) = tan(0.4999π) = 3183.0987571...
    assertClose(studentTQuantile(0.995, 3), 5.84090930973336, 1e-10);
    assertClose(studentTQuantile(0.9999, 1), Math.tan(0.4999 * Math.PI), 1e-6);
    assert.equal(studentTQuantile(0.025, 10), -studentTQuantile(0.975, 10));
    assert.equal(studentTQuantile(0.5, 10), 0);
  });

  test('when fed back into the CDF, then it returns the probability it came from', () => {
    for (const df of [1, 2.7, 12, 250]) {
      for (const p of [0.6, 0.9, 0.975, 0.999]) assertClose(studentTCdf(studentTQuantile(p, df), df), p, 1e-12);
    }
  });

  test('when p or df is out of range, then it throws', () => {
    assert.throws(() => studentTQuantile(1, 5), RangeError);
    assert.throws(() => studentTQuantile(0.975, 0), RangeError);
    assert.throws(() => studentTQuantile(0.975, Number.NaN), RangeError);
  });
});

describe('tInterval95', () => {
  test('when given estimate, SE and df, then it is estimate ± t(0.975, df)·SE', () => {
    // 10 ± 2.228138852 · 0.5 = [8.885930574, 11.114069426]
    const [lo, hi] = tInterval95(10, 0.5, 10);
    assertClose(lo, 10 - 2.228138851986275 * 0.5, 1e-10);
    assertClose(hi, 10 + 2.228138851986275 * 0.5, 1e-10);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { differenceOfProportions, proportionContrast } from '../../../server/stats/comparisons.js';
import { Z_95 } from '../../../server/stats/proportions.js';
import { assertClose, assertIntervalClose } from '../../helpers/approx.js';

const did = (pa: [number, number], pb: [number, number], ca: [number, number], cb: [number, number]) =>
  proportionContrast([
    { counts: { x: pa[0], n: pa[1] }, weight: 1 },
    { counts: { x: pb[0], n: pb[1] }, weight: -1 },
    { counts: { x: ca[0], n: ca[1] }, weight: -1 },
    { counts: { x: cb[0], n: cb[1] }, weight: 1 },
  ]);

describe('proportionContrast (MOVER with Wilson limits)', () => {
  test('when every group is all-or-nothing, then the interval still has width (no Wald collapse)', () => {
    // pilot 0/10 -> 10/10, comparison 0/10 -> 0/10: estimate 1.
    // Wilson at 0/n is [0, u] with u = z²/(n + z²); at n/n it is [1 - u, 1].
    // Each of the three moving groups puts u on the lower side; the fourth (comparison before,
    // weight +1 at 0) puts u on the upper side: ci95 = [1 - √3·u, 1 + u].
    const u = (Z_95 * Z_95) / (10 + Z_95 * Z_95);
    const d = did([10, 10], [0, 10], [0, 10], [0, 10]);
    assertClose(d?.estimate, 1);
    assertIntervalClose(d?.ci95, [1 - Math.sqrt(3) * u, 1 + u], 1e-12);
  });

  test('when it has two terms weighted 1 and -1, then it is Newcombe’s hybrid score interval', () => {
    const a = { x: 12, n: 40 };
    const b = { x: 30, n: 50 };
    const mover = proportionContrast([
      { counts: a, weight: 1 },
      { counts: b, weight: -1 },
    ]);
    const newcombe = differenceOfProportions(a, b);
    assertClose(mover?.estimate, newcombe!.estimate, 1e-15);
    assertIntervalClose(mover?.ci95, newcombe!.ci95, 1e-15);
  });

  test('when any group has no base, then there is no estimate', () => {
    assert.equal(did([1, 10], [0, 0], [1, 10], [1, 10]), null);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cr2Contrast, type ClusterCell } from '../../../server/stats/clustered.js';
import { momentsOf } from '../../../server/stats/descriptive.js';
import { assertClose, assertIntervalClose } from '../../helpers/approx.js';

// One wave; cell 0 = pilot arm, cell 1 = comparison arm; two councils each, two answers each.
//   pilot:      A = 1, 3 (sum 4)   B = 5, 7 (sum 12)   N = 4, mean 4
//   comparison: C = 2, 2 (sum 4)   D = 4, 4 (sum 8)    N = 4, mean 3
const oneWave: ClusterCell[] = [
  { cluster: 'A', cell: 0, moments: momentsOf([1, 3]) },
  { cluster: 'B', cell: 0, moments: momentsOf([5, 7]) },
  { cluster: 'C', cell: 1, moments: momentsOf([2, 2]) },
  { cluster: 'D', cell: 1, moments: momentsOf([4, 4]) },
];

describe('cr2Contrast (y ~ arm, CR2, Satterthwaite df)', () => {
  test('when two councils an arm answer, then estimate, SE and df match the hand calculation', () => {
    // d = c/N = (1/4, -1/4); every council has n/N = 1/2, so r = (1 - 1/2)^(-1/2) = √2.
    // Residual sums S: A 4 - 2·4 = -4, B 4, C 4 - 2·3 = -2, D 2.
    // uⱼ = d·r·S: A -√2, B √2, C √2/2, D -√2/2  ->  SE² = 2 + 2 + 1/2 + 1/2 = 5.
    // df: Gⱼ = n·d²·r² = 2·(1/16)·2 = 1/4; qⱼ = n·d·r = ±√2/2 in its own cell, so
    // Σ qᵢqⱼ/N = 1/8 within an arm, 0 across; aⱼⱼ = 1/4 - 1/8 = 1/8, a(A,B) = a(C,D) = -1/8.
    // df = (4 · 1/8)² / (8 · 1/64) = (1/4) / (1/8) = 2.
    // t(0.975, 2) = 4.302652729749464; ci95 = 1 ± 4.302652729749464 · √5 = 1 ± 9.620939890481
    const d = cr2Contrast(oneWave, [1, -1]);
    assertClose(d?.estimate, 1);
    assertClose(d?.se, Math.sqrt(5));
    assertClose(d?.df, 2);
    assertIntervalClose(d?.ci95, [1 - 4.302652729749464 * Math.sqrt(5), 1 + 4.302652729749464 * Math.sqrt(5)], 1e-8);
    assert.equal(d?.clusters, 4);
  });

  test('when every council has the same mean as its arm, then the SE is 0 but the df still follow the design', () => {
    const flat = oneWave.map((c) => ({ ...c, moments: momentsOf(c.cell === 0 ? [4, 4] : [3, 3]) }));
    const d = cr2Contrast(flat, [1, -1]);
    assert.equal(d?.se, 0);
    assertClose(d?.df, 2);
    assert.deepEqual(d?.ci95, [1, 1]);
  });

  test('when a council is alone in its cell, then its adjustment is 0 like R’s pseudo-inverse and the rest still count', () => {
    // Only A in the pilot arm: its residual sum is 0 and r = 0, so SE² comes from C and D alone:
    // d = (1/2, -1/4); uC = (-1/4)·√2·(-2) = √2/2, uD = -√2/2 -> SE² = 1.
    const d = cr2Contrast(
      oneWave.filter((c) => c.cluster !== 'B'),
      [1, -1],
    );
    assertClose(d?.estimate, 2 - 3);
    assertClose(d?.se, 1);
  });

  test('when a contrast uses an empty cell or only one council carries it, then there is no estimate', () => {
    assert.equal(cr2Contrast(oneWave, [1, 0, -1]), null);
    assert.equal(cr2Contrast([oneWave[0]!], [1]), null);
  });

  test('when a cell index is outside the contrast, then it is refused', () => {
    assert.throws(() => cr2Contrast([{ cluster: 'A', cell: 3, moments: momentsOf([1]) }], [1, -1]), RangeError);
  });
});

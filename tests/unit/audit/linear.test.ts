import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inverse, mul, P, residue } from '../../../server/audit/field.js';
import { solve, type Row } from '../../../server/audit/linear.js';

const row = (entries: [number, number][]): Row => new Map(entries);

describe('field arithmetic modulo P', () => {
  test('when a residue is multiplied by its inverse, then the product is 1', () => {
    for (const a of [1, 2, 3, 12, P - 1]) assert.equal(mul(a, inverse(a)), 1);
  });

  test('when a fraction is turned into a residue, then 3 × (1/3) is 1 and -1/4 + 1/4 is 0', () => {
    assert.equal(mul(3, residue(1 / 3)), 1);
    assert.equal((residue(-0.25) + residue(0.25)) % P, 0);
  });
});

describe('solve: which functionals the equations determine', () => {
  test('when x0 + x1 and x0 − x1 are published, then both are determined', () => {
    const s = solve([
      row([
        [0, 1],
        [1, 1],
      ]),
      row([
        [0, 1],
        [1, -1],
      ]),
    ]);
    assert.equal(s.rank, 2);
    assert.ok(s.isDetermined(row([[0, 1]])));
    assert.ok(s.isDetermined(row([[1, 1]])));
  });

  test('when a total of three and a total of two of them are published, then only the third is determined', () => {
    const s = solve([
      row([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
      row([
        [0, 1],
        [1, 1],
      ]),
    ]);
    assert.ok(s.isDetermined(row([[2, 1]])));
    assert.ok(!s.isDetermined(row([[0, 1]])));
    assert.ok(!s.isDetermined(row([[1, 1]])));
    assert.ok(
      s.isDetermined(
        row([
          [0, 2],
          [1, 2],
        ]),
      ),
    );
  });

  // The partial answerer: x0 is a 4-item mean's item sum, x1 a 3-item one's; the mean of means is
  // x0/4 + x1/3 and the item sums give x0 + x1, so x1 = 12·(mean − total/4).
  test('when x0/4 + x1/3 and x0 + x1 are published, then x1 is determined', () => {
    const s = solve([
      row([
        [0, 1 / 4],
        [1, 1 / 3],
      ]),
      row([
        [0, 1],
        [1, 1],
      ]),
    ]);
    assert.ok(s.isDetermined(row([[1, 1]])));
  });

  test('when x0/4 + x1/4 and x0 + x1 are published, then neither is determined', () => {
    const s = solve([
      row([
        [0, 1 / 4],
        [1, 1 / 4],
      ]),
      row([
        [0, 1],
        [1, 1],
      ]),
    ]);
    assert.equal(s.rank, 1);
    assert.ok(!s.isDetermined(row([[0, 1]])));
    assert.ok(!s.isDetermined(row([[1, 1]])));
  });

  test('when an unknown appears in no equation, then it is not determined, and the empty functional is not reported', () => {
    const s = solve([row([[0, 1]])]);
    assert.ok(s.isDetermined(row([[0, 1]])));
    assert.ok(!s.isDetermined(row([[7, 1]])));
    assert.ok(!s.isDetermined(row([])));
  });

  test('when two separate blocks are published, then a functional across them is determined only if each part is', () => {
    const s = solve([
      row([[0, 1]]),
      row([
        [5, 1],
        [6, 1],
      ]),
    ]);
    assert.ok(
      s.isDetermined(
        row([
          [0, 3],
          [5, 1],
          [6, 1],
        ]),
      ),
    );
    assert.ok(
      !s.isDetermined(
        row([
          [0, 1],
          [5, 1],
        ]),
      ),
    );
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, percent, signed } from '../../../client/words/numbers.js';
import { fmt, pct, ci } from '../../../client/dashboard/format.js';

describe('the staff pages’ number formatter', () => {
  test('when a negative value rounds to zero, then it prints as 0 with no minus sign', () => {
    assert.equal(fixed(-0.004, 2), '0.00');
    assert.equal(fixed(-0.04, 1), '0.0');
    assert.equal(fixed(-0, 1), '0.0');
    assert.equal(signed(-0.0004, 1), '0.0');
    assert.equal(percent(-0.0004, 1), '0.0%');
    assert.equal(fmt(-0.001), '0.00');
    assert.equal(pct(-0.00001, 1), '0.0%');
  });

  test('when a value does not round to zero, then negatives get a true minus and positives a plus only when signed', () => {
    assert.equal(fixed(-0.05, 1), '−0.1');
    assert.equal(fixed(1.235, 2), '1.24');
    assert.equal(signed(0.25), '+0.25');
    assert.equal(signed(-0.25), '−0.25');
    assert.equal(percent(0.1234, 1), '12.3%');
  });

  test('when an interval is written, then its ends are joined by the page’s word and a missing one is a dash', () => {
    assert.equal(
      ci([-0.001, 0.5], (x) => fmt(x)),
      '0.00 to 0.50',
    );
    assert.equal(
      ci([0.1, 0.2], (x) => pct(x), 'i'),
      '10% i 20%',
    );
    assert.equal(
      ci(null, (x) => fmt(x)),
      '–',
    );
    assert.equal(fmt(undefined), '–');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { todayInUk } from '../../../server/platform/dates.js';

describe('todayInUk', () => {
  test('when instants fall either side of UK midnight in summer and winter, then each gets its UK day', () => {
    assert.equal(todayInUk(new Date('2026-06-30T22:59:59Z')), '2026-06-30'); // 23:59 BST
    assert.equal(todayInUk(new Date('2026-06-30T23:00:00Z')), '2026-07-01'); // 00:00 BST
    assert.equal(todayInUk(new Date('2026-12-31T23:59:59Z')), '2026-12-31'); // GMT
    assert.equal(todayInUk(new Date('2027-01-01T00:00:00Z')), '2027-01-01');
    assert.equal(todayInUk(new Date('2026-03-29T00:59:59Z')), '2026-03-29'); // the clocks go forward at 01:00
  });

  test('when calls alternate between minutes and repeat, then the kept answers never mix', () => {
    const instants = ['2026-06-30T22:59:30Z', '2026-06-30T23:00:30Z', '2026-06-30T22:59:10Z', '2026-06-30T23:00:50Z'];
    const expected = ['2026-06-30', '2026-07-01', '2026-06-30', '2026-07-01'];
    for (let round = 0; round < 3; round++)
      assert.deepEqual(
        instants.map((i) => todayInUk(new Date(i))),
        expected,
      );
    for (let m = 0; m < 40; m++) todayInUk(new Date(Date.UTC(2026, 0, 1, 0, m))); // past the cap
    assert.equal(todayInUk(new Date('2026-06-30T23:00:30Z')), '2026-07-01');
  });
});

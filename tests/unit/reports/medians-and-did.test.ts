import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { medianOfCounts } from '../../../server/tally/read-counters.js';

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

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EMPTY_MOMENTS,
  addValue,
  distribution,
  mean,
  meanCi95,
  median,
  mergeMoments,
  momentsOf,
  momentsVariance,
  sampleSd,
  standardError,
  subtractMoments,
  summarise,
  summariseMoments,
} from '../../../server/stats/descriptive.js';
import { assertClose, assertIntervalClose } from '../../helpers/approx.js';

// Worked example used throughout: 2, 4, 4, 4, 5, 5, 7, 9
//   n = 8, sum = 40, mean = 5
//   squared deviations 9, 1, 1, 1, 0, 0, 4, 16 → 32, so variance = 32/7, sd = √(32/7) = 2.138089935
//   se = √(32/7 / 8) = √(4/7) = 0.755928946
//   t(0.975, 7) = 2.364624252 (tables: 2.3646), half-width = 1.787487918
//   ci95 = [3.212512082, 6.787487918]
const SCORES = [2, 4, 4, 4, 5, 5, 7, 9];
const CI: [number, number] = [3.2125120817637893, 6.787487918236211];

describe('summarise', () => {
  test('when given the worked example, then n, mean, sd, se and ci95 match the hand calculation', () => {
    const s = summarise(SCORES);
    assert.equal(s.n, 8);
    assertClose(s.mean, 5);
    assertClose(s.sd, Math.sqrt(32 / 7));
    assertClose(s.se, Math.sqrt(4 / 7));
    assertIntervalClose(s.ci95, CI);
  });

  test('when the single-figure helpers are used, then they agree with summarise', () => {
    assertClose(mean(SCORES), 5);
    assertClose(sampleSd(SCORES), Math.sqrt(32 / 7));
    assertClose(standardError(SCORES), Math.sqrt(4 / 7));
    assertIntervalClose(meanCi95(SCORES), CI);
  });

  test('when there are no values, then everything but n is null', () => {
    assert.deepEqual(summarise([]), { n: 0, mean: null, sd: null, se: null, ci95: null });
  });

  test('when there is one value, then the mean is known but the spread is not', () => {
    assert.deepEqual(summarise([7]), { n: 1, mean: 7, sd: null, se: null, ci95: null });
  });

  test('when a value is not finite, then it throws rather than publish NaN', () => {
    assert.throws(() => summarise([1, Number.NaN]), RangeError);
  });
});

describe('median', () => {
  test('when the count is even, then it is the mean of the middle two', () => {
    // sorted 2 4 4 [4 5] 5 7 9 → (4 + 5) / 2
    assert.equal(median(SCORES), 4.5);
  });

  test('when the count is odd, then it is the middle value regardless of input order', () => {
    assert.equal(median([9, 1, 3]), 3);
  });

  test('when there are no values, then it is null', () => {
    assert.equal(median([]), null);
  });
});

describe('distribution', () => {
  test('when answers include blanks and unknown options, then each is counted in its place', () => {
    // a: 2, b: 1, c: 0 (still listed); null/undefined unanswered; 'z' unlisted
    const d = distribution(['a', 'b', null, 'a', 'z', undefined], ['a', 'b', 'c']);
    assert.deepEqual(d, {
      counts: [
        { option: 'a', n: 2 },
        { option: 'b', n: 1 },
        { option: 'c', n: 0 },
      ],
      answered: 3,
      unlisted: 1,
    });
  });

  test('when options are numbers, then they are matched strictly (3 is not "3")', () => {
    const d = distribution<number | string>([3, '3', 0], [0, 3]);
    assert.deepEqual(d.counts, [
      { option: 0, n: 1 },
      { option: 3, n: 1 },
    ]);
    assert.equal(d.unlisted, 1);
  });
});

describe('Moments', () => {
  test('when built value by value, then they hold n, sum and sum of squares', () => {
    // 4 + 16 + 16 + 16 + 25 + 25 + 49 + 81 = 232
    assert.deepEqual(momentsOf(SCORES), { n: 8, sum: 40, sumSq: 232 });
  });

  test('when summarised, then they give the same figures as the raw values', () => {
    // variance = (232 - 40²/8) / 7 = (232 - 200) / 7 = 32/7
    const s = summariseMoments(momentsOf(SCORES));
    assertClose(s.mean, 5);
    assertClose(s.sd, Math.sqrt(32 / 7));
    assertIntervalClose(s.ci95, CI);
  });

  test('when two groups are merged, then the result equals the moments of all values', () => {
    // {2,4,4,4}: n 4, sum 14, sumSq 52; {5,5,7,9}: n 4, sum 26, sumSq 180
    const merged = mergeMoments(momentsOf([2, 4, 4, 4]), momentsOf([5, 5, 7, 9]));
    assert.deepEqual(merged, { n: 8, sum: 40, sumSq: 232 });
  });

  test('when a part is subtracted, then what is left is the other part', () => {
    assert.deepEqual(subtractMoments(momentsOf(SCORES), momentsOf([5, 5, 7, 9])), { n: 4, sum: 14, sumSq: 52 });
  });

  test('when everything is subtracted, then the result is exactly empty even with fractional scores', () => {
    const m = momentsOf([0.1, 0.2, 0.7]);
    assert.deepEqual(subtractMoments(m, m), EMPTY_MOMENTS);
    assert.throws(() => subtractMoments(momentsOf([1]), m), RangeError);
  });

  test('when n is 0 or 1, then the summary has nulls just like the raw-value route', () => {
    assert.deepEqual(summariseMoments(EMPTY_MOMENTS), summarise([]));
    assert.deepEqual(summariseMoments(addValue(EMPTY_MOMENTS, 7)), summarise([7]));
    assert.equal(momentsVariance(addValue(EMPTY_MOMENTS, 7)), null);
  });

  test('when all values are equal fractions, then rounding does not give a negative variance or NaN', () => {
    // 0.1 is inexact in binary, so sumSq - sum²/n may round to a tiny negative number.
    const s = summariseMoments(momentsOf(Array(1000).fill(0.1)));
    assert.ok(s.sd !== null && s.sd >= 0 && s.sd < 1e-6, `sd was ${s.sd}`);
  });

  test('when a value is not finite, then adding it throws rather than poison the sums', () => {
    assert.throws(() => addValue(EMPTY_MOMENTS, Number.POSITIVE_INFINITY), RangeError);
  });
});

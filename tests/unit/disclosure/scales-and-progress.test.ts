import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alphaShown, scaleFamilyShown } from '../../../server/disclosure/scales.js';
import { openCount, steppedProgress } from '../../../server/disclosure/progress.js';
import { PUBLICATION_GRACE_MS, resultsState } from '../../../server/disclosure/publication.js';
import { CAMPAIGN_CACHE_TTL_MS } from '../../../server/study/campaigns/cache.js';

describe('scaleFamilyShown', () => {
  test('when one respondent answered 3 of 4 items beside 10 complete answerers, then the scale and its alpha are hidden', () => {
    const bases = { items: 4, scored: 11, complete: 10, anyItem: 11 };
    assert.equal(scaleFamilyShown(bases, 10), false);
    assert.equal(alphaShown(bases, 10), false);
  });

  test('when someone answered one item only (not scored), then the remainder still counts them', () => {
    assert.equal(scaleFamilyShown({ items: 4, scored: 10, complete: 10, anyItem: 11 }, 10), false);
  });

  test('when the partial answerers are none or at least the minimum, then the scale is shown', () => {
    assert.equal(scaleFamilyShown({ items: 4, scored: 12, complete: 12, anyItem: 12 }, 10), true);
    assert.equal(scaleFamilyShown({ items: 4, scored: 25, complete: 12, anyItem: 25 }, 10), true);
    assert.equal(alphaShown({ items: 4, scored: 25, complete: 9, anyItem: 25 }, 10), false, "alpha's own base");
  });

  test('when a scale has one item, then only its own base counts', () => {
    assert.equal(scaleFamilyShown({ items: 1, scored: 10, complete: 0, anyItem: 10 }, 10), true);
    assert.equal(scaleFamilyShown({ items: 1, scored: 9, complete: 0, anyItem: 9 }, 10), false);
  });

  test('when the counters predate the answered-any count, then the scale is hidden rather than guessed', () => {
    assert.equal(scaleFamilyShown({ items: 4, scored: 12, complete: 12, anyItem: 0 }, 10), false);
  });
});

describe('steppedProgress and openCount', () => {
  const days: [string, number][] = [
    ['2026-03-03', 4],
    ['2026-03-01', 7],
    ['2026-03-02', 5],
    ['2026-03-04', 9],
    ['2026-03-05', 1],
  ];

  test('when counts rise by less than the minimum, then no point is published until the rise reaches it', () => {
    // cumulative 7, 12, 16, 25, 26: published 12 (first >= 10), then 25 (+13), 26 is +1
    assert.deepEqual(steppedProgress(days, 10), [
      { day: '2026-03-02', cumulative: 12 },
      { day: '2026-03-04', cumulative: 25 },
    ]);
  });

  test('when a campaign is open, then its count runs to yesterday and steps by at least the minimum', () => {
    assert.equal(openCount(days, 10, '2026-03-04').n, 12, 'today (the 4th) is left out');
    assert.equal(openCount(days, 10, '2026-03-05').n, 25);
    assert.equal(openCount(days, 10, '2026-03-02').n, 0, '7 by yesterday: fewer than the minimum');
  });
});

describe('resultsState', () => {
  const at = new Date('2026-03-10T12:00:00Z');
  const closedAt = (msAgo: number) => new Date(at.getTime() - msAgo);

  test('when the grace period is checked, then it is longer than the campaign cache and the write deadlines', () => {
    assert.ok(PUBLICATION_GRACE_MS > CAMPAIGN_CACHE_TTL_MS + 4000 + 2 * 2 * 4000);
  });

  test('when closed by hand, then results are published only once the grace period has passed', () => {
    const c = { closed: true, closedManually: true, closesOn: '2026-03-31' };
    assert.equal(resultsState({ ...c, closedAt: closedAt(1000) }, at), 'closing');
    assert.equal(resultsState({ ...c, closedAt: closedAt(PUBLICATION_GRACE_MS) }, at), 'published');
    assert.equal(resultsState({ ...c, closedAt: null }, at), 'published', 'closed before closedAt was recorded');
  });

  test('when a wave ends by date, then results are published a grace period after midnight', () => {
    const c = { closed: true, closedManually: false, closesOn: '2026-03-09' };
    assert.equal(resultsState(c, new Date('2026-03-10T00:00:30Z')), 'closing');
    assert.equal(resultsState(c, new Date('2026-03-10T00:01:01Z')), 'published');
    assert.equal(resultsState({ ...c, closed: false }, at), 'open');
  });
});

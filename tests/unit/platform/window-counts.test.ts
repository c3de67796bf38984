import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWindowCounts } from '../../../server/platform/window-counts.js';

function counts(maxKeys: number, limit = 3) {
  let at = 0;
  const c = createWindowCounts({ windowMs: 1000, maxKeys, held: (_k, n) => n >= limit, now: () => at });
  return { c, advance: (ms: number) => (at += ms) };
}

describe('window counts', () => {
  test('when a key is counted within its window, then the counts add up and restart after the window', () => {
    const { c, advance } = counts(10);
    assert.deepEqual([c.add('a'), c.add('a'), c.add('b')], [1, 2, 1]);
    advance(999);
    assert.equal(c.count('a'), 2);
    assert.equal(c.retryAfterMs('a'), 1);
    advance(1);
    assert.equal(c.count('a'), 0);
    assert.equal(c.add('a'), 1);
  });

  test('when the table is full, then the least recently counted key that is not held makes room', () => {
    const { c } = counts(3);
    c.add('a');
    c.add('b');
    c.add('c');
    c.add('a'); // a is now the most recent: b goes first
    assert.equal(c.add('d'), 1);
    assert.equal(c.size(), 3);
    assert.equal(c.count('b'), 0);
    assert.equal(c.count('a'), 2);
  });

  test('when a flood of new keys arrives, then a held key keeps its count until its window ends', () => {
    const { c, advance } = counts(100);
    for (let i = 0; i < 3; i++) c.add('victim');
    for (let i = 0; i < 100_000; i++) c.add(`junk${i}`);
    assert.equal(c.count('victim'), 3);
    assert.ok(c.size() <= 100);
    advance(1000);
    assert.equal(c.count('victim'), 0);
  });

  test('when every key is held, then a new key is refused rather than the table growing', () => {
    const { c } = counts(2, 1);
    c.add('a');
    c.add('b');
    assert.equal(c.add('c'), null);
    assert.equal(c.size(), 2);
    c.subtract('a'); // no longer held: it can make room
    assert.equal(c.add('c'), 1);
  });
});

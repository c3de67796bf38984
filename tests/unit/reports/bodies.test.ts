import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBodyCache } from '../../../server/reports/summaries/bodies.js';
import { counted } from '../../helpers/counted.js';

describe('createBodyCache', () => {
  test('when a key is sent twice, then the text is made once and the same UTF-8 bytes come back', () => {
    const cache = createBodyCache(1_000);
    const text = counted('{"name":"Ysgol – café"}');
    const first = cache.get('k', text);
    assert.equal(cache.get('k', text), first);
    assert.equal(text.runs, 1);
    assert.equal(first.toString('utf8'), '{"name":"Ysgol – café"}');
    assert.equal(first.length, 26, 'the dash takes three bytes and é two');
  });

  test('when there is no key (live figures), then the bytes are made every time and nothing is kept', () => {
    const cache = createBodyCache(1_000);
    const text = counted('{"n":3}');
    cache.get(null, text);
    assert.equal(cache.get(null, text).toString(), '{"n":3}');
    assert.equal(text.runs, 2);
    assert.equal(cache.size(), 0);
  });

  test('when bodies pass the limit in bytes (not characters), then the least recently sent is dropped first', () => {
    const cache = createBodyCache(8); // two bodies of two 2-byte letters, not three
    cache.get('a', counted('éé'));
    cache.get('b', counted('øø'));
    cache.get('a', counted('never made'));
    cache.get('c', counted('üü'));
    const b = counted('øø');
    assert.equal(cache.get('b', b).toString(), 'øø');
    assert.equal(b.runs, 1, 'b, sent least recently, was dropped and made again');
    assert.equal(cache.size(), 2);
    const big = counted('ééé'); // 3 characters, 6 bytes
    const small = createBodyCache(5);
    assert.equal(small.get('k', big).length, 6);
    small.get('k', big);
    assert.equal(big.runs, 2, 'sent, but not kept: it is bigger than the whole cache');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLru } from '../../../server/reports/summaries/lru.js';
import { counted } from '../../helpers/counted.js';

describe('createLru', () => {
  test('when the same key is read twice, then the report is built once and the same text comes back', () => {
    const cache = createLru<string>(100, (text) => text.length);
    const build = counted('{"n":12}');
    assert.equal(cache.get('a', build), '{"n":12}');
    assert.equal(cache.get('a', build), '{"n":12}');
    assert.equal(build.runs, 1);
  });

  test('when the texts pass the limit, then the least recently read is dropped first', () => {
    const cache = createLru<string>(10, (text) => text.length); // room for two texts of 4 characters, not three
    cache.get('a', counted('aaaa'));
    cache.get('b', counted('bbbb'));
    cache.get('a', counted('never built'));
    cache.get('c', counted('cccc')); // 12 characters: b, read least recently, goes
    const a = counted('aaaa');
    const b = counted('bbbb');
    cache.get('a', a);
    cache.get('b', b);
    assert.equal(a.runs, 0, 'a was read after b, so it stayed');
    assert.equal(b.runs, 1, 'b was dropped and built again');
    assert.equal(cache.size(), 2);
  });

  test('when one text is longer than the limit, then it is returned but not kept', () => {
    const cache = createLru<string>(3, (text) => text.length);
    const build = counted('abcd');
    assert.equal(cache.get('a', build), 'abcd');
    assert.equal(cache.get('a', build), 'abcd');
    assert.equal(build.runs, 2);
    assert.equal(cache.size(), 0);
  });
});

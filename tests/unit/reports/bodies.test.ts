import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBodyCache } from '../../../server/reports/summaries/bodies.js';

// A text that says how often it was asked for.
function counted(text: string) {
  const make = () => {
    make.runs++;
    return text;
  };
  make.runs = 0;
  return make;
}

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

  test('when the bodies pass the limit, then the least recently sent is dropped first', () => {
    const cache = createBodyCache(10); // room for two bodies of 4 bytes, not three
    cache.get('a', counted('aaaa'));
    cache.get('b', counted('bbbb'));
    cache.get('a', counted('never made'));
    cache.get('c', counted('cccc')); // 12 bytes: b, sent least recently, goes
    const a = counted('aaaa');
    const b = counted('bbbb');
    assert.equal(cache.get('a', a).toString(), 'aaaa');
    assert.equal(cache.get('b', b).toString(), 'bbbb');
    assert.equal(a.runs, 0, 'a was sent after b, so it stayed');
    assert.equal(b.runs, 1, 'b was dropped and made again');
    assert.equal(cache.size(), 2);
  });

  test('when one body is bigger than the limit, then it is sent but not kept', () => {
    const cache = createBodyCache(3);
    const text = counted('abcd');
    assert.equal(cache.get('a', text).toString(), 'abcd');
    cache.get('a', text);
    assert.equal(text.runs, 2);
    assert.equal(cache.size(), 0);
  });
});

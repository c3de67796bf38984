import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sameOriginPath } from '../../../client/next-path.js';

const origin = 'https://surveys.example.org';

describe('sameOriginPath', () => {
  test('when next is a path on this site, then it is kept with its query and hash', () => {
    assert.equal(sameOriginPath('/dashboard?council=855#w1', origin), '/dashboard?council=855#w1');
  });

  test('when next would take the browser to another host, then it is refused', () => {
    for (const next of [
      '/\\evil.example/phish',
      '//evil.example/phish',
      '/\t/evil.example/phish',
      '/\\/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      '',
      null,
    ])
      assert.equal(sameOriginPath(next, origin), null, JSON.stringify(next));
  });
});

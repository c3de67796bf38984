import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLoginLimiter } from '../../../server/accounts/login-limit.js';

function limiter() {
  let now = 1_000_000;
  const l = createLoginLimiter({ windowMs: 15 * 60_000, perEmail: 3, perAddress: 5 }, () => now);
  return { l, advance: (ms: number) => { now += ms; } };
}

describe('createLoginLimiter', () => {
  test('when an email has had 3 attempts in the window, then the 4th is refused from any address', () => {
    const { l } = limiter();
    assert.deepEqual([1, 2, 3, 4].map((i) => l.attempt('a@x.org', `10.0.0.${i}`)), [true, true, true, false]);
  });

  test('when an address has had 5 attempts, then the 6th is refused for any email', () => {
    const { l } = limiter();
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((i) => l.attempt(`u${i}@x.org`, '10.0.0.1')), [true, true, true, true, true, false]);
    assert.equal(l.attempt('u1@x.org', '10.0.0.2'), true);
  });

  test('when the window ends, then every count starts again, and Retry-After counts down to it', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 4; i++) l.attempt('a@x.org', '10.0.0.1');
    assert.equal(l.retryAfterSeconds(), 900);
    advance(10 * 60_000);
    assert.equal(l.retryAfterSeconds(), 300);
    advance(5 * 60_000);
    assert.equal(l.attempt('a@x.org', '10.0.0.1'), true);
  });

  test('when a sign-in succeeds, then that email starts from zero but the address does not', () => {
    const { l } = limiter();
    for (let i = 0; i < 3; i++) l.attempt('a@x.org', '10.0.0.1');
    l.succeeded('a@x.org');
    assert.equal(l.attempt('a@x.org', '10.0.0.1'), true); // the address's 4th
    assert.equal(l.attempt('b@x.org', '10.0.0.1'), true); // 5th
    assert.equal(l.attempt('c@x.org', '10.0.0.1'), false);
  });
});

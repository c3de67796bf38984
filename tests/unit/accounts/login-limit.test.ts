import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Request, Response } from 'express';
import { createLoginLimiter, limitSignIn } from '../../../server/accounts/login-limit.js';

function limiter(maxKeys?: number) {
  let now = 1_000_000;
  const l = createLoginLimiter({ windowMs: 15 * 60_000, perEmail: 3, perAddress: 5, maxKeys }, () => now);
  return {
    l,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('createLoginLimiter', () => {
  test('when an email has had 3 attempts in the window, then the 4th is refused from any address', () => {
    const { l } = limiter();
    assert.deepEqual(
      [1, 2, 3, 4].map((i) => l.attempt('a@x.org', `10.0.0.${i}`)),
      [true, true, true, false],
    );
  });

  test('when an address has had 5 attempts, then the 6th is refused for any email', () => {
    const { l } = limiter();
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((i) => l.attempt(`u${i}@x.org`, '10.0.0.1')),
      [true, true, true, true, true, false],
    );
    assert.equal(l.attempt('u1@x.org', '10.0.0.2'), true);
  });

  test('when the window ends, then every count starts again, and Retry-After counts down to it', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 4; i++) l.attempt('a@x.org', '10.0.0.1');
    assert.equal(l.retryAfterSeconds('a@x.org', '10.0.0.1'), 900);
    advance(10 * 60_000);
    assert.equal(l.retryAfterSeconds('a@x.org', '10.0.0.1'), 300);
    advance(5 * 60_000);
    assert.equal(l.attempt('a@x.org', '10.0.0.1'), true);
  });

  test('when a sign-in succeeds, then that email starts from zero and the address gets the attempt back', () => {
    const { l } = limiter();
    for (let i = 0; i < 3; i++) l.attempt('a@x.org', '10.0.0.1');
    l.succeeded('a@x.org', '10.0.0.1');
    assert.equal(l.attempt('a@x.org', '10.0.0.1'), true); // the address's 3rd
    assert.equal(l.attempt('b@x.org', '10.0.0.1'), true); // 4th
    assert.equal(l.attempt('c@x.org', '10.0.0.1'), true); // 5th
    assert.equal(l.attempt('d@x.org', '10.0.0.1'), false);
  });

  test('when 50 colleagues sign in successfully from one proxy address, then none is locked out', () => {
    const { l } = limiter();
    for (let i = 0; i < 50; i++) {
      assert.equal(l.attempt(`u${i}@x.org`, '10.0.0.1'), true, `colleague ${i}`);
      l.succeeded(`u${i}@x.org`, '10.0.0.1');
    }
  });

  test('when 200,000 attempts with distinct emails and addresses follow a lock, then the victim stays locked', () => {
    const { l } = limiter(1000);
    for (let i = 0; i < 3; i++) l.attempt('victim@x.org', `10.1.0.${i}`);
    for (let i = 0; i < 5; i++) l.attempt(`u${i}@x.org`, '10.9.9.9');
    for (let i = 0; i < 200_000; i++) l.attempt(`junk${i}@x.org`, `10.2.${i >> 8}.${i & 255}`);
    assert.equal(l.attempt('victim@x.org', '10.3.0.1'), false);
    assert.equal(l.attempt('someone@x.org', '10.9.9.9'), false);
  });

  test('when a locked address keeps trying new emails, then the refused attempts add no keys', () => {
    const { l } = limiter(12);
    for (let i = 0; i < 5; i++) l.attempt(`u${i}@x.org`, '10.0.0.1'); // 6 keys, the address locked
    for (let i = 0; i < 1000; i++) assert.equal(l.attempt(`more${i}@x.org`, '10.0.0.1'), false);
    // room is left for others: six more keys fit
    for (let i = 0; i < 3; i++) assert.equal(l.attempt(`v${i}@x.org`, `10.0.1.${i}`), true);
  });

  test('when emails differ only after their 254th character, then they count as one email (keys stay email-sized)', () => {
    const { l } = limiter();
    const guard = limitSignIn(l);
    const call = (email: unknown) => {
      let passed = false;
      try {
        guard({ body: { email }, ip: '10.0.0.1' } as Request, { set: () => {} } as unknown as Response, () => {
          passed = true;
        });
      } catch {
        /* 429 */
      }
      return passed;
    };
    const long = 'a'.repeat(254);
    assert.deepEqual([`${long}1`, `${long}2`, `${long}3`, `${long}4`].map(call), [true, true, true, false]);
  });

  test('when attempts carry no email, then only their address counts them', () => {
    const { l } = limiter();
    assert.deepEqual(
      [1, 2, 3, 4].map((i) => l.attempt('', `10.0.0.${i}`)),
      [true, true, true, true],
    );
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map(() => l.attempt('', '10.0.0.9')),
      [true, true, true, true, true, false],
    );
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../../server/config.js';

describe('session and sign-in settings', () => {
  test('when nothing is set, then sessions idle out after 30 minutes and end after 12 hours, with 5 tries per email in 15 minutes', () => {
    const c = parseConfig({});
    assert.deepEqual(
      [
        c.SESSION_IDLE_MINUTES,
        c.SESSION_ABSOLUTE_HOURS,
        c.LOGIN_WINDOW_MINUTES,
        c.LOGIN_ATTEMPTS_PER_EMAIL,
        c.LOGIN_ATTEMPTS_PER_ADDRESS,
      ],
      [30, 12, 15, 5, 30],
    );
  });

  test('when the idle time is longer than the absolute lifetime, then the start is refused naming the key', () => {
    assert.throws(
      () => parseConfig({ SESSION_IDLE_MINUTES: '120', SESSION_ABSOLUTE_HOURS: '1' }),
      (e: Error) => e instanceof ConfigError && /SESSION_IDLE_MINUTES/.test(e.message),
    );
  });

  test('when a limit is zero, then it is refused', () => {
    assert.throws(() => parseConfig({ LOGIN_ATTEMPTS_PER_EMAIL: '0' }), /LOGIN_ATTEMPTS_PER_EMAIL/);
  });
});

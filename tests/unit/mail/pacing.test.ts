import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createThrottle, outagePauseMs, retryDelayMs } from '../../../server/mail/outbox/pacing.js';

describe('retryDelayMs and outagePauseMs', () => {
  test('when attempts grow, then the wait doubles from the base up to its cap', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((a) => retryDelayMs(a, 30_000)),
      [30_000, 60_000, 120_000, 240_000],
    );
    assert.equal(retryDelayMs(30, 30_000), 6 * 3_600_000);
    assert.deepEqual([1, 2, 3, 10].map(outagePauseMs), [5000, 10_000, 20_000, 300_000]);
  });
});

describe('createThrottle', () => {
  test('when sends are asked for faster than the rate, then they are spaced evenly after a quarter second of slack', async () => {
    let now = 1000;
    const waits: number[] = [];
    const take = createThrottle(
      20,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    for (let i = 0; i < 9; i++) await take();
    assert.deepEqual(waits, [50, 50, 50]);
  });

  test('when sends run for a long time, then no second holds more than the rate plus the slack', async () => {
    let now = 0;
    const sent: number[] = [];
    const take = createThrottle(
      20,
      () => now,
      async (ms) => {
        now += ms;
      },
    );
    for (let i = 1; now < 60_000; i++) {
      await take();
      sent.push(now);
      now += i % 20 === 0 ? 200 : 5; // once a second the database is slow
    }
    for (let s = 0; s < 59_000; s += 250)
      assert.ok(sent.filter((t) => t >= s && t < s + 1000).length <= 25, `second from ${s}`);
    assert.ok(sent.length >= 20 * 60 - 5, `kept the average: ${sent.length} in 60 s`);
  });
});

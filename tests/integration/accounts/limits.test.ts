import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, User } from '../../../server/accounts/model.js';
import { createSessionStore } from '../../../server/accounts/sessions.js';
import { createStaffUser, signIn, TEST_PASSWORD, testClock, useTestApp } from '../../helpers/app.js';

const MINUTE = 60_000;
const clock = testClock();
const { app, http } = useTestApp(
  import.meta.url,
  { LOGIN_ATTEMPTS_PER_EMAIL: '3', LOGIN_ATTEMPTS_PER_ADDRESS: '5', TRUST_PROXY: 'true' },
  { now: clock.now },
);
// each test starts in a fresh sign-in window
beforeEach(() => clock.advance(24 * 60 * MINUTE));

const attempt = (email: string, password: string, from: string, client = http()) =>
  client.post('/api/v1/session').set('X-Forwarded-For', from).send({ email, password });

describe('sign-in rate limit', () => {
  test('when one email gets too many attempts from any addresses, then even the right password waits for the window', async () => {
    const email = await createStaffUser({ role: 'researcher' });
    for (const from of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      await attempt(email, 'wrong password', from).expect(401);
    const limited = await attempt(email, TEST_PASSWORD, '198.51.100.4').expect(429);
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    await attempt('SOMEONE@example.org', TEST_PASSWORD, '198.51.100.4').expect(401); // another email is not held up
    clock.advance(15 * MINUTE);
    await attempt(email, TEST_PASSWORD, '198.51.100.4').expect(200);
  });

  test('when one address tries too many emails, then it is refused while other addresses are not', async () => {
    const email = await createStaffUser({ role: 'researcher' });
    for (let i = 0; i < 5; i++) await attempt(`guess${i}@example.org`, 'password', '203.0.113.7').expect(401);
    await attempt(email, TEST_PASSWORD, '203.0.113.7').expect(429);
    await attempt(email, TEST_PASSWORD, '203.0.113.8').expect(200);
  });

  test('when more staff than the per-address limit sign in successfully from one address, then none is locked out', async () => {
    for (let i = 0; i < 7; i++) {
      const email = await createStaffUser({ role: 'researcher', email: `colleague${i}@example.org` });
      await attempt(email, TEST_PASSWORD, '203.0.113.9').expect(200);
    }
    await attempt('colleague0@example.org', TEST_PASSWORD, '203.0.113.9').expect(200);
  });

  test('when a user signs in successfully, then their earlier failures no longer count', async () => {
    const email = await createStaffUser({ role: 'researcher' });
    await attempt(email, 'wrong password', '192.0.2.1').expect(401);
    await attempt(email, 'wrong password', '192.0.2.2').expect(401);
    await attempt(email, TEST_PASSWORD, '192.0.2.3').expect(200);
    await attempt(email, 'wrong password', '192.0.2.4').expect(401);
    await attempt(email, TEST_PASSWORD, '192.0.2.5').expect(200);
  });
});

describe('session expiry', () => {
  test('when a session goes unused for the idle time, then it ends and is deleted; while used, it lasts', async () => {
    const agent = await signIn(app);
    clock.advance(29 * MINUTE);
    await agent.get('/api/v1/session').expect(200);
    clock.advance(29 * MINUTE);
    await agent.get('/api/v1/session').expect(200);
    clock.advance(30 * MINUTE);
    const res = await agent.get('/api/v1/session').expect(401);
    assert.equal(res.body.error.code, 'sign_in_required');
    assert.equal(await Session.countDocuments(), 0);
  });

  test('when a session reaches its absolute age, then it ends however busy it is', async () => {
    const agent = await signIn(app);
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      clock.advance(25 * MINUTE);
      await agent.get('/api/v1/session').expect(200);
    }
    clock.advance(25 * MINUTE);
    await agent.get('/api/v1/session').expect(401);
    assert.equal(await Session.countDocuments(), 0);
  });

  test('when an account is disabled, then its open session stops working at once', async () => {
    const agent = await signIn(app);
    await User.updateOne({}, { $set: { disabled: true } });
    await agent.get('/api/v1/session').expect(401);
    assert.equal(await Session.countDocuments(), 0);
  });

  test('when the sweep runs, then expired sessions are deleted and live ones kept', async () => {
    const store = createSessionStore({ idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE }, clock.now);
    const email = await createStaffUser({ role: 'researcher' });
    const old = await store.start(email);
    clock.advance(31 * MINUTE);
    const fresh = await store.start(email);
    assert.equal(await store.sweep(), 1);
    assert.equal(await store.resume(old.token), null);
    assert.equal((await store.resume(fresh.token))?.user.email, email);
    assert.equal(await Session.countDocuments(), 1);
  });
});

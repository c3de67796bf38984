import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import supertest from 'supertest';
import { Session, User } from '../../../server/accounts/model.js';
import { createStaffUser, TEST_PASSWORD, testApp, useTestApp } from '../../helpers/app.js';
import { buildCouncil } from '../../helpers/factories.js';

const { app, http } = useTestApp(import.meta.url);
const signIn = (email: string, password: string, client = http()) =>
  client.post('/api/v1/session').send({ email, password });
const cookieOf = (res: supertest.Response): string => ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '';

describe('POST /api/v1/session', () => {
  test('when the email and password match, then a session cookie, the user and a CSRF token come back', async () => {
    await buildCouncil({ code: '855' });
    const email = await createStaffUser({ role: 'hr_lead', pilots: ['855'] });
    const res = await signIn(`  ${email.toUpperCase()} `, TEST_PASSWORD).expect(200);
    assert.deepEqual(res.body.user, { email, role: 'hr_lead', pilots: ['855'] });
    assert.match(res.body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const cookie = cookieOf(res);
    assert.match(cookie, /^wellbeing_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\/api\/v1/);
    assert.doesNotMatch(cookie, /; Secure/);
  });

  test('when a session is stored, then only the SHA-256 of its token is kept, never the token', async () => {
    const email = await createStaffUser({ role: 'researcher' });
    const res = await signIn(email, TEST_PASSWORD).expect(200);
    const token = /wellbeing_session=([^;]+)/.exec(cookieOf(res))![1]!;
    const stored = await Session.find().lean();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!._id, createHash('sha256').update(token).digest('hex'));
    assert.doesNotMatch(JSON.stringify(stored), new RegExp(token));
  });

  test('when PUBLIC_URL is https, then the cookie is Secure', async () => {
    const secure = testApp({ PUBLIC_URL: 'https://surveys.example.org' });
    const email = await createStaffUser({ role: 'researcher' });
    const res = await signIn(email, TEST_PASSWORD, supertest(secure.app)).expect(200);
    assert.match(cookieOf(res), /; Secure/);
    await secure.tallier.stop();
  });

  test('when the password is wrong, the email unknown or the account disabled, then the same 401 comes back and no cookie', async () => {
    const email = await createStaffUser({ role: 'researcher' });
    const disabled = await createStaffUser({ role: 'researcher', email: 'gone@example.org' });
    await User.updateOne({ _id: disabled }, { $set: { disabled: true } });
    const answers = [
      await signIn(email, 'not the password'),
      await signIn('nobody@example.org', TEST_PASSWORD),
      await signIn(disabled, TEST_PASSWORD),
      await signIn('not an email', TEST_PASSWORD),
    ];
    for (const res of answers) {
      assert.equal(res.status, 401);
      assert.deepEqual(res.body, answers[0]!.body);
      assert.equal(res.headers['set-cookie'], undefined);
    }
    assert.equal(answers[0]!.body.error.code, 'sign_in_failed');
    assert.equal(await Session.countDocuments(), 0);
  });

  test('when the body is not an email and password, then 400 names the fields', async () => {
    const res = await http().post('/api/v1/session').send({ email: 'a@example.org' }).expect(400);
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      ['password'],
    );
  });

  // Found by the hostile-input suite: the rate limit turned the email into a string before
  // validation, which threw (500) for these.
  test('when the email is an object that cannot become a string or an array nested deep, then 400, not 500', async () => {
    for (const email of [
      '{"toString":1}',
      '{"valueOf":1,"toString":2}',
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    ]) {
      const res = await http()
        .post('/api/v1/session')
        .set('Content-Type', 'application/json')
        .send(`{"email":${email},"password":"x"}`)
        .expect(400);
      assert.deepEqual(
        res.body.error.details.map((d: { field: string }) => d.field),
        ['email'],
      );
    }
  });

  test('when a signed-in client signs in again, then the earlier session is ended', async () => {
    const email = await createStaffUser({ role: 'researcher' });
    const agent = supertest.agent(app);
    await signIn(email, TEST_PASSWORD, agent).expect(200);
    await signIn(email, TEST_PASSWORD, agent).expect(200);
    assert.equal(await Session.countDocuments(), 1);
  });
});

describe('GET /api/v1/session', () => {
  test('when signed in, then the user and the CSRF token come back; when not, then 401 sign_in_required', async () => {
    const email = await createStaffUser({ role: 'admin' });
    const agent = supertest.agent(app);
    const signedIn = await signIn(email, TEST_PASSWORD, agent).expect(200);
    const res = await agent.get('/api/v1/session').expect(200);
    assert.deepEqual(res.body, { user: { email, role: 'admin', pilots: [] }, csrfToken: signedIn.body.csrfToken });
    const anonymous = await http().get('/api/v1/session').expect(401);
    assert.equal(anonymous.body.error.code, 'sign_in_required');
  });

  test('when the cookie holds an unknown token, then 401 and the cookie is cleared', async () => {
    const res = await http()
      .get('/api/v1/session')
      .set('Cookie', `wellbeing_session=${'A'.repeat(43)}`)
      .expect(401);
    assert.match(cookieOf(res), /^wellbeing_session=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe('DELETE /api/v1/session', () => {
  test('when a user signs out, then the session is deleted and the old cookie no longer works', async () => {
    const email = await createStaffUser({ role: 'researcher' });
    const agent = supertest.agent(app);
    const { body } = await signIn(email, TEST_PASSWORD, agent).expect(200);
    const token = /wellbeing_session=([^;]+)/.exec(cookieOf(await signIn(email, TEST_PASSWORD, agent)))![1]!;
    const csrf = (await agent.get('/api/v1/session').expect(200)).body.csrfToken;
    assert.notEqual(csrf, body.csrfToken);
    const out = await agent.delete('/api/v1/session').set('X-CSRF-Token', csrf).expect(204);
    assert.match(cookieOf(out), /^wellbeing_session=;/);
    assert.equal(await Session.countDocuments(), 0);
    await http().get('/api/v1/session').set('Cookie', `wellbeing_session=${token}`).expect(401);
  });
});

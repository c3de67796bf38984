import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import supertest from 'supertest';
import { Session, User } from '../../../server/accounts/model.js';
import { createApp } from '../../../server/app.js';
import { createTallier } from '../../../server/tally/runner.js';
import { TEST_PASSWORD, createStaffUser, testClock, testConfig, testSurveys, useTestApp } from '../../helpers/app.js';
import {
  CLIENT_ID,
  callbackUrl,
  oidcEnv,
  oidcStaff,
  signInThroughProvider,
  startOidcProvider,
} from '../../helpers/oidc-provider.js';
import { buildCouncil } from '../../helpers/factories.js';

const PLATFORM = 'http://platform.test';
const MINUTE = 60_000;
const provider = await startOidcProvider([callbackUrl(PLATFORM)]);
const clock = testClock();
const { app, http } = useTestApp(import.meta.url, oidcEnv(provider.issuer, PLATFORM), { now: clock.now });
after(() => provider.stop());

// Apps on the same database with other settings: accounts made on first sign-in; passwords off.
const quiet = pino({ level: 'silent' });
const tallier = createTallier(testSurveys(), quiet);
after(() => tallier.stop());
const appWith = (env: Record<string, string>) =>
  createApp({ config: testConfig(env), logger: quiet, surveys: testSurveys(), tallier });
const makesAccounts = appWith(oidcEnv(provider.issuer, PLATFORM, { createAccounts: { role: 'researcher' } }));
const providersOnly = appWith({ ...oidcEnv(provider.issuer, PLATFORM), LOCAL_SIGN_IN: 'false' });

describe('GET /sign-in/oidc/:provider/callback', () => {
  test('when an HR lead signs in through the provider, then the session carries the roles and councils of our account', async () => {
    await buildCouncil({ code: '855' });
    const agent = await oidcStaff(app, provider, { role: 'hr_lead', pilots: ['855'] });
    const res = await agent.get('/api/v1/session');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.user, { email: 'hr_lead-855@example.org', role: 'hr_lead', pilots: ['855'] });
    assert.equal((await Session.findOne().lean())?.provider, 'council');
  });

  test('when each role signs in, then the browser is sent to that role’s home page', async () => {
    for (const [role, home] of [
      ['admin', '/admin'],
      ['researcher', '/research'],
    ] as const) {
      const email = await createStaffUser({ role });
      provider.addAccount(email, { email, email_verified: true });
      const { callback } = await signInThroughProvider(app, email);
      assert.equal(callback.status, 303);
      assert.equal(callback.headers.location, home);
    }
  });

  test('when the provider signs in an email with no account here, then a page says so and no session starts', async () => {
    provider.addAccount('stranger@example.org', { email: 'stranger@example.org', email_verified: true });
    const { callback } = await signInThroughProvider(app, 'stranger@example.org');
    assert.equal(callback.status, 403);
    assert.match(callback.text, /You do not have an account on this service/);
    assert.equal(await Session.countDocuments(), 0);
    assert.doesNotMatch(String(callback.headers['set-cookie']), /wellbeing_session=[^;]/);
  });

  test('when accounts are made on first sign-in, then the provider’s settings give the role, not the token', async () => {
    provider.addAccount('new@example.org', { email: 'new@example.org', email_verified: true });
    const { callback } = await signInThroughProvider(makesAccounts, 'new@example.org');
    assert.equal(callback.status, 303);
    const made = await User.findById('new@example.org').lean();
    assert.deepEqual([made?.role, made?.pilots, made?.disabled], ['researcher', [], false]);
  });

  test('when the unknown provider is asked for, then a 404 page', async () => {
    const res = await http().get('/sign-in/oidc/nobody');
    assert.equal(res.status, 404);
    assert.match(res.text, /Unknown sign-in service/);
  });
});

describe('a session started through a provider', () => {
  test('when a change is sent without the CSRF token, then it is refused as for a password session', async () => {
    const agent = await oidcStaff(app, provider, { role: 'admin' });
    const res = await agent
      .post('/api/v1/admin/pilots')
      .set('X-CSRF-Token', '')
      .send({ code: '857', name: 'X', arm: 'pilot' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'csrf_failed');
  });

  test('when it has been idle for longer than the idle limit, then it has ended', async () => {
    const agent = await oidcStaff(app, provider, { role: 'researcher' });
    clock.advance(31 * MINUTE);
    assert.equal((await agent.get('/api/v1/session')).status, 401);
  });

  test('when the person signs out, then the session ends and the provider’s sign-out is offered', async () => {
    const agent = await oidcStaff(app, provider, { role: 'researcher' });
    const res = await agent.delete('/api/v1/session');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { provider: { id: 'council', name: 'Test Council' } });
    assert.equal(await Session.countDocuments(), 0);
    const out = await http().get('/sign-in/oidc/council/sign-out');
    assert.equal(out.status, 303);
    const to = new URL(out.headers.location!);
    assert.equal(`${to.origin}${to.pathname}`, `${provider.issuer}/session/end`);
    assert.equal(to.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(to.searchParams.get('post_logout_redirect_uri'), `${PLATFORM}/login`);
  });

  test('when a password session signs out, then the answer stays 204 with nothing to offer', async () => {
    await createStaffUser({ role: 'researcher' });
    const agent = supertest.agent(app);
    const signedIn = await agent
      .post('/api/v1/session')
      .send({ email: 'researcher@example.org', password: TEST_PASSWORD });
    assert.equal((await agent.delete('/api/v1/session').set('X-CSRF-Token', signedIn.body.csrfToken)).status, 204);
  });
});

describe('GET /api/v1/session/options', () => {
  test('when a provider is set, then the sign-in page is told its id, name and start link, and nothing secret', async () => {
    const res = await http().get('/api/v1/session/options');
    assert.deepEqual(res.body, {
      local: true,
      providers: [{ id: 'council', name: 'Test Council', start: '/sign-in/oidc/council' }],
    });
  });

  test('when password sign-in is switched off, then it is refused and the options say so', async () => {
    await createStaffUser({ role: 'admin' });
    const res = await supertest(providersOnly)
      .post('/api/v1/session')
      .send({ email: 'admin@example.org', password: TEST_PASSWORD });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'local_sign_in_off');
    assert.equal((await supertest(providersOnly).get('/api/v1/session/options')).body.local, false);
  });
});

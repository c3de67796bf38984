import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import supertest from 'supertest';
import { Session } from '../../../server/accounts/model.js';
import { PendingSignIn } from '../../../server/accounts/oidc/model.js';
import { updateUser } from '../../../server/accounts/users.js';
import { createApp } from '../../../server/app.js';
import { createTallier } from '../../../server/tally/runner.js';
import { createStaffUser, testConfig, testSurveys, useTestApp } from '../../helpers/app.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  callbackUrl,
  loginAtProvider,
  oidcEnv,
  signInThroughProvider,
  startOidcProvider,
} from '../../helpers/oidc-provider.js';

const PLATFORM = 'http://platform.test';
const provider = await startOidcProvider([callbackUrl(PLATFORM)]);
const { app } = useTestApp(import.meta.url, oidcEnv(provider.issuer, PLATFORM));
after(() => provider.stop());

// More apps on the same database: one whose log lines are kept, one whose provider is down.
const quiet = pino({ level: 'silent' });
const talliers = [createTallier(testSurveys(), quiet), createTallier(testSurveys(), quiet)] as const;
after(() => Promise.all(talliers.map((t) => t.stop())));
const appWith = (issuer: string, logger = quiet, tallier = talliers[0]) =>
  createApp({ config: testConfig(oidcEnv(issuer, PLATFORM)), logger, surveys: testSurveys(), tallier });
const logLines: string[] = [];
const kept = new Writable({ write: (chunk, _e, done) => done(void logLines.push(String(chunk))) });
const logged = appWith(provider.issuer, pino({ level: 'info' }, kept));
const down = appWith('http://127.0.0.1:9', quiet, talliers[1]);

async function account(email: string, claims: object = { email, email_verified: true }) {
  await createStaffUser({ role: 'researcher', email });
  provider.addAccount(email, claims);
}

// Starts a sign-in and takes it to the provider and back, without calling the platform's callback.
async function atCallback(login: string, target = app) {
  const agent = supertest.agent(target);
  const start = await agent.get('/sign-in/oidc/council');
  const back = new URL(await loginAtProvider(start.headers.location!, login));
  return { agent, back, path: back.pathname + back.search };
}

const failsWith = (res: supertest.Response, status: number, title: RegExp) => {
  assert.equal(res.status, status, res.text);
  assert.match(res.text, title);
  assert.match(res.text, /href="\/login"/);
};

describe('GET /sign-in/oidc/:provider/callback when the sign-in cannot go ahead', () => {
  test('when the account is disabled, then a page says it is switched off and no session starts', async () => {
    await account('ann@example.org');
    await createStaffUser({ role: 'admin', email: 'boss@example.org' });
    await updateUser('ann@example.org', { disabled: true }, 'boss@example.org');
    const { callback } = await signInThroughProvider(app, 'ann@example.org');
    failsWith(callback, 403, /Your account is switched off/);
    assert.equal(await Session.countDocuments(), 0);
  });

  test('when the provider says the email is not verified, then a page says so', async () => {
    await account('ann@example.org', { email: 'ann@example.org', email_verified: false });
    failsWith((await signInThroughProvider(app, 'ann@example.org')).callback, 403, /not verified/);
  });

  test('when the address is at a domain not allowed for the provider, then a page names the domain', async () => {
    await account('ann@elsewhere.org');
    failsWith((await signInThroughProvider(app, 'ann@elsewhere.org')).callback, 403, /elsewhere\.org/);
  });

  test('when the provider sends no email, then a page says so', async () => {
    await account('ann@example.org', { upn: 'ann' });
    failsWith((await signInThroughProvider(app, 'ann@example.org')).callback, 403, /No email address was sent/);
  });

  test('when the state in the callback was changed, then a page says the sign-in did not start here', async () => {
    await account('ann@example.org');
    const { agent, back } = await atCallback('ann@example.org');
    back.searchParams.set('state', 'forged');
    failsWith(await agent.get(back.pathname + back.search), 400, /did not start here/);
    assert.equal(await Session.countDocuments(), 0);
  });

  test('when the same callback is opened twice, then the second says it was already used', async () => {
    await account('ann@example.org');
    const { agent, path } = await atCallback('ann@example.org');
    assert.equal((await agent.get(path)).status, 303);
    failsWith(await agent.get(path), 400, /expired or was already used/);
    assert.equal(await Session.countDocuments(), 1);
  });

  test('when someone else redeemed the code first, then the provider refuses it and a page says so', async () => {
    await account('ann@example.org');
    const { agent, back, path } = await atCallback('ann@example.org');
    const pending = await PendingSignIn.findOne().lean();
    const stolen = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code')!,
        redirect_uri: callbackUrl(PLATFORM),
        code_verifier: pending!.codeVerifier,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
    });
    assert.equal(stolen.status, 200);
    failsWith(await agent.get(path), 400, /expired or was already used/);
  });

  test('when the ID token names another audience, then a page says it was meant for another service', async () => {
    await account('ann@example.org');
    provider.tamperIdTokens((p) => ({ ...p, aud: 'another-app' }));
    try {
      failsWith((await signInThroughProvider(app, 'ann@example.org')).callback, 502, /meant for another service/);
    } finally {
      provider.tamperIdTokens();
    }
  });

  test('when the ID token names another issuer, then a page says it came from the wrong place', async () => {
    await account('ann@example.org');
    provider.tamperIdTokens((p) => ({ ...p, iss: 'https://attacker.example' }));
    try {
      failsWith((await signInThroughProvider(app, 'ann@example.org')).callback, 502, /came from the wrong place/);
    } finally {
      provider.tamperIdTokens();
    }
  });

  test('when the person cancels at the provider, then a page says the provider did not sign them in', async () => {
    const agent = supertest.agent(app);
    const start = await agent.get('/sign-in/oidc/council');
    const state = new URL(start.headers.location!).searchParams.get('state')!;
    const answer = new URLSearchParams({ error: 'access_denied', state, iss: provider.issuer });
    failsWith(await agent.get(`/sign-in/oidc/council/callback?${answer}`), 403, /it said: access_denied/);
  });

  test('when a sign-in fails, then the log names the failure and holds no code, state, token or email', async () => {
    await account('ann@example.org', { email: 'ann@example.org', email_verified: false });
    logLines.length = 0;
    const { back, path } = await atCallback('ann@example.org', logged);
    const res = await supertest(logged).get(path); // no pending cookie: this browser did not start it
    failsWith(res, 400, /expired or was already used/);
    const text = logLines.join('');
    assert.match(text, /"failure":"expired"/);
    for (const secret of [back.searchParams.get('code')!, back.searchParams.get('state')!, 'ann@example.org'])
      assert.equal(text.includes(secret), false, `the log holds ${secret}`);
  });
});

describe('GET /sign-in/oidc/:provider when the provider is down', () => {
  test('when the provider does not answer, then a page says it is not answering and to try again later', async () => {
    const res = await supertest(down).get('/sign-in/oidc/council');
    failsWith(res, 502, /Test Council is not answering/);
    assert.match(res.text, /Try again in a few minutes/);
  });
});

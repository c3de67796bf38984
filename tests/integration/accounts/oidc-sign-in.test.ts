import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../../server/accounts/model.js';
import { useTestApp } from '../../helpers/app.js';
import {
  callbackUrl,
  oidcEnv,
  oidcStaff,
  signInThroughProvider,
  startOidcProvider,
} from '../../helpers/oidc-provider.js';
import { buildCouncil } from '../../helpers/factories.js';

const PLATFORM = 'http://platform.test';
const provider = await startOidcProvider([callbackUrl(PLATFORM)]);
const { app, http } = useTestApp(import.meta.url, oidcEnv(provider.issuer, PLATFORM));
after(() => provider.stop());

describe('GET /sign-in/oidc/:provider/callback', () => {
  test('when an HR lead signs in through the provider, then the session carries the roles and councils of our account', async () => {
    await buildCouncil({ code: '855' });
    const agent = await oidcStaff(app, provider, { role: 'hr_lead', pilots: ['855'] });
    const res = await agent.get('/api/v1/session');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.user, { email: 'hr_lead-855@example.org', role: 'hr_lead', pilots: ['855'] });
    assert.equal((await Session.findOne().lean())?.provider, 'council');
  });

  test('when the provider signs in an email with no account here, then a page says so and no session starts', async () => {
    provider.addAccount('stranger@example.org', { email: 'stranger@example.org', email_verified: true });
    const { callback } = await signInThroughProvider(app, 'stranger@example.org');
    assert.equal(callback.status, 403);
    assert.match(callback.text, /You do not have an account on this service/);
    assert.equal(await Session.countDocuments(), 0);
    assert.doesNotMatch(String(callback.headers['set-cookie']), /wellbeing_session=[^;]/);
  });

  test('when the unknown provider is asked for, then a 404 page', async () => {
    const res = await http().get('/sign-in/oidc/nobody');
    assert.equal(res.status, 404);
    assert.match(res.text, /Unknown sign-in service/);
  });
});

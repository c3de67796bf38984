import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../../server/config.js';

const entra = {
  id: 'camden',
  name: 'Camden Council',
  issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  clientId: 'app-id',
  clientSecret: 'secret-value',
  allowedDomains: ['Camden.gov.uk'],
};
const providers = (...list: object[]) => JSON.stringify(list);

describe('OpenID Connect settings', () => {
  test('when nothing is set, then passwords sign in and no provider is offered', () => {
    const c = parseConfig({});
    assert.equal(c.LOCAL_SIGN_IN, true);
    assert.deepEqual(c.OIDC_PROVIDERS, []);
  });

  test('when a provider gives only the required keys, then the redirect URL comes from PUBLIC_URL and the rest from defaults', () => {
    const [p] = parseConfig({ PUBLIC_URL: 'https://survey.example', OIDC_PROVIDERS: providers(entra) }).OIDC_PROVIDERS;
    assert.equal(p!.redirectUrl, 'https://survey.example/sign-in/oidc/camden/callback');
    assert.deepEqual(
      [p!.emailClaim, p!.requireVerifiedEmail, p!.scopes, p!.allowedDomains, p!.createAccounts],
      ['email', true, 'openid email profile', ['camden.gov.uk'], undefined],
    );
  });

  test('when OIDC_PROVIDERS is not JSON, then the start is refused saying so', () => {
    assert.throws(() => parseConfig({ OIDC_PROVIDERS: '[{' }), /OIDC_PROVIDERS: must be JSON/);
  });

  test('when a provider is wrong in several ways, then each key is named with its index and no secret is shown', () => {
    const bad = { ...entra, id: 'Camden Council', issuer: 'http://login.example', allowedDomains: [] };
    assert.throws(
      () => parseConfig({ PUBLIC_URL: 'https://survey.example', OIDC_PROVIDERS: providers(bad) }),
      (e: Error) =>
        e instanceof ConfigError &&
        /OIDC_PROVIDERS\.0\.id: lower-case/.test(e.message) &&
        /OIDC_PROVIDERS\.0\.issuer: must be https:\/\//.test(e.message) &&
        /OIDC_PROVIDERS\.0\.allowedDomains: name at least one/.test(e.message) &&
        !e.message.includes('secret-value'),
    );
  });

  test('when an http:// issuer is on a loopback host, then it is accepted (tests, local development)', () => {
    const local = { ...entra, issuer: 'http://127.0.0.1:4000', redirectUrl: 'http://127.0.0.1:3000/cb' };
    assert.equal(parseConfig({ OIDC_PROVIDERS: providers(local) }).OIDC_PROVIDERS[0]!.issuer, 'http://127.0.0.1:4000');
  });

  test('when there is no PUBLIC_URL and no redirectUrl, then the provider is refused', () => {
    assert.throws(() => parseConfig({ OIDC_PROVIDERS: providers(entra) }), /OIDC_PROVIDERS\.0\.redirectUrl: required/);
  });

  test('when two providers share an id, then the start is refused', () => {
    assert.throws(
      () => parseConfig({ PUBLIC_URL: 'https://s.example', OIDC_PROVIDERS: providers(entra, entra) }),
      /each provider needs its own id/,
    );
  });

  test('when password sign-in is off and no provider is set, then the start is refused: nobody could sign in', () => {
    assert.throws(() => parseConfig({ LOCAL_SIGN_IN: 'false' }), /LOCAL_SIGN_IN: false needs at least one provider/);
  });

  test('when just-in-time accounts would make admins or HR leads without councils, then they are refused', () => {
    for (const createAccounts of [{ role: 'admin' }, { role: 'hr_lead' }, { role: 'researcher', pilots: ['855'] }])
      assert.throws(
        () => parseConfig({ PUBLIC_URL: 'https://s.example', OIDC_PROVIDERS: providers({ ...entra, createAccounts }) }),
        /OIDC_PROVIDERS\.0\.createAccounts/,
      );
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../../server/config.js';
import { classify, failurePage } from '../../../server/accounts/oidc/failures.js';
import { emailFromClaims } from '../../../server/accounts/oidc/identity.js';

const provider = (settings: object = {}) =>
  parseConfig({
    PUBLIC_URL: 'https://survey.example',
    OIDC_PROVIDERS: JSON.stringify([
      {
        id: 'c',
        name: 'C',
        issuer: 'https://id.example',
        clientId: 'a',
        clientSecret: 'b',
        allowedDomains: ['camden.gov.uk'],
        ...settings,
      },
    ]),
  }).OIDC_PROVIDERS[0]!;

describe('emailFromClaims', () => {
  test('when the provider vouches for a verified address at an allowed domain, then that address, normalised', () => {
    assert.deepEqual(emailFromClaims({ email: ' Ann.Lee@Camden.gov.uk ', email_verified: true }, provider()), {
      email: 'ann.lee@camden.gov.uk',
    });
  });

  test('when the token says the address is not verified, then it is refused even where verification is not required', () => {
    const claims = { email: 'ann@camden.gov.uk', email_verified: false };
    for (const p of [provider(), provider({ requireVerifiedEmail: false })])
      assert.deepEqual(emailFromClaims(claims, p), {
        failure: { kind: 'email_unverified', email: 'ann@camden.gov.uk' },
      });
  });

  test('when the token says nothing about verification, then only a provider set not to require it accepts the address', () => {
    const claims = { preferred_username: 'ann@camden.gov.uk' };
    const entra = provider({ emailClaim: 'preferred_username', requireVerifiedEmail: false });
    assert.deepEqual(emailFromClaims(claims, entra), { email: 'ann@camden.gov.uk' });
    assert.equal('failure' in emailFromClaims({ email: 'ann@camden.gov.uk' }, provider()), true);
  });

  test('when the address is at another domain (or a subdomain), then it is refused naming the domain', () => {
    for (const email of ['ann@gmail.com', 'ann@evil.camden.gov.uk'])
      assert.deepEqual(emailFromClaims({ email, email_verified: true }, provider()), {
        failure: { kind: 'domain_not_allowed', email, domain: email.split('@')[1] },
      });
  });

  test('when the configured claim is missing or not an address, then no email', () => {
    for (const claims of [{}, { email: 42 }, { email: 'not-an-address' }, { email: ['a@camden.gov.uk'] }])
      assert.deepEqual(emailFromClaims(claims, provider()), { failure: { kind: 'no_email' } });
  });
});

describe('classify', () => {
  const cases: [string, unknown, string][] = [
    ['a refused connection', new TypeError('fetch failed'), 'provider_down'],
    ['a timeout', { name: 'ClientError', code: 'OAUTH_TIMEOUT' }, 'provider_down'],
    ['a 5xx from the provider', { code: 'OAUTH_RESPONSE_IS_NOT_CONFORM' }, 'provider_down'],
    ['a used or expired code', { code: 'OAUTH_RESPONSE_BODY_ERROR', error: 'invalid_grant' }, 'expired'],
    ['a wrong client secret', { code: 'OAUTH_RESPONSE_BODY_ERROR', error: 'invalid_client' }, 'provider_refused'],
    ['a cancelled sign-in', { code: 'OAUTH_AUTHORIZATION_RESPONSE_ERROR', error: 'access_denied' }, 'denied'],
    ['another audience', { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim: 'aud' } }, 'wrong_audience'],
    ['another issuer', { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim: 'iss' } }, 'wrong_issuer'],
    [
      'another audience, wrapped',
      { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { cause: { claim: 'aud' } } },
      'wrong_audience',
    ],
    ['metadata from elsewhere', { code: 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' }, 'wrong_issuer'],
    ['another nonce', { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim: 'nonce' } }, 'tampered'],
    ['anything else', new Error('odd'), 'untrusted'],
  ];
  for (const [what, err, kind] of cases)
    test(`when openid-client reports ${what}, then the failure is ${kind}`, () => {
      assert.equal(classify(err).kind, kind);
    });

  test('when the provider names its error oddly, then the code is dropped rather than shown', () => {
    assert.equal(classify({ code: 'OAUTH_AUTHORIZATION_RESPONSE_ERROR', error: '<script>' }).code, undefined);
  });
});

describe('failurePage', () => {
  test('when an account is switched off, then a 403 page names the address and says whom to ask', () => {
    const page = failurePage({ kind: 'disabled', email: 'ann@camden.gov.uk' }, 'Camden');
    assert.equal(page.status, 403);
    assert.match(page.message, /ann@camden\.gov\.uk/);
    assert.match(page.action, /administrator/);
  });
});

import type { OidcProviderSettings } from '../../config.js';
import { normaliseEmail } from '../rules.js';
import type { Failure } from './failures.js';

type Claims = Record<string, unknown>;
type Checked = { email: string } | { failure: Failure };

const EMAIL = /^[^\s@]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

// The email the provider vouches for, if it may sign in here: present in the configured claim,
// verified (when the provider is set to require it) and at an allowed domain. The provider's word
// on anything else (roles, groups) is ignored.
export function emailFromClaims(claims: Claims, provider: OidcProviderSettings): Checked {
  const raw = claims[provider.emailClaim];
  const email = typeof raw === 'string' ? normaliseEmail(raw) : '';
  if (!EMAIL.test(email) || email.length > 254) return { failure: { kind: 'no_email' } };
  const verified = claims.email_verified;
  if (
    verified === false ||
    verified === 'false' ||
    (provider.requireVerifiedEmail && verified !== true && verified !== 'true')
  )
    return { failure: { kind: 'email_unverified', email } };
  const domain = email.slice(email.indexOf('@') + 1);
  if (!provider.allowedDomains.includes(domain)) return { failure: { kind: 'domain_not_allowed', email, domain } };
  return { email };
}

import * as oidc from 'openid-client';
import type { OidcProviderSettings } from '../../config.js';
import type { Clock } from '../sessions.js';

// Provider metadata is read on first use, not at boot, so a provider that is down at start stops
// only its own sign-ins; a failed discovery is tried again by the next sign-in, a good one is
// kept for an hour. http:// issuers pass config only on loopback hosts (tests, local development).
const KEEP_MS = 60 * 60_000;
const TIMEOUT_SECONDS = 10;

export type Checks = { state: string; nonce: string; codeVerifier: string };
export type OidcClients = ReturnType<typeof createOidcClients>;

export function createOidcClients(providers: readonly OidcProviderSettings[], now: Clock) {
  const byId = new Map(providers.map((p) => [p.id, p]));
  const found = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  function configFor(p: OidcProviderSettings): Promise<oidc.Configuration> {
    const kept = found.get(p.id);
    if (kept && now() - kept.at < KEEP_MS) return kept.config;
    const execute = p.issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : [];
    const config = oidc.discovery(new URL(p.issuer), p.clientId, p.clientSecret, undefined, {
      execute,
      timeout: TIMEOUT_SECONDS,
    });
    found.set(p.id, { at: now(), config });
    config.catch(() => found.delete(p.id));
    return config;
  }

  async function authorizationUrl(p: OidcProviderSettings): Promise<{ url: URL; checks: Checks }> {
    const config = await configFor(p);
    const checks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: p.redirectUrl,
      scope: p.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url, checks };
  }

  // The callback's query on the registered redirect URL (not the Host header, which a proxy may change).
  // Claims asked for by scope may come only from the UserInfo endpoint (as the spec has it for the
  // code flow): it is read, for the token's own subject, when the ID token lacks the email.
  async function claims(p: OidcProviderSettings, query: string, checks: Checks): Promise<Record<string, unknown>> {
    const config = await configFor(p);
    const current = new URL(p.redirectUrl);
    current.search = query;
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    if (idToken[p.emailClaim] !== undefined || !config.serverMetadata().userinfo_endpoint) return idToken;
    const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
    return { ...userInfo, ...idToken };
  }

  // The provider's RP-initiated logout page, or null when it has none (Google has none).
  async function endSessionUrl(p: OidcProviderSettings, returnTo: string): Promise<URL | null> {
    const config = await configFor(p);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { client_id: p.clientId, post_logout_redirect_uri: returnTo });
  }

  return { provider: (id: string) => byId.get(id), authorizationUrl, claims, endSessionUrl };
}

import { once } from 'node:events';
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import supertest from 'supertest';
import { createStaffUser, type StaffAgent, type StaffSpec } from './app.js';

// A real, OpenID-certified provider (the oidc-provider package) in this process on 127.0.0.1, with
// its development login form: any password, the login names the account. Consent is granted
// without asking, as a council's provider does for an application its admins registered.
export type ProviderAccount = { email?: string; email_verified?: boolean; upn?: string };
export type LoopbackProvider = Awaited<ReturnType<typeof startOidcProvider>>;

export const CLIENT_ID = 'wellbeing-platform';
export const CLIENT_SECRET = 'a-test-secret-that-is-long-enough-for-hs256-0123456789';

type IdTokenPayload = Record<string, unknown>;

function rsaKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' } };
}

// Signs a JWT with the provider's own key, for tests that hand the platform a token whose
// signature is good but whose claims are not (wrong audience or issuer).
function resign(token: string, change: (p: IdTokenPayload) => IdTokenPayload, key: KeyObject): string {
  const [header, payload] = token.split('.') as [string, string];
  const body = Buffer.from(JSON.stringify(change(JSON.parse(Buffer.from(payload, 'base64url').toString())))).toString(
    'base64url',
  );
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), key).toString('base64url');
  return `${header}.${body}.${signature}`;
}

export async function startOidcProvider(redirectUris: string[]) {
  const accounts = new Map<string, ProviderAccount>();
  const key = rsaKey();
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: { tamper?: (p: IdTokenPayload) => IdTokenPayload } = {};

  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris.map((u) => new URL('/login', u).href),
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [key.jwk as never] },
    cookies: { keys: ['loopback-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['upn'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { AuthorizationCode: 60, Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    findAccount: async (_ctx, sub) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { Grant } = ctx.oidc.provider;
      const clientId = ctx.oidc.client!.clientId;
      const existing = ctx.oidc.session!.grantIdFor(clientId);
      if (existing) return Grant.find(existing);
      const grant = new Grant({ clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, err) => console.error('loopback provider:', err));
  const privateKey = createPrivateKey({ key: key.jwk as never, format: 'jwk' });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && state.tamper && body?.id_token)
      ctx.body = { ...body, id_token: resign(body.id_token, state.tamper, privateKey) };
  });
  server.on('request', provider.callback());

  return {
    issuer,
    // login (the account id at the provider) → the claims it releases
    addAccount: (login: string, claims: ProviderAccount) => accounts.set(login, claims),
    tamperIdTokens: (change?: (p: IdTokenPayload) => IdTokenPayload) => {
      state.tamper = change;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

// Follows a sign-in from the platform's start URL through the provider's login form back to the
// platform's callback, as a browser would, and returns the callback URL (code, state and iss).
export async function loginAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const call = async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  };
  let res = await call(authorizationUrl);
  for (let hops = 0; hops < 10; hops++) {
    const location = res.headers.get('location');
    if (!location) {
      const action = /action="([^"]+)"/.exec(await res.text())?.[1];
      if (!action) throw new Error(`the provider answered ${res.status} with no login form`);
      const body = new URLSearchParams({ prompt: 'login', login, password: 'any' });
      res = await call(new URL(action, authorizationUrl).href, { method: 'POST', body });
      continue;
    }
    const next = new URL(location, authorizationUrl).href;
    if (!next.startsWith(new URL(authorizationUrl).origin)) return next;
    res = await call(next);
  }
  throw new Error('the provider never sent the browser back to the platform');
}

// The platform's settings for one loopback provider, as environment overrides for testApp.
export const PROVIDER_ID = 'council';
export const PROVIDER_NAME = 'Test Council';
export const callbackUrl = (origin: string) => `${origin}/sign-in/oidc/${PROVIDER_ID}/callback`;

export function oidcEnv(issuer: string, origin: string, settings: Record<string, unknown> = {}) {
  const provider = {
    id: PROVIDER_ID,
    name: PROVIDER_NAME,
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUrl: callbackUrl(origin),
    allowedDomains: ['example.org'],
    ...settings,
  };
  return { OIDC_PROVIDERS: JSON.stringify([provider]) };
}

// Signs in through the provider as `login` with a supertest agent: start, the provider's login form,
// then the callback. Returns the agent and the callback's answer (a redirect home, or a failure page).
export async function signInThroughProvider(app: Express, login: string) {
  const agent = supertest.agent(app);
  const start = await agent.get(`/sign-in/oidc/${PROVIDER_ID}`);
  if (start.status !== 303) throw new Error(`starting a sign-in answered ${start.status}: ${start.text}`);
  const back = new URL(await loginAtProvider(start.headers.location!, login));
  const callback = await agent.get(back.pathname + back.search);
  return { agent, callback, callbackPath: back.pathname + back.search };
}

// An agent signed in through the provider for the account `spec` names (made here with the
// password service, as an admin would), with the session's CSRF token on every request.
export async function oidcStaff(app: Express, provider: LoopbackProvider, spec: StaffSpec): Promise<StaffAgent> {
  const email = await createStaffUser(spec);
  provider.addAccount(email, { email, email_verified: true });
  const { agent, callback } = await signInThroughProvider(app, email);
  if (callback.status !== 303) throw new Error(`signing in ${email} answered ${callback.status}: ${callback.text}`);
  const session = await agent.get('/api/v1/session');
  agent.set('X-CSRF-Token', session.body.csrfToken);
  return agent;
}

import { Router } from 'express';
import type { Config } from '../config.js';
import { createAccess, currentUser } from './access.js';
import { clearSessionCookie, readSessionToken, setSessionCookie, type CookiePolicy } from './cookies.js';
import { localSignInOff } from './errors.js';
import { createLoginLimiter, limitSignIn } from './login-limit.js';
import { signIn } from './login.js';
import { createOidcClients } from './oidc/clients.js';
import { oidcPages } from './oidc/routes.js';
import { createSessionStore, type Clock } from './sessions.js';

const MINUTE = 60_000;

// Sessions, sign-in limits and route guards, wired from config. `now` is injectable for tests.
export function createAccounts(config: Config, now: Clock = Date.now) {
  const limits = {
    idleMs: config.SESSION_IDLE_MINUTES * MINUTE,
    absoluteMs: config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE,
  };
  const cookie: CookiePolicy = { secure: config.httpsPublic, maxAgeMs: limits.absoluteMs };
  const store = createSessionStore(limits, now);
  const limiter = createLoginLimiter(
    {
      windowMs: config.LOGIN_WINDOW_MINUTES * MINUTE,
      perEmail: config.LOGIN_ATTEMPTS_PER_EMAIL,
      perAddress: config.LOGIN_ATTEMPTS_PER_ADDRESS,
    },
    now,
  );
  const access = createAccess(store, cookie);
  const oidc = createOidcClients(config.OIDC_PROVIDERS, now);
  // what the sign-in page offers: the password form (unless switched off) and each provider
  const options = {
    local: config.LOCAL_SIGN_IN,
    providers: config.OIDC_PROVIDERS.map((p) => ({ id: p.id, name: p.name, start: `/sign-in/oidc/${p.id}` })),
  };

  const routes = Router()
    .get('/session/options', (_req, res) => {
      res.json(options);
    })
    .post('/session', (_req, _res, next) => next(config.LOCAL_SIGN_IN ? undefined : localSignInOff()))
    .post('/session', limitSignIn(limiter), async (req, res) => {
      const signedIn = await signIn(req.body ?? {}, { store, limiter, address: req.ip ?? 'unknown' });
      await store.end(readSessionToken(req) ?? ''); // signing in again replaces any earlier session
      setSessionCookie(res, signedIn.token, cookie);
      res.set('Cache-Control', 'no-store').json({ user: signedIn.user, csrfToken: signedIn.csrfToken });
    })
    .get('/session', access.signedIn, (_req, res) => {
      res.set('Cache-Control', 'no-store').json({ user: currentUser(res), csrfToken: res.locals.session!.csrfToken });
    })
    // Signed in through a provider: the answer names it, so the page can offer its sign-out too.
    .delete('/session', access.signedIn, async (req, res) => {
      const provider = options.providers.find((p) => p.id === res.locals.session!.provider);
      await store.end(readSessionToken(req) ?? '');
      clearSessionCookie(res, cookie);
      if (provider) res.json({ provider: { id: provider.id, name: provider.name } });
      else res.status(204).end();
    });

  const pages = oidcPages({ clients: oidc, store, now }, cookie);
  return { access, routes, pages, store, sweepEvery: store.sweepEvery };
}

export type Accounts = ReturnType<typeof createAccounts>;

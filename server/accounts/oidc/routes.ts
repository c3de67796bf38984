import { Router, type Request, type Response } from 'express';
import type { OidcProviderSettings } from '../../config.js';
import { escapeHtml, htmlPage } from '../../platform/http/html.js';
import { readCookie, setSessionCookie, type CookiePolicy } from '../cookies.js';
import type { Role } from '../model.js';
import { classify, failurePage, type Failure } from './failures.js';
import { beginSignIn, finishSignIn, type OidcDeps } from './service.js';

// Browser navigations, not API calls: each answers with a redirect or a page.
//   /sign-in/oidc/:provider           → the provider's sign-in page
//   /sign-in/oidc/:provider/callback  → signed in (home page) or a page saying what went wrong
//   /sign-in/oidc/:provider/sign-out  → the provider's own sign-out page, offered after signing out here
const PENDING_COOKIE = 'wellbeing_oidc';
const PENDING_PATH = '/sign-in/oidc';
const home: Record<Role, string> = { admin: '/admin', hr_lead: '/dashboard', researcher: '/research' };

export function oidcPages(deps: OidcDeps, session: CookiePolicy) {
  const pendingCookie = { httpOnly: true, sameSite: 'lax' as const, secure: session.secure, path: PENDING_PATH };

  function fail(req: Request, res: Response, failure: Failure, p?: OidcProviderSettings) {
    // kinds and library codes only: never a token, a code, a claim or an email
    req.log.warn({ provider: p?.id, failure: failure.kind, code: failure.code }, 'sign-in through a provider failed');
    const page = failurePage(failure, p?.name ?? 'The sign-in service');
    res
      .status(page.status)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        htmlPage({
          title: page.title,
          styles: ['dashboard.css'],
          body: `<main id="main" class="page message"><h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p><p>${escapeHtml(page.action)}</p>
<p><a href="/login">Back to the sign-in page</a></p></main>`,
        }),
      );
  }

  const providerOf = (req: Request) => deps.clients.provider(String(req.params.provider));

  return Router()
    .get('/sign-in/oidc/:provider', async (req, res) => {
      const p = providerOf(req);
      if (!p) return fail(req, res, { kind: 'unknown_provider' });
      let started: Awaited<ReturnType<typeof beginSignIn>>;
      try {
        started = await beginSignIn(p, deps);
      } catch (err) {
        return fail(req, res, classify(err), p);
      }
      res.cookie(PENDING_COOKIE, started.token, { ...pendingCookie, maxAge: 10 * 60_000 });
      res.set('Cache-Control', 'no-store').redirect(303, started.url.href);
    })
    .get('/sign-in/oidc/:provider/callback', async (req, res) => {
      const p = providerOf(req);
      if (!p) return fail(req, res, { kind: 'unknown_provider' });
      const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
      const result = await finishSignIn(p, readCookie(req, PENDING_COOKIE) ?? '', query, deps);
      res.clearCookie(PENDING_COOKIE, pendingCookie);
      if ('failure' in result) return fail(req, res, result.failure, p);
      setSessionCookie(res, result.token, session);
      res.set('Cache-Control', 'no-store').redirect(303, home[result.user.role]);
    })
    .get('/sign-in/oidc/:provider/sign-out', async (req, res) => {
      const p = providerOf(req);
      if (!p) return fail(req, res, { kind: 'unknown_provider' });
      let url: URL | null;
      try {
        url = await deps.clients.endSessionUrl(p, new URL('/login', p.redirectUrl).href);
      } catch (err) {
        return fail(req, res, classify(err), p);
      }
      if (!url) return fail(req, res, { kind: 'no_end_session' }, p);
      res.redirect(303, url.href);
    });
}

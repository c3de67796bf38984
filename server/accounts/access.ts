import type { Request, RequestHandler, Response } from 'express';
import { clearSessionCookie, readSessionToken, type CookiePolicy } from './cookies.js';
import { csrfFailed, forbidden, signInRequired } from './errors.js';
import type { Role } from './model.js';
import { canEditCouncil, canReadCouncil, hasRole, sameToken, type StaffUser } from './rules.js';
import type { ActiveSession, SessionStore } from './sessions.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      session?: ActiveSession;
    }
  }
}

// Guards for staff routes. Each one signs the request in from its cookie, checks the CSRF token
// on anything that changes state, then checks role and council; respondent routes use none.
export type Access = {
  signedIn: RequestHandler;
  roles: (...roles: Role[]) => RequestHandler;
  readCouncil: (param: string) => RequestHandler;
  editCouncil: (param: string) => RequestHandler;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function currentUser(res: Response): StaffUser {
  const session = res.locals.session;
  if (!session) throw signInRequired();
  return session.user;
}

export function createAccess(store: SessionStore, cookie: CookiePolicy): Access {
  async function identify(req: Request, res: Response): Promise<StaffUser> {
    // council data must not stay in a shared computer's cache, refusals included
    res.set('Cache-Control', 'no-store');
    if (res.locals.session) return res.locals.session.user;
    const token = readSessionToken(req);
    const session = token ? await store.resume(token) : null;
    if (!session) {
      if (token) clearSessionCookie(res, cookie);
      throw signInRequired();
    }
    res.locals.session = session;
    return session.user;
  }

  const guard =
    (allowed: (user: StaffUser, req: Request) => boolean): RequestHandler =>
    async (req, res, next) => {
      const user = await identify(req, res);
      if (!SAFE_METHODS.has(req.method) && !sameToken(res.locals.session!.csrfToken, req.get('x-csrf-token')))
        throw csrfFailed();
      if (!allowed(user, req)) throw forbidden();
      next();
    };

  return {
    signedIn: guard(() => true),
    roles: (...roles) => guard((user) => hasRole(user, roles)),
    readCouncil: (param) => guard((user, req) => canReadCouncil(user, String(req.params[param]))),
    editCouncil: (param) => guard((user, req) => canEditCouncil(user, String(req.params[param]))),
  };
}

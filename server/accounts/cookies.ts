import type { CookieOptions, Request, Response } from 'express';

// Sent only to the staff API: the respondent pages under /s/ never receive it.
export const SESSION_COOKIE = 'wellbeing_session';
const PATH = '/api/v1';

export type CookiePolicy = { secure: boolean; maxAgeMs: number };

const options = ({ secure }: CookiePolicy): CookieOptions => ({ httpOnly: true, sameSite: 'lax', secure, path: PATH });

// No cookie-parser: the session cookie (and a pending sign-in's), read by name.
export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export const readSessionToken = (req: Request): string | null => readCookie(req, SESSION_COOKIE);

export const setSessionCookie = (res: Response, token: string, policy: CookiePolicy) =>
  res.cookie(SESSION_COOKIE, token, { ...options(policy), maxAge: policy.maxAgeMs });

export const clearSessionCookie = (res: Response, policy: CookiePolicy) =>
  res.clearCookie(SESSION_COOKIE, options(policy));

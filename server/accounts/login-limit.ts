import type { RequestHandler } from 'express';
import { tooManyAttempts } from './errors.js';
import { normaliseEmail } from './rules.js';
import type { Clock } from './sessions.js';

type Limits = { windowMs: number; perEmail: number; perAddress: number };

// Fixed-window counts of sign-in attempts per email and per client address, in memory only.
// The whole table is dropped at the first attempt after the window ends (or if it grows huge).
const MAX_KEYS = 100_000;

export function createLoginLimiter({ windowMs, perEmail, perAddress }: Limits, now: Clock) {
  let windowStart = now();
  let counts = new Map<string, number>();
  const bump = (key: string) => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };
  return {
    // Counts the attempt and says whether it may go ahead.
    attempt(email: string, address: string): boolean {
      if (now() - windowStart >= windowMs || counts.size > MAX_KEYS) {
        windowStart = now();
        counts = new Map();
      }
      // an attempt with no email (or not a string) guesses no one's password: the address counts it
      const byEmail = email ? bump(`e:${email}`) : 0;
      const byAddress = bump(`a:${address}`);
      return byEmail <= perEmail && byAddress <= perAddress;
    },
    // A successful sign-in clears the email's count (the address keeps its count).
    succeeded(email: string): void {
      counts.delete(`e:${email}`);
    },
    retryAfterSeconds: () => Math.max(1, Math.ceil((windowStart + windowMs - now()) / 1000)),
  };
}

// The body is not validated yet: anything but a string (an object whose toString is not a
// function, an array nested thousands deep) reads as no email rather than being turned into a
// string, which threw; and the key is at most as long as an email can be, so a flood of huge
// emails cannot fill the table with huge keys.
const MAX_EMAIL = 254;
function emailKey(body: unknown): string {
  const email = body && typeof body === 'object' && 'email' in body ? body.email : undefined;
  return typeof email === 'string' ? normaliseEmail(email).slice(0, MAX_EMAIL) : '';
}

// Counts every sign-in attempt before the password is checked. The client address (req.ip,
// which honours TRUST_PROXY) is a map key for this window only: never stored or logged.
export function limitSignIn(limiter: ReturnType<typeof createLoginLimiter>): RequestHandler {
  return (req, res, next) => {
    const email = emailKey(req.body);
    if (!limiter.attempt(email, req.ip ?? 'unknown')) {
      res.set('Retry-After', String(limiter.retryAfterSeconds()));
      throw tooManyAttempts();
    }
    next();
  };
}

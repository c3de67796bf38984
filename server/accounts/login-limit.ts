import type { RequestHandler } from 'express';
import { createWindowCounts } from '../platform/window-counts.js';
import { tooManyAttempts } from './errors.js';
import { normaliseEmail } from './rules.js';
import type { Clock } from './sessions.js';

type Limits = { windowMs: number; perEmail: number; perAddress: number; maxKeys?: number };

// Sign-in attempts per email and per client address, each key in its own fixed window, in
// memory for each process (N instances allow N × the limits). The table is bounded and a key at
// its limit (a locked email or address) is never dropped before its window ends, however many
// other keys arrive (see platform/window-counts.ts), so the limits cannot be flushed. An attempt
// that is refused counts nothing, so a blocked flood adds no keys; a successful sign-in gives
// back the address's count and clears the email's, so colleagues behind one proxy address are
// not locked out by each other's sign-ins.
const MAX_KEYS = 100_000;

export function createLoginLimiter({ windowMs, perEmail, perAddress, maxKeys = MAX_KEYS }: Limits, now: Clock) {
  const limitOf = (key: string) => (key.startsWith('e:') ? perEmail : perAddress);
  const counts = createWindowCounts({ windowMs, maxKeys, now, held: (key, n) => n >= limitOf(key) });
  const locked = (key: string) => counts.count(key) >= limitOf(key);
  return {
    // Counts the attempt and says whether it may go ahead; a refused attempt is not counted.
    attempt(email: string, address: string): boolean {
      const keys = [`a:${address}`, ...(email ? [`e:${email}`] : [])];
      if (keys.some(locked)) return false;
      // an attempt with no email (or not a string) guesses no one's password: the address counts it
      for (const key of keys) if (counts.add(key) === null) return false; // table full of locked keys
      return true;
    },
    succeeded(email: string, address: string): void {
      counts.forget(`e:${email}`);
      counts.subtract(`a:${address}`);
    },
    retryAfterSeconds: (email: string, address: string) =>
      Math.ceil(Math.max(counts.retryAfterMs(`a:${address}`), counts.retryAfterMs(`e:${email}`)) / 1000),
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
    const address = req.ip ?? 'unknown';
    if (!limiter.attempt(email, address)) {
      res.set('Retry-After', String(Math.max(1, limiter.retryAfterSeconds(email, address))));
      throw tooManyAttempts();
    }
    next();
  };
}

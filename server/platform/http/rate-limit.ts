import type { ServerResponse } from 'node:http';
import { AppError } from '../../errors.js';
import { createWindowCounts } from '../window-counts.js';

// Per-key submission limit (for respondents: the campaign code, never an IP), kept in memory for
// each process, so N instances allow N × max. The caller counts only a request that names a real
// thing with well-formed input: junk can neither fill the table nor use up a real key's
// allowance. At most `maxKeys` keys are kept (see window-counts.ts).
export function createRateLimit({
  windowMs,
  max,
  maxKeys = 10_000,
}: {
  windowMs: number;
  max: number;
  maxKeys?: number;
}) {
  const counts = createWindowCounts({ windowMs, maxKeys, held: (_k, n) => n >= max });
  return {
    // Counts one request for `key`, or refuses it with 429 and Retry-After.
    take(key: string, res: ServerResponse): void {
      const n = counts.add(key);
      if (n !== null && n <= max) return;
      res.setHeader('Retry-After', String(Math.ceil((n === null ? windowMs : counts.retryAfterMs(key)) / 1000)));
      throw new AppError(
        429,
        'rate_limited',
        'Too many submissions for this survey just now; please try again in a minute.',
      );
    },
    size: counts.size,
  };
}

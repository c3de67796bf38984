import type { Request, RequestHandler } from 'express';

// Fixed-window counter per key (for respondents: the campaign code, never an IP). The whole
// table is dropped at each window's end, so nothing outlives the window.
export function rateLimit({
  windowMs,
  max,
  key,
}: {
  windowMs: number;
  max: number;
  key: (req: Request) => string;
}): RequestHandler {
  let counts = new Map<string, number>();
  setInterval(() => {
    counts = new Map();
  }, windowMs).unref();
  return (req, res, next) => {
    const k = key(req);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > max) {
      res.set('Retry-After', String(Math.ceil(windowMs / 1000)));
      res.status(429).json({
        error: {
          code: 'rate_limited',
          message: 'Too many submissions for this survey just now; please try again in a minute.',
        },
      });
      return;
    }
    next();
  };
}

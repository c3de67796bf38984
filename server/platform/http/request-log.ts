import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../log.js';

// One line per request: method, path and status only; no headers, IPs, user agents or bodies.
// Respondent routes are logged by their template, never with the campaign code or token: a line
// with a code and a time would date that campaign's responses. An accepted submission writes no
// line at all: the k-th "201" line, even without a code, pairs with the k-th stored response in the
// order the database keeps them (the submission route marks its requests: `unloggedWhenAccepted`,
// whichever spelling of the path the router took). Refused submissions (4xx) and failures (5xx)
// are still logged.
// Every path is cut to MAX_PATH characters, so a huge URL cannot bloat the log.
const MAX_PATH = 200;
const TEMPLATES: [RegExp, string][] = [
  [/^\/api\/v1\/campaigns\/[^/]*/i, '/api/v1/campaigns/:code'],
  [/^\/s\/[^/]*/i, '/s/:code'],
  [/^\/unsubscribe\/[^/]*/i, '/unsubscribe/:token'],
];

export function loggedPath(url: string): string {
  const path = TEMPLATES.reduce((p, [pattern, template]) => p.replace(pattern, template), url.split('?')[0]!);
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}

// First on a route whose accepted requests write no line (the submission route): marked before
// its body is read, so a client that leaves at any point after is covered too.
const unlogged = new WeakSet<object>();
export const unloggedWhenAccepted: RequestHandler = (_req, res, next) => {
  unlogged.add(res);
  next();
};

declare module 'node:http' {
  interface IncomingMessage {
    log: Logger; // for a route's own warnings (a line of its own, with nothing of the request)
  }
}

// The line pino-http wrote (req, res, responseTime; "request completed", or "request aborted" at
// error level when the client left first), written straight to the logger: a child logger per
// request cost more than the rest of a summary read's own work.
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    req.log = logger;
    logWhenClosed(logger, req, res);
    next();
  };
}

// Writes a request's line once its answer is sent or its client has left; also for a route served
// ahead of Express (front-door.ts), which passes `acceptedUnlogged` as true (as the submission route
// marks its requests with `unloggedWhenAccepted`).
export function logWhenClosed(
  logger: Logger,
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  acceptedUnlogged = false,
): void {
  const started = performance.now();
  if (acceptedUnlogged) unlogged.add(res);
  // 'close' comes once: after the answer is sent, or when the client left first
  res.once('close', () => {
    const aborted = !res.writableFinished;
    const status = res.statusCode;
    const accepted = status < 400 && req.method === 'POST';
    const url = req.originalUrl ?? req.url ?? '';
    // not even when the client left before the answer: the response may be stored all the same
    if (accepted && unlogged.has(res)) return;
    const level = aborted || status >= 500 ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        req: { method: req.method, url: loggedPath(url) },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - started),
      },
      aborted ? 'request aborted' : 'request completed',
    );
  });
}

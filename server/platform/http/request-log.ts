import { pinoHttp } from 'pino-http';
import type { Logger } from '../../log.js';

// One line per request: method, path and status only; no headers, IPs, user agents or bodies.
// Respondent routes are logged by their template, never with the campaign code or token: a line
// with a code and a time would date that campaign's responses. An accepted submission writes no
// line at all: the k-th "201" line, even without a code, pairs with the k-th stored response in the
// order the database keeps them. Refused submissions (4xx) and failures (5xx) are still logged.
// Every path is cut to MAX_PATH characters, so a huge URL cannot bloat the log.
const MAX_PATH = 200;
const TEMPLATES: [RegExp, string][] = [
  [/^\/api\/v1\/campaigns\/[^/]*/i, '/api/v1/campaigns/:code'],
  [/^\/s\/[^/]*/i, '/s/:code'],
  [/^\/unsubscribe\/[^/]*/i, '/unsubscribe/:token'],
];
const SUBMISSION = '/api/v1/campaigns/:code/responses';

export function loggedPath(url: string): string {
  const path = TEMPLATES.reduce((p, [pattern, template]) => p.replace(pattern, template), url.split('?')[0]!);
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}

type Req = { method?: string; originalUrl?: string; url?: string };

export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: loggedPath(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req: Req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      const accepted = res.statusCode < 400 && req.method === 'POST';
      return accepted && loggedPath(req.originalUrl ?? req.url ?? '').replace(/\/$/, '') === SUBMISSION
        ? 'silent'
        : 'info';
    },
  });
}

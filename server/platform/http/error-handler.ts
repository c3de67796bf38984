import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { ZodError } from 'zod';
import { AppError } from '../../errors.js';
import { isDatabaseUnavailable } from '../db/connection.js';
import type { Logger } from '../../log.js';
import { sendJson } from './send-json.js';

type Body = { error: { code: string; message: string; details?: unknown[] } };

const bodyParserErrors: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'malformed_json', 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'payload_too_large', 'The request body is too large.'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'The request body encoding is not supported.'],
  'charset.unsupported': [415, 'unsupported_charset', 'The request body charset is not supported; use UTF-8.'],
  'request.aborted': [400, 'request_aborted', 'The request was aborted before its body arrived.'],
  'request.size.invalid': [400, 'bad_request', 'The request body length does not match Content-Length.'],
  'encoding.invalid': [400, 'invalid_utf8', 'The request body is not valid UTF-8.'],
};

function toResponse(err: unknown): [number, Body] {
  if (err instanceof AppError) {
    const error: Body['error'] = { code: err.code, message: err.message };
    if (err.details) error.details = err.details;
    return [err.status, { error }];
  }
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ field: i.path.join('.'), problem: i.message }));
    return [400, { error: { code: 'invalid_request', message: 'The request is invalid.', details } }];
  }
  if (err instanceof Error && err.name === 'ValidationError' && 'errors' in err) {
    const details = Object.entries(err.errors as Record<string, { message: string }>).map(([field, e]) => ({
      field,
      problem: e.message,
    }));
    return [400, { error: { code: 'invalid_request', message: 'The request is invalid.', details } }];
  }
  const type = (err as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? bodyParserErrors[type] : undefined;
  if (known) return [known[0], { error: { code: known[1], message: known[2] } }];
  if (isDatabaseUnavailable(err)) {
    return [503, { error: { code: 'unavailable', message: 'The database is unavailable; please try again shortly.' } }];
  }
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return [status, { error: { code: 'bad_request', message: 'The request could not be processed.' } }];
  }
  return [500, { error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged.' } }];
}

// What a failed request is answered, and any header that goes with it; a failure on our side
// (5xx) is logged. For the error handler below and a route served ahead of Express (front-door.ts).
export function errorAnswer(err: unknown, logger: Logger): { status: number; body: Body; headers: [string, string][] } {
  const [status, body] = toResponse(err);
  if (status >= 500) logger.error({ err }, 'request failed');
  return { status, body, headers: status === 503 ? [['Retry-After', '5']] : [] };
}

// Written as the front door writes it (no ETag: nobody revalidates an error).
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const { status, body, headers } = errorAnswer(err, logger);
    for (const [name, value] of headers) res.setHeader(name, value);
    sendJson(res, status, body);
  };
}

export const apiNotFound: RequestHandler = (req, res) => {
  res
    .status(404)
    .json({ error: { code: 'not_found', message: `No API route ${req.method} ${req.originalUrl.split('?')[0]}.` } });
};

// Bodies of state-changing API calls must be JSON; anything else is refused before parsing.
export const requireJsonBody: RequestHandler = (req, res, next) => {
  const hasBody =
    req.headers['content-length'] !== '0' && (req.headers['content-length'] || req.headers['transfer-encoding']);
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
    res.status(415).json({ error: { code: 'unsupported_media_type', message: 'Send the body as application/json.' } });
    return;
  }
  next();
};

// A text body declared in a charset other than UTF-8 (none declared means UTF-8): body-parser would
// decode it, and an upload in another encoding is better refused than stored with its accents garbled.
export function declaresOtherCharset(req: Request): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.get('content-type') ?? '')?.[1];
  return charset !== undefined && !/^utf-?8$/i.test(charset);
}

// express.json would turn invalid bytes into U+FFFD and store them; refuse the body instead.
export function rejectInvalidUtf8(_req: IncomingMessage, _res: unknown, body: Buffer, encoding: string | null): void {
  if (/^utf-?8$/i.test(encoding ?? 'utf-8') && !isUtf8(body)) {
    throw Object.assign(new Error('The request body is not valid UTF-8.'), { status: 400, type: 'encoding.invalid' });
  }
}

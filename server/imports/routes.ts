import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { declaresOtherCharset, rejectInvalidUtf8 } from '../platform/http/error-handler.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { importResponses } from './service.js';

// One council × wave collected elsewhere is a few hundred rows of about 130 bytes (a council's
// whole social care workforce, a couple of thousand); 2 MB is over 15,000 rows. The whole file is
// held and checked in memory before anything is stored.
export const IMPORT_LIMIT_MB = 2;

export type ImportRouteDeps = { requireAdmin: RequestHandler; surveys: SurveyRegistry };

const ImportQuery = z.strictObject({
  campaign: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, "the campaign's public code"),
});

// text/csv in UTF-8 only.
const csvOnly: RequestHandler = (req, _res, next) => {
  if (!req.is('text/csv') || declaresOtherCharset(req)) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the file as the request body with Content-Type: text/csv (UTF-8).',
    );
  }
  next();
};

const tooLarge: ErrorRequestHandler = (err, _req, _res, next) => {
  if ((err as { type?: unknown }).type !== 'entity.too.large') return next(err);
  next(new AppError(413, 'payload_too_large', `The file is larger than the ${IMPORT_LIMIT_MB} MB an import takes.`));
};

// Mount BEFORE the app's JSON body parser: the file is the request body itself. Admins only;
// the guard checks the CSRF token like every other staff change.
export function importRoutes({ requireAdmin, surveys }: ImportRouteDeps) {
  return Router()
    .post(
      '/imports/responses',
      requireAdmin,
      csvOnly,
      express.text({ type: 'text/csv', limit: `${IMPORT_LIMIT_MB}mb`, verify: rejectInvalidUtf8 }),
      async (req, res) => {
        const { campaign } = ImportQuery.parse(req.query);
        const body: unknown = req.body;
        res.status(201).json(await importResponses(typeof body === 'string' ? body : '', campaign, surveys));
      },
    )
    .use(tooLarge);
}

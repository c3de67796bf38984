import type { RequestHandler } from 'express';
import { notFound } from '../../errors.js';

// The build writes source maps beside the bundles for development; in production they are not
// served, so the original client sources are not public.
export function hideSourceMaps(production: boolean): RequestHandler {
  return (req, _res, next) => {
    if (production && req.path.endsWith('.map')) throw notFound();
    next();
  };
}

import express, { type Router } from 'express';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { healthRoutes } from './health/routes.js';
import { securityHeaders } from './http/security.js';
import { apiNotFound, errorHandler, requireJsonBody } from './http/error-handler.js';

export type AppDeps = { config: Config; logger: Logger; features?: { api?: Router[]; pages?: Router[] } };

export function createApp({ config, logger, features = {} }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY ? 1 : false);
  app.set('query parser', 'simple');
  app.use(securityHeaders(config.httpsPublic));
  app.use(pinoHttp({
    logger,
    // method, path and status only: no headers, IPs, user agents or bodies on any route
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
  }));

  app.use(healthRoutes);
  app.use('/api', requireJsonBody, express.json({ limit: `${config.BODY_LIMIT_KB}kb`, strict: true }));
  for (const router of features.api ?? []) app.use('/api/v1', router);
  app.use('/api', apiNotFound);
  for (const router of features.pages ?? []) app.use(router);
  app.use(errorHandler(logger));
  return app;
}

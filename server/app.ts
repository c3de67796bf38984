import { resolve } from 'node:path';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { campaignPages } from './campaigns/pages.js';
import { campaignRoutes } from './campaigns/routes.js';
import { healthRoutes } from './health/routes.js';
import { openapi } from './openapi/spec.js';
import { apiNotFound, errorHandler, requireJsonBody } from './http/error-handler.js';
import { securityHeaders } from './http/security.js';
import type { SurveyRegistry } from './surveys/registry.js';
import type { Tallier } from './summaries/runner.js';
import { reportsOpen, summaryRoutes } from './summaries/routes.js';
import { workforceRoutes } from './workforce/routes.js';

export type AppDeps = { config: Config; logger: Logger; surveys: SurveyRegistry; tallier: Tallier };

const staticDir = resolve(import.meta.dirname, '../dist/client');

export function createApp({ config, logger, surveys, tallier }: AppDeps) {
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
  app.get('/favicon.ico', (_req, res) => { res.status(204).end(); });
  app.use('/static', express.static(staticDir, { maxAge: '1h', index: false }));
  app.use('/api', requireJsonBody, express.json({ limit: `${config.BODY_LIMIT_KB}kb`, strict: true }));
  app.get('/api/v1/openapi.json', (_req, res) => { res.json(openapi); });
  app.use('/api/v1', campaignRoutes(config, surveys, tallier));
  app.use('/api/v1', summaryRoutes(config, { surveys, tallier, minGroupSize: config.MIN_GROUP_SIZE }));
  app.use('/api/v1/pilots/:code/workforce', reportsOpen(config));
  app.use('/api/v1', workforceRoutes());
  app.use('/api', apiNotFound);
  app.use(campaignPages);
  app.use(errorHandler(logger));
  return app;
}

import { join, resolve } from 'node:path';
import express from 'express';
import { currentUser } from './accounts/access.js';
import { createAccounts } from './accounts/routes.js';
import { adminRoutes } from './admin/routes.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { campaignPages } from './responses/pages.js';
import { campaignRoutes, createSubmit, submissionRoutes } from './responses/routes.js';
import { submissionFrontDoor } from './responses/front-door.js';
import { createResponseWriter } from './responses/writer.js';
import { createCampaignCache } from './study/campaigns/cache.js';
import { healthRoutes } from './platform/health.js';
import { campaignManager } from './invitations/guard.js';
import { invitationCheckRoutes, invitationRoutes, invitationUploadRoutes } from './invitations/routes.js';
import { unsubscribePages } from './invitations/unsubscribe.js';
import { dashboardPages } from './reports/dashboard/pages.js';
import { dashboardRoutes } from './reports/dashboard/routes.js';
import { exportRoutes } from './exports/routes.js';
import { importRoutes } from './imports/routes.js';
import { openapi } from './openapi/spec.js';
import { apiNotFound, errorHandler } from './platform/http/error-handler.js';
import { jsonBody } from './platform/http/json-body.js';
import { requestLog } from './platform/http/request-log.js';
import { serveFirst } from './platform/http/front-door.js';
import { securityHeaders } from './platform/http/security.js';
import { immutableAssets } from './platform/http/assets.js';
import { hideSourceMaps } from './platform/http/source-maps.js';
import type { SurveyRegistry } from './surveys/registry.js';
import type { Tallier } from './tally/runner.js';
import { driverRoutes } from './reports/drivers/routes.js';
import { summaryRoutes } from './reports/summaries/routes.js';
import { workforceRoutes } from './workforce/routes.js';

// `now` drives session expiry and sign-in limits; tests pass a clock they can move on.
// `recheckMarkedMs`: how long the response writer trusts what it read about tally marks.
export type AppDeps = {
  config: Config;
  logger: Logger;
  surveys: SurveyRegistry;
  tallier: Tallier;
  now?: () => number;
  recheckMarkedMs?: number;
};

const staticDir = resolve(import.meta.dirname, '../dist/client');

const SESSION_SWEEP_MS = 5 * 60_000;

export function createApp({ config, logger, surveys, tallier, now, recheckMarkedMs }: AppDeps) {
  const accounts = createAccounts(config, now);
  const respondents = {
    surveys,
    writer: createResponseWriter(tallier.handOff, { recheckMarkedMs }),
    cache: createCampaignCache(),
  };
  accounts.sweepEvery(SESSION_SWEEP_MS, (err) =>
    logger.warn({ err: (err as Error).message }, 'deleting expired sessions failed; will retry'),
  );
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY ? 1 : false);
  app.set('query parser', 'simple');
  // submissions, anonymous and the busiest requests, as the survey page sends them: before Express
  const submit = createSubmit(config, respondents);
  serveFirst(app, submissionFrontDoor(config, logger, submit));
  app.use(securityHeaders(config.httpsPublic));
  app.use(requestLog(logger)); // respondent routes by template; accepted submissions not at all
  app.use('/api/v1', submissionRoutes(config, submit)); // submissions the front door leaves

  app.use(healthRoutes);
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.use('/static', hideSourceMaps(config.NODE_ENV === 'production'));
  app.use('/static/r', immutableAssets(join(staticDir, 'r'))); // the respondent page's hashed files
  app.use('/static', express.static(staticDir, { maxAge: '1h', index: false }));
  const invitations = {
    requireCampaignManager: campaignManager(accounts.access),
    minGroupSize: config.MIN_GROUP_SIZE,
    retentionDays: config.INVITATION_RETENTION_DAYS,
  };
  app.use('/api/v1', invitationUploadRoutes(invitations)); // the list arrives as text/csv: before the JSON parser
  app.use('/api/v1', importRoutes({ requireAdmin: accounts.access.roles('admin'), surveys })); // so does an import
  app.use('/api', jsonBody(config.BODY_LIMIT_KB));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  // Respondent API first: anonymous, and nothing under /campaigns goes on to read a session.
  app.use('/api/v1', campaignRoutes(config, respondents));
  app.use('/api/v1', invitationCheckRoutes());
  app.use('/api/v1/campaigns', apiNotFound);
  // Staff API: every route carries its own guard (sign-in, CSRF, role and council).
  app.use('/api/v1', accounts.routes);
  const reports = { surveys, tallier, minGroupSize: config.MIN_GROUP_SIZE, now };
  app.use('/api/v1', summaryRoutes(accounts.access, reports));
  app.use('/api/v1', driverRoutes(accounts.access, { ...reports, driverMinGroupSize: config.DRIVER_MIN_GROUP_SIZE }));
  app.use('/api/v1', workforceRoutes(accounts.access));
  app.use('/api/v1/admin', adminRoutes(accounts.access, config, reports));
  app.use('/api/v1', dashboardRoutes(accounts.access, reports));
  app.use('/api/v1', invitationRoutes(invitations));
  app.use(
    '/api/v1',
    exportRoutes({
      config,
      surveys,
      requireResearcher: accounts.access.roles('admin', 'researcher'),
      requireAdmin: accounts.access.roles('admin'),
      currentUser: (req) => currentUser(req.res!).email,
      flushTally: (selected) => tallier.flushFor(selected),
      now,
    }),
  );
  app.use('/api', apiNotFound);
  app.use(accounts.pages); // sign-in through OpenID Connect providers: redirects and pages
  app.use(campaignPages(respondents.cache, join(staticDir, 'r')));
  app.use(unsubscribePages());
  app.use(dashboardPages);
  app.use(errorHandler(logger));
  return app;
}

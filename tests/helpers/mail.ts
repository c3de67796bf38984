import { after, before } from 'node:test';
import express, { type RequestHandler } from 'express';
import supertest from 'supertest';
import { errorHandler, requireJsonBody } from '../../server/platform/http/error-handler.js';
import { invitationCheckRoutes, invitationRoutes, invitationUploadRoutes } from '../../server/invitations/routes.js';
import { unsubscribePages } from '../../server/invitations/unsubscribe.js';
import { createLogger } from '../../server/log.js';
import { createMailService, type MailServiceDeps } from '../../server/mail-jobs.js';
import type { MailSettings } from '../../server/config.js';
import type { MailWorker } from '../../server/mail/outbox/worker.js';
import { useTestApp } from './app.js';
import { startSmtp, type Smtp } from './smtp.js';

export const BASE_URL = 'https://survey.example.org';
export const MIN_GROUP = 10;
export const RETENTION_DAYS = 30;

// Stand-in for the accounts feature's guard: an "X-Test-Role: hr" header lets the caller in.
export const requireCampaignManager: RequestHandler = (req, res, next) => {
  if (req.get('X-Test-Role') === 'hr') return next();
  res
    .status(403)
    .json({ error: { code: 'forbidden', message: "Only an admin or the council's HR lead can do this." } });
};

export function mailSettings(port: number, overrides: Partial<MailSettings> = {}): MailSettings {
  return {
    NODE_ENV: 'test',
    MAIL_TRANSPORT: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: port,
    SMTP_TLS: 'none',
    MAIL_FROM: 'Staff wellbeing survey <survey@council.example>',
    MAIL_DIR: './data/mail',
    MAIL_RATE_PER_SECOND: 1000,
    MAIL_MAX_ATTEMPTS: 3,
    MAIL_RETRY_BASE_SECONDS: 60,
    INVITATION_RETENTION_DAYS: RETENTION_DAYS,
    ...overrides,
  };
}

// The same mounts server/app.ts gets: the CSV upload before the JSON parser, the rest after.
export function mailApp(now?: () => Date) {
  const deps = { requireCampaignManager, minGroupSize: MIN_GROUP, retentionDays: RETENTION_DAYS, now };
  return express()
    .use('/api/v1', invitationUploadRoutes(deps))
    .use(unsubscribePages())
    .use('/api', requireJsonBody, express.json())
    .use('/api/v1', invitationCheckRoutes())
    .use('/api/v1', invitationRoutes(deps))
    .use(errorHandler(createLogger('silent')));
}

// Real database (cleared before each test), real loopback SMTP server, and workers that
// deliver to it. Workers are stopped after each file.
export function useMailTest(fileUrl: string) {
  const ctx = useTestApp(fileUrl);
  let smtp: Smtp;
  const workers: MailWorker[] = [];
  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await smtp.stop();
  });
  return {
    ...ctx,
    smtp: () => smtp,
    http: (now?: () => Date) => supertest(mailApp(now)),
    worker(options: Partial<MailServiceDeps> & { settings?: Partial<MailSettings> } = {}): MailWorker {
      const { settings, ...rest } = options;
      const w = createMailService({
        settings: mailSettings(smtp.port, settings),
        logger: createLogger('silent'),
        baseUrl: BASE_URL,
        minGroupSize: MIN_GROUP,
        // several workers per test may share a lease slot: the lease is tested on its own
        transport: { socketTimeoutMs: 1000 },
        exclusive: false,
        ...rest,
      });
      if (!w) throw new Error('mail is off');
      workers.push(w);
      return w;
    },
  };
}

export const upload = (agent: supertest.Agent | ReturnType<typeof supertest>, code: string, csv: string, lang = 'en') =>
  agent
    .post(`/api/v1/invitations/${code}/list?lang=${lang}`)
    .set('X-Test-Role', 'hr')
    .set('Content-Type', 'text/csv')
    .send(csv);

export const surveyLink = (text: string) =>
  /https:\/\/survey\.example\.org\/s\/([A-Za-z0-9_-]+)\?t=([A-Za-z0-9_-]{22})/.exec(text);
export const optOutLink = (text: string) =>
  /https:\/\/survey\.example\.org\/unsubscribe\/([A-Za-z0-9_-]{22})/.exec(text);

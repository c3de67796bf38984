import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { declaresOtherCharset, rejectInvalidUtf8 } from '../platform/http/error-handler.js';
import { checkInvitation } from './redeem.js';
import { deleteList } from './retention.js';
import { setReminderDates } from './schedule.js';
import { invitationStatus, resendProblem, uploadList } from './service.js';

// Staff routes live under /invitations/:code (:code is the campaign's), not /campaigns, where
// the respondent API reads no session. The guard is campaignManager(access) from guard.ts.
export type InvitationRouteDeps = {
  requireCampaignManager: RequestHandler;
  minGroupSize: number;
  retentionDays: number;
  now?: () => Date;
};

const code = (req: express.Request) => String(req.params.code);
const UploadQuery = z.object({ lang: z.enum(['en', 'cy', 'both']).default('en') });
const ReminderBody = z.strictObject({ dates: z.array(z.iso.date()).max(10) });
const CheckBody = z.strictObject({ token: z.string().max(100) });

// UTF-8 only: another charset would be decoded into addresses that differ from the ones meant.
const utf8Only: RequestHandler = (req, _res, next) => {
  if (declaresOtherCharset(req)) throw new AppError(415, 'unsupported_media_type', 'Send the list as UTF-8 text/csv.');
  next();
};

// Mount BEFORE the app's JSON body parser: the list is the request body itself, text/csv
// (up to 2 MB, about 50,000 addresses).
export function invitationUploadRoutes(deps: InvitationRouteDeps) {
  const now = deps.now ?? (() => new Date());
  return Router().post(
    '/invitations/:code/list',
    deps.requireCampaignManager,
    utf8Only,
    express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '2mb', verify: rejectInvalidUtf8 }),
    async (req, res) => {
      if (typeof req.body !== 'string')
        throw new AppError(415, 'unsupported_media_type', 'Send the list as text/csv, one address per row.');
      const { lang } = UploadQuery.parse(req.query);
      res.status(201).json(await uploadList(code(req), req.body, lang, now()));
    },
  );
}

export function invitationRoutes(deps: InvitationRouteDeps) {
  const now = deps.now ?? (() => new Date());
  return Router()
    .use('/invitations/:code', deps.requireCampaignManager, (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    })
    .get('/invitations/:code', async (req, res) => {
      res.json(await invitationStatus(code(req), deps.minGroupSize, deps.retentionDays));
    })
    .put('/invitations/:code/reminders', async (req, res) => {
      res.json(await setReminderDates(code(req), ReminderBody.parse(req.body ?? {}).dates, now()));
    })
    .delete('/invitations/:code/list', async (req, res) => {
      await deleteList(code(req));
      res.status(204).end();
    })
    .post('/invitations/:code/problems/:id/resend', async (req, res) => {
      res.status(202).json(await resendProblem(code(req), String(req.params.id), now()));
    });
}

// Respondent API (anonymous, no session): mount beside campaignRoutes. The survey page asks
// whether a personal link still works before anyone spends ten minutes answering.
export function invitationCheckRoutes() {
  return Router().post('/campaigns/:code/invitation-check', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(await checkInvitation(code(req), CheckBody.parse(req.body ?? {}).token));
  });
}

import { Router, type Request, type Response } from 'express';
import type { ServerResponse } from 'node:http';
import type { Config } from '../config.js';
import { jsonBody } from '../platform/http/json-body.js';
import { sendJson } from '../platform/http/send-json.js';
import { createRateLimit } from '../platform/http/rate-limit.js';
import { unloggedWhenAccepted } from '../platform/http/request-log.js';
import { SubmitBody } from './schemas.js';
import { submitResponse, type SubmitDeps } from './service.js';
import { publicCampaign, requireCampaign } from '../study/campaigns/service.js';

// Respondent API: no cookies are set and nothing about the caller is stored or logged.
export function campaignRoutes(config: Config, deps: SubmitDeps) {
  return Router().get('/campaigns/:code', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(await publicCampaign(String(req.params.code), deps.cache, deps.surveys, config.MIN_GROUP_SIZE));
  });
}

// Checks and stores one submission, and answers it; for both ways in (below, and front-door.ts),
// which share its rate limit.
export type Submit = (code: string, body: unknown, res: ServerResponse) => Promise<void>;

export function createSubmit(config: Config, deps: SubmitDeps): Submit {
  const limit = createRateLimit({ windowMs: 60_000, max: config.RESPONSE_RATE_LIMIT_PER_MINUTE });
  return async (code, given, res) => {
    // counted only once the body is well formed and the code names a campaign (see rate-limit.ts)
    const body = SubmitBody.parse(given ?? {});
    await requireCampaign(code, deps.cache);
    limit.take(code, res);
    const { created, ...result } = await submitResponse(code, body, deps);
    sendJson(res, created ? 201 : 200, result);
  };
}

// Submissions, mounted at /api/v1 ahead of every other route (app.ts), for what the front door
// (front-door.ts) leaves: no other route answers them. The body is read by the same reader as
// every API body.
export function submissionRoutes(config: Config, submit: Submit) {
  return Router().post(
    '/campaigns/:code/responses',
    unloggedWhenAccepted,
    jsonBody(config.BODY_LIMIT_KB),
    async (req: Request, res: Response) => submit(String(req.params.code), req.body, res),
  );
}

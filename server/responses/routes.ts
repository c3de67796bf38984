import { Router, type Request, type Response } from 'express';
import type { Config } from '../config.js';
import { jsonBody, sendJson } from '../platform/http/json-body.js';
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

// Submissions, mounted at /api/v1 ahead of every other route (app.ts): the busiest request there
// is, and no other route answers it. Its body is read by the same reader as every API body.
export function submissionRoutes(config: Config, deps: SubmitDeps) {
  const limit = createRateLimit({ windowMs: 60_000, max: config.RESPONSE_RATE_LIMIT_PER_MINUTE });
  const submit = async (req: Request, res: Response) => {
    const code = String(req.params.code);
    // counted only once the body is well formed and the code names a campaign (see rate-limit.ts)
    const body = SubmitBody.parse(req.body ?? {});
    await requireCampaign(code, deps.cache);
    limit.take(code, res);
    const { created, ...result } = await submitResponse(code, body, deps);
    sendJson(res, created ? 201 : 200, result);
  };
  return Router().post('/campaigns/:code/responses', unloggedWhenAccepted, jsonBody(config.BODY_LIMIT_KB), submit);
}

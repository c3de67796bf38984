import { Router } from 'express';
import type { Config } from '../config.js';
import { rateLimit } from '../platform/http/rate-limit.js';
import { SubmitBody } from './schemas.js';
import { submitResponse, type SubmitDeps } from './service.js';
import { publicCampaign } from '../study/campaigns/service.js';

// Respondent API: no cookies are set and nothing about the caller is stored or logged.
export function campaignRoutes(config: Config, deps: SubmitDeps) {
  const limit = rateLimit({
    windowMs: 60_000,
    max: config.RESPONSE_RATE_LIMIT_PER_MINUTE,
    key: (req) => String(req.params.code ?? ''),
  });
  return Router()
    .get('/campaigns/:code', async (req, res) => {
      res.set('Cache-Control', 'no-store');
      res.json(await publicCampaign(String(req.params.code), deps.cache, deps.surveys, config.MIN_GROUP_SIZE));
    })
    .post('/campaigns/:code/responses', limit, async (req, res) => {
      const { created, ...result } = await submitResponse(
        String(req.params.code),
        SubmitBody.parse(req.body ?? {}),
        deps,
      );
      res.status(created ? 201 : 200).json(result);
    });
}

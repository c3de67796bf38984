import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { compareArms } from './comparisons.js';
import { pilotSummary, type SummaryDeps } from './service.js';

const WaveQuery = z.strictObject({ wave: z.string().min(1, 'name a wave, e.g. ?wave=wave-1') });
const CompareQuery = z.strictObject({ wave: z.string().min(1), baseline: z.string().min(1).optional() });

// Until accounts arrive, report routes are open only outside production.
export function reportsOpen(config: Config): RequestHandler {
  return (_req, _res, next) => {
    if (config.NODE_ENV === 'production') throw new AppError(401, 'sign_in_required', 'Reports need a signed-in account.');
    next();
  };
}

export function summaryRoutes(config: Config, deps: SummaryDeps) {
  return Router()
    .use(['/pilots/:code/summary', '/comparisons'], reportsOpen(config))
    .get('/pilots/:code/summary', async (req, res) => {
      const { wave } = WaveQuery.parse(req.query);
      res.json(await pilotSummary(String(req.params.code), wave, deps));
    })
    .get('/comparisons', async (req, res) => {
      const { wave, baseline } = CompareQuery.parse(req.query);
      res.json(await compareArms(wave, baseline, deps));
    });
}

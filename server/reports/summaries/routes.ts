import { Router } from 'express';
import { z } from 'zod';
import type { Access } from '../../accounts/access.js';
import { compareArms } from './comparisons.js';
import { createBodyCache } from './bodies.js';
import { councilSummaryText, type SummaryDeps } from './service.js';

// What summary reads of published figures send, kept: about a hundred councils × waves of ~150 kB.
const BODY_CACHE_BYTES = 16_000_000;
const WaveQuery = z.strictObject({ wave: z.string().min(1, 'name a wave, e.g. ?wave=wave-1') });
const CompareQuery = z.strictObject({ wave: z.string().min(1), baseline: z.string().min(1).optional() });

// A council's summary: admins, researchers and that council's HR leads. The all-council
// comparison: admins and researchers only.
export function summaryRoutes(access: Access, deps: SummaryDeps) {
  const bodies = createBodyCache(BODY_CACHE_BYTES);
  return Router()
    .get('/pilots/:code/summary', access.readCouncil('code'), async (req, res) => {
      const { wave } = WaveQuery.parse(req.query);
      const summary = await councilSummaryText(String(req.params.code), wave, deps);
      res.type('json').send(bodies.get(summary.key, summary.text));
    })
    .get('/comparisons', access.roles('admin', 'researcher'), async (req, res) => {
      const { wave, baseline } = CompareQuery.parse(req.query);
      res.json(await compareArms(wave, baseline, deps));
    });
}

import { Router } from 'express';
import { currentUser, type Access } from '../../accounts/access.js';
import { canEditCouncil, canReadCouncil } from '../../accounts/rules.js';
import { listCampaigns, listCouncils, listWaves } from '../../study/store.js';
import { waveStates } from '../summaries/publications.js';
import type { SummaryDeps } from '../summaries/service.js';
import { councilOverview } from './service.js';

// What staff pages navigate by: the councils this user may read, the waves, and a council's
// dashboard data (admins, researchers and that council's HR leads).
export function dashboardRoutes(access: Access, deps: SummaryDeps) {
  return Router()
    .get('/councils', access.signedIn, async (_req, res) => {
      const user = currentUser(res);
      const councils = (await listCouncils()).filter((p) => canReadCouncil(user, p._id));
      res.json(
        councils.sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ code: p._id, name: p.name, arm: p.arm })),
      );
    })
    .get('/waves', access.signedIn, async (_req, res) => {
      const [waves, campaigns] = await Promise.all([
        listWaves(),
        listCampaigns({}, { waveId: 1, closedManually: 1, closedAt: 1 }),
      ]);
      const now = new Date(deps.now?.() ?? Date.now());
      res.json(
        waves.map((w) => ({
          // every campaign closed (by date or by hand) and its results published: comparable
          published: waveStates(
            w,
            campaigns.filter((c) => c.waveId === w._id),
            now,
          ).every((s) => s === 'published'),
          id: w._id,
          name: w.name,
          opensOn: w.opensOn,
          closesOn: w.closesOn,
          surveyId: w.surveyId,
          surveyVersion: w.surveyVersion,
        })),
      );
    })
    .get('/pilots/:code/overview', access.readCouncil('code'), async (req, res) => {
      const code = String(req.params.code);
      res.json(await councilOverview(code, deps, { withCampaignCodes: canEditCouncil(currentUser(res), code) }));
    });
}

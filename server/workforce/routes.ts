import { Router } from 'express';
import { LocalEntryParams, LocalMeasuresBody, WorkforceParams } from './schemas.js';
import { councilWorkforce, recordLocalFigures } from './service.js';

// Until access control arrives, every local entry is recorded as entered by 'local entry'.
const ENTERED_BY = 'local entry';

export function workforceRoutes() {
  return Router()
    .get('/pilots/:code/workforce', async (req, res) => {
      const { code } = WorkforceParams.parse(req.params);
      res.json(await councilWorkforce(code));
    })
    .put('/pilots/:code/workforce/:year', async (req, res) => {
      const { code, year } = LocalEntryParams.parse(req.params);
      res.json(await recordLocalFigures(code, year, LocalMeasuresBody.parse(req.body ?? {}), ENTERED_BY));
    });
}

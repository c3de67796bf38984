import { Router } from 'express';
import { currentUser, type Access } from '../accounts/access.js';
import { LocalEntryParams, LocalMeasuresBody, WorkforceParams } from './schemas.js';
import { councilWorkforce, recordLocalFigures } from './service.js';

// Reading: admins, researchers and the council's HR leads. Entering local figures: admins and
// the council's HR leads, recorded under the signed-in account's email.
export function workforceRoutes(access: Access) {
  return Router()
    .get('/pilots/:code/workforce', access.readCouncil('code'), async (req, res) => {
      const { code } = WorkforceParams.parse(req.params);
      res.json(await councilWorkforce(code));
    })
    .put('/pilots/:code/workforce/:year', access.editCouncil('code'), async (req, res) => {
      const { code, year } = LocalEntryParams.parse(req.params);
      res.json(await recordLocalFigures(code, year, LocalMeasuresBody.parse(req.body ?? {}), currentUser(res).email));
    });
}

import { Router, type Request } from 'express';
import { currentUser, type Access } from '../accounts/access.js';
import { createUser, deleteUser, listUsers, updateUser } from '../accounts/users.js';
import type { Config } from '../config.js';
import { createWaveCampaign, listCampaigns, updateCampaign } from './campaigns.js';
import { addAdminSurvey, listSurveys } from './surveys.js';
import { createAdminCouncil, listAdminCouncils, updateAdminCouncil } from './councils.js';
import { createAdminWave, listWaves, updateWave, type WaveDeps } from './waves.js';

const param = (req: Request, name: string) => String(req.params[name]);

// Setting up the study: councils, waves, campaigns and accounts. Admins only.
export function adminRoutes(access: Access, config: Config, deps: WaveDeps) {
  // Respondent links use PUBLIC_URL when it is set, else the address the admin is using.
  const baseUrl = (req: Request) => config.PUBLIC_URL?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
  return Router()
    .use(access.roles('admin'), (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    })
    .get('/surveys', async (_req, res) => {
      res.json(await listSurveys(deps.surveys));
    })
    .post('/surveys', async (req, res) => {
      const { status, body } = await addAdminSurvey(req.body, req.query, currentUser(res).email, deps.surveys);
      res.status(status).json(body);
    })
    .get('/pilots', async (_req, res) => {
      res.json(await listAdminCouncils());
    })
    .post('/pilots', async (req, res) => {
      res.status(201).json(await createAdminCouncil(req.body ?? {}));
    })
    .patch('/pilots/:code', async (req, res) => {
      res.json(await updateAdminCouncil(param(req, 'code'), req.body ?? {}));
    })
    .get('/waves', async (_req, res) => {
      res.json(await listWaves());
    })
    .post('/waves', async (req, res) => {
      res.status(201).json(await createAdminWave(req.body ?? {}, deps));
    })
    .patch('/waves/:id', async (req, res) => {
      res.json(await updateWave(param(req, 'id'), req.body ?? {}, deps));
    })
    .get('/waves/:id/campaigns', async (req, res) => {
      res.json(await listCampaigns(param(req, 'id'), { ...deps, baseUrl: baseUrl(req) }));
    })
    .post('/waves/:id/campaigns', async (req, res) => {
      res.status(201).json(await createWaveCampaign(param(req, 'id'), req.body ?? {}, baseUrl(req)));
    })
    .patch('/campaigns/:code', async (req, res) => {
      res.json(await updateCampaign(param(req, 'code'), req.body ?? {}, { ...deps, baseUrl: baseUrl(req) }));
    })
    .get('/users', async (_req, res) => {
      res.json(await listUsers());
    })
    .post('/users', async (req, res) => {
      res.status(201).json(await createUser(req.body ?? {}));
    })
    .patch('/users/:email', async (req, res) => {
      res.json(await updateUser(param(req, 'email'), req.body ?? {}, currentUser(res).email));
    })
    .delete('/users/:email', async (req, res) => {
      await deleteUser(param(req, 'email'), currentUser(res).email);
      res.status(204).end();
    });
}

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import supertest from 'supertest';
import { createAccounts } from '../../../server/accounts/routes.js';
import { errorHandler, requireJsonBody } from '../../../server/platform/http/error-handler.js';
import { campaignManager } from '../../../server/invitations/guard.js';
import { invitationRoutes, invitationUploadRoutes } from '../../../server/invitations/routes.js';
import { createLogger } from '../../../server/log.js';
import { signIn, testConfig, useTestApp } from '../../helpers/app.js';
import { buildCampaign, buildCouncil } from '../../helpers/factories.js';

useTestApp(import.meta.url);

// The real accounts guard, mounted as server/app.ts will mount it.
function appWithAccounts() {
  const accounts = createAccounts(testConfig());
  const deps = { requireCampaignManager: campaignManager(accounts.access), minGroupSize: 10, retentionDays: 30 };
  return express()
    .use('/api/v1', invitationUploadRoutes(deps))
    .use('/api', requireJsonBody, express.json())
    .use('/api/v1', accounts.routes)
    .use('/api/v1', invitationRoutes(deps))
    .use(errorHandler(createLogger('silent')));
}

describe("who may manage a campaign's invitations", () => {
  test('when an admin or an HR lead of the council acts, then it is allowed; an HR lead of another council, a researcher or nobody is refused', async () => {
    const app = appWithAccounts();
    const { code } = await buildCampaign({ pilot: '855' });
    await buildCouncil({ code: '856' });
    const send = (agent: supertest.Agent | ReturnType<typeof supertest>, address: string) =>
      agent.post(`/api/v1/invitations/${code}/list`).set('Content-Type', 'text/csv').send(address);
    const hr = await signIn(app, { role: 'hr_lead', pilots: ['855'] });
    assert.equal((await send(hr, 'a@council.example')).status, 201);
    assert.equal((await hr.get(`/api/v1/invitations/${code}`)).body.listed, 1);
    const admin = await signIn(app, { role: 'admin' });
    assert.equal((await send(admin, 'b@council.example')).status, 201);
    const otherHr = await signIn(app, { role: 'hr_lead', pilots: ['856'] });
    assert.equal((await send(otherHr, 'c@council.example')).status, 403);
    assert.equal((await otherHr.get(`/api/v1/invitations/${code}`)).status, 403);
    const researcher = await signIn(app, { role: 'researcher' });
    assert.equal((await researcher.get(`/api/v1/invitations/${code}`)).status, 403);
    assert.equal((await send(supertest(app), 'd@council.example')).status, 401);
  });

  test('when a signed-in HR lead changes something without the CSRF token, then it is refused', async () => {
    const app = appWithAccounts();
    const { code } = await buildCampaign({ pilot: '855' });
    const hr = await signIn(app, { role: 'hr_lead', pilots: ['855'] });
    hr.set('X-CSRF-Token', 'wrong');
    const res = await hr
      .post(`/api/v1/invitations/${code}/list`)
      .set('Content-Type', 'text/csv')
      .send('a@council.example');
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'csrf_failed');
  });
});

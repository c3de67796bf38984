import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { Session, User } from '../../../server/accounts/model.js';
import { Council } from '../../../server/study/councils/model.js';
import { WorkforceFigures } from '../../../server/workforce/model.js';
import { createStaffUser, signIn, TEST_PASSWORD, useTestApp } from '../../helpers/app.js';
import { buildCouncil } from '../../helpers/factories.js';

const { app } = useTestApp(import.meta.url);

// A signed-in agent that does not send the CSRF token by itself.
async function bareSession(role: 'admin' | 'hr_lead' = 'admin', councils?: string[]) {
  const email = await createStaffUser({ role, pilots: councils });
  const agent = supertest.agent(app);
  const { body } = await agent.post('/api/v1/session').send({ email, password: TEST_PASSWORD }).expect(200);
  return { agent, csrf: body.csrfToken as string };
}

const changes = [
  {
    what: 'recording workforce figures',
    send: (a: supertest.Agent) => a.put('/api/v1/pilots/855/workforce/2026').send({ turnoverRateFte: 10 }),
    unchanged: async () => assert.equal(await WorkforceFigures.countDocuments(), 0),
  },
  {
    what: 'adding a council',
    send: (a: supertest.Agent) => a.post('/api/v1/admin/pilots').send({ code: '857', name: 'Bolton', arm: 'pilot' }),
    unchanged: async () => assert.equal(await Council.countDocuments(), 1),
  },
  {
    what: 'creating an account',
    send: (a: supertest.Agent) => a.post('/api/v1/admin/users').send({ email: 'x@example.org', role: 'researcher' }),
    unchanged: async () => assert.equal(await User.countDocuments(), 1),
  },
  {
    what: 'signing out',
    send: (a: supertest.Agent) => a.delete('/api/v1/session'),
    unchanged: async () => assert.equal(await Session.countDocuments(), 1),
  },
];

describe('CSRF protection on staff routes', () => {
  for (const { what, send, unchanged } of changes) {
    test(`when ${what} comes without the token or with a wrong one, then 403 csrf_failed and nothing changes`, async () => {
      await buildCouncil({ code: '855' });
      const { agent, csrf } = await bareSession();
      for (const token of [undefined, 'wrong', csrf.slice(0, -1), `${csrf}x`]) {
        const req = send(agent);
        const res = await (token === undefined ? req : req.set('X-CSRF-Token', token));
        assert.equal(res.status, 403, `token ${token}`);
        assert.equal(res.body.error.code, 'csrf_failed');
      }
      await unchanged();
      const ok = await send(agent).set('X-CSRF-Token', csrf);
      assert.ok(ok.status < 300, `${ok.status} ${JSON.stringify(ok.body)}`);
    });
  }

  test('when the token of another session is sent, then it is refused', async () => {
    await buildCouncil({ code: '855' });
    const mine = await bareSession();
    const other = await signIn(app, { role: 'researcher' });
    const theirs = (await other.get('/api/v1/session').expect(200)).body.csrfToken;
    const res = await mine.agent
      .post('/api/v1/admin/pilots')
      .set('X-CSRF-Token', theirs)
      .send({ code: '857', name: 'Bolton', arm: 'pilot' })
      .expect(403);
    assert.equal(res.body.error.code, 'csrf_failed');
  });

  test('when a request only reads, then no token is needed', async () => {
    await buildCouncil({ code: '855' });
    const { agent } = await bareSession('hr_lead', ['855']);
    await agent.get('/api/v1/pilots/855/workforce').expect(200);
    await agent.get('/api/v1/session').expect(200);
  });
});

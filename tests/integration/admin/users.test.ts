import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { Session, User } from '../../../server/accounts/model.js';
import { createUser } from '../../../server/accounts/users.js';
import { signIn, staffEmail, useTestApp } from '../../helpers/app.js';
import { buildCouncil } from '../../helpers/factories.js';

const { app, http, staff } = useTestApp(import.meta.url);
const admin = () => staff({ role: 'admin' });
const ADMIN = staffEmail({ role: 'admin' });
const fields = (res: supertest.Response) => res.body.error.details.map((d: { field: string }) => d.field).sort();

describe('POST /api/v1/admin/users', () => {
  test('when an admin creates an HR lead without a password, then one is generated, returned once and works', async () => {
    await buildCouncil({ code: '855' });
    const res = await (
      await admin()
    )
      .post('/api/v1/admin/users')
      .send({ email: 'Lead@Council.example', role: 'hr_lead', pilots: ['855'] })
      .expect(201);
    assert.deepEqual(
      { ...res.body.user, createdAt: undefined },
      { email: 'lead@council.example', role: 'hr_lead', pilots: ['855'], disabled: false, createdAt: undefined },
    );
    assert.match(res.body.password, /^[A-Za-z0-9_-]{24}$/);
    assert.equal(res.headers['cache-control'], 'no-store');
    await http()
      .post('/api/v1/session')
      .send({ email: 'lead@council.example', password: res.body.password })
      .expect(200);
    assert.match((await User.findById('lead@council.example').lean())!.passwordHash, /^\$argon2id\$/);
  });

  test('when accounts are listed, then no password hash is ever returned', async () => {
    await createUser({ email: 'r@example.org', role: 'researcher' });
    const res = await (await admin()).get('/api/v1/admin/users').expect(200);
    assert.deepEqual(
      res.body.map((u: { email: string }) => u.email),
      [ADMIN, 'r@example.org'],
    );
    assert.doesNotMatch(JSON.stringify(res.body), /argon2|passwordHash/);
  });

  const invalid: [string, object, string[]][] = [
    ['an HR lead with no council', { email: 'a@example.org', role: 'hr_lead' }, ['pilots']],
    ['an HR lead with an unknown council', { email: 'a@example.org', role: 'hr_lead', pilots: ['999'] }, ['pilots']],
    ['a researcher limited to councils', { email: 'a@example.org', role: 'researcher', pilots: ['855'] }, ['pilots']],
    [
      'a bad email, role and short password',
      { email: 'not-an-email', role: 'owner', password: 'short' },
      ['email', 'password', 'role'],
    ],
  ];
  for (const [what, body, expected] of invalid) {
    test(`when the request asks for ${what}, then 400 names ${expected.join(', ')} and no account is made`, async () => {
      await buildCouncil({ code: '855' });
      const res = await (await admin()).post('/api/v1/admin/users').send(body).expect(400);
      assert.deepEqual(fields(res), expected);
      assert.equal(await User.countDocuments(), 1); // the signed-in admin
    });
  }

  test('when the email already has an account, then 409', async () => {
    await (
      await admin()
    )
      .post('/api/v1/admin/users')
      .send({ email: ADMIN.toUpperCase(), role: 'researcher' })
      .expect(409);
  });
});

describe('PATCH and DELETE /api/v1/admin/users/:email', () => {
  test('when an HR lead becomes a researcher, then the councils go and the new role applies at once', async () => {
    await buildCouncil({ code: '855' });
    await buildCouncil({ code: '856' });
    const lead = await signIn(app, { role: 'hr_lead', pilots: ['855'] });
    await lead.get('/api/v1/pilots/856/workforce').expect(403);
    const email = staffEmail({ role: 'hr_lead', pilots: ['855'] });
    const res = await (await admin()).patch(`/api/v1/admin/users/${email}`).send({ role: 'researcher' }).expect(200);
    assert.deepEqual([res.body.user.role, res.body.user.pilots], ['researcher', []]);
    await lead.get('/api/v1/pilots/856/workforce').expect(200);
  });

  test('when a change would leave an HR lead without councils, then 400 and nothing changes', async () => {
    await buildCouncil({ code: '855' });
    await createUser({ email: 'r@example.org', role: 'researcher' });
    const res = await (await admin()).patch('/api/v1/admin/users/r@example.org').send({ role: 'hr_lead' }).expect(400);
    assert.deepEqual(fields(res), ['pilots']);
    assert.equal((await User.findById('r@example.org').lean())?.role, 'researcher');
  });

  test('when an account is disabled or its password reset, then its sessions end', async () => {
    const researcher = await signIn(app, { role: 'researcher' });
    const agent = await admin();
    const email = staffEmail({ role: 'researcher' });
    await agent.patch(`/api/v1/admin/users/${email}`).send({ disabled: true }).expect(200);
    await researcher.get('/api/v1/session').expect(401);
    const reset = await agent
      .patch(`/api/v1/admin/users/${email}`)
      .send({ disabled: false, resetPassword: true })
      .expect(200);
    await http().post('/api/v1/session').send({ email, password: reset.body.password }).expect(200);
  });

  test('when an admin deletes an account, then it and its sessions are gone', async () => {
    const researcher = await signIn(app, { role: 'researcher' });
    await (await admin()).delete(`/api/v1/admin/users/${staffEmail({ role: 'researcher' })}`).expect(204);
    await researcher.get('/api/v1/session').expect(401);
    assert.equal(await User.countDocuments(), 1);
    assert.equal(await Session.countDocuments({ email: staffEmail({ role: 'researcher' }) }), 0);
  });

  test('when an admin tries to demote, disable or delete themselves, then 409 and nothing changes', async () => {
    const agent = await admin();
    await agent.patch(`/api/v1/admin/users/${ADMIN}`).send({ role: 'researcher' }).expect(409);
    await agent.patch(`/api/v1/admin/users/${ADMIN}`).send({ disabled: true }).expect(409);
    await agent.delete(`/api/v1/admin/users/${ADMIN}`).expect(409);
    await agent.get('/api/v1/admin/users').expect(200);
    await agent.patch('/api/v1/admin/users/nobody@example.org').send({ role: 'admin' }).expect(404);
  });
});

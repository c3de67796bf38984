import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { createStaffUser, TEST_PASSWORD, testApp, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, buildCouncil } from '../../helpers/factories.js';

const { http, staff } = useTestApp(import.meta.url);
const admin = () => staff({ role: 'admin' });
const submit = (code: string) =>
  http()
    .post(`/api/v1/campaigns/${code}/responses`)
    .send({ submissionId: randomUUID(), answers: buildAnswers() })
    .expect(201);

describe('POST /api/v1/admin/waves/:id/campaigns', () => {
  test('when an admin opens a campaign, then its respondent link uses the address the admin is on', async () => {
    await buildCampaign({ pilot: '855', wave: 'w1' });
    await buildCouncil({ code: '856' });
    const res = await (
      await admin()
    )
      .post('/api/v1/admin/waves/w1/campaigns')
      .set('Host', 'surveys.internal:8080')
      .send({ pilotCode: '856', headcount: 120 })
      .expect(201);
    assert.match(res.body.code, /^[A-Za-z0-9_-]{32}$/);
    assert.equal(res.body.link, `http://surveys.internal:8080/s/${res.body.code}`);
    assert.equal(res.body.status, 'open');
    assert.equal(res.body.headcount, 120);
    await http().get(`/s/${res.body.code}`).expect(200);
  });

  test('when PUBLIC_URL is set, then the link uses it', async () => {
    const other = testApp({ PUBLIC_URL: 'https://surveys.example.org/' });
    await buildCampaign({ pilot: '855', wave: 'w1' });
    await buildCouncil({ code: '856' });
    // the cookie is Secure now, so it is sent by hand over the test's plain HTTP
    const email = await createStaffUser({ role: 'admin' });
    const session = await supertest(other.app)
      .post('/api/v1/session')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    const res = await supertest(other.app)
      .post('/api/v1/admin/waves/w1/campaigns')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', session.body.csrfToken)
      .send({ pilotCode: '856' })
      .expect(201);
    assert.equal(res.body.link, `https://surveys.example.org/s/${res.body.code}`);
    await other.tallier.stop();
  });

  test('when the council is unknown or a field is wrong, then 400 names it and no campaign is made', async () => {
    await buildCampaign({ pilot: '855', wave: 'w1' });
    const agent = await admin();
    const unknown = await agent.post('/api/v1/admin/waves/w1/campaigns').send({ pilotCode: '999' }).expect(400);
    assert.deepEqual(unknown.body.error.details, [{ field: 'pilotCode', problem: 'no council with code 999' }]);
    const wrong = await agent
      .post('/api/v1/admin/waves/w1/campaigns')
      .send({ pilotCode: '856', headcount: 0, allowFreeText: 'yes' })
      .expect(400);
    assert.deepEqual(wrong.body.error.details.map((d: { field: string }) => d.field).sort(), [
      'allowFreeText',
      'headcount',
    ]);
    await agent.post('/api/v1/admin/waves/w1/campaigns').send({ pilotCode: '855' }).expect(409);
    await agent.post('/api/v1/admin/waves/nope/campaigns').send({ pilotCode: '855' }).expect(404);
    assert.equal(await Campaign.countDocuments(), 1);
  });
});

describe('GET /api/v1/admin/waves/:id/campaigns', () => {
  test('when councils have responses, then each campaign shows its status and the count its dashboard shows', async () => {
    const a = await buildCampaign({ pilot: '855', wave: 'w1', headcount: 50 });
    const b = await buildCampaign({ pilot: '856', wave: 'w1', closedManually: true });
    await submit(a.code);
    await submit(a.code);
    const list = (await (await admin()).get('/api/v1/admin/waves/w1/campaigns').expect(200)).body;
    assert.deepEqual(
      list.map(
        (c: { pilotCode: string; status: string; responses: number; council: string; headcount: number | null }) => [
          c.pilotCode,
          c.council,
          c.status,
          c.responses,
          c.headcount,
        ],
      ),
      [
        ['855', 'Council 855', 'open', 0, 50], // open: up to yesterday, in steps of the minimum
        ['856', 'Council 856', 'closed', 0, null],
      ],
    );
    assert.ok(list[1].link.endsWith(`/s/${b.code}`));
  });
});

describe('PATCH /api/v1/admin/campaigns/:code', () => {
  test('when an admin sets the headcount, allows free text and closes it, then respondents find it closed', async () => {
    const { code } = await buildCampaign();
    const agent = await admin();
    const res = await agent
      .patch(`/api/v1/admin/campaigns/${code}`)
      .send({ headcount: 80, allowFreeText: true, closed: true })
      .expect(200);
    assert.deepEqual(
      [res.body.headcount, res.body.allowFreeText, res.body.closedManually, res.body.status],
      [80, true, true, 'closed'],
    );
    await http().get(`/api/v1/campaigns/${code}`).expect(410);
    assert.ok((await Campaign.findById(code).lean())?.closedAt instanceof Date, 'the close instant is recorded');
  });

  // Issue 13, item 2: reopen, one more response, close again, subtract the two summaries.
  test('when an admin tries to reopen or change a closed campaign, then 409 says closing is final and nothing changes', async () => {
    const { code } = await buildCampaign({ headcount: 30 });
    const agent = await admin();
    await agent.patch(`/api/v1/admin/campaigns/${code}`).send({ closed: true }).expect(200);
    for (const change of [{ closed: false }, { headcount: 31 }, { allowFreeText: true }]) {
      const res = await agent.patch(`/api/v1/admin/campaigns/${code}`).send(change).expect(409);
      assert.match(res.body.error.message, /closing is final/);
    }
    await agent.patch(`/api/v1/admin/campaigns/${code}`).send({ closed: true }).expect(200);
    const stored = await Campaign.findById(code).lean();
    assert.deepEqual([stored?.closedManually, stored?.headcount, stored?.allowFreeText], [true, 30, false]);
    await http().get(`/api/v1/campaigns/${code}`).expect(410);
  });

  test('when a change is invalid, then 400 names it and nothing changes; an unknown code is 404', async () => {
    const { code } = await buildCampaign({ headcount: 30 });
    const agent: supertest.Agent = await admin();
    const res = await agent.patch(`/api/v1/admin/campaigns/${code}`).send({ headcount: 2.5, closed: true }).expect(400);
    assert.equal(res.body.error.details[0].field, 'headcount');
    const stored = await Campaign.findById(code).lean();
    assert.deepEqual([stored?.headcount, stored?.closedManually], [30, false]);
    await agent
      .patch(`/api/v1/admin/campaigns/${'z'.repeat(32)}`)
      .send({ closed: true })
      .expect(404);
    await agent.patch('/api/v1/admin/campaigns/short').send({ closed: true }).expect(404);
  });
});

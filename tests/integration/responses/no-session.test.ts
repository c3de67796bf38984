import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Session } from '../../../server/accounts/model.js';
import { createStaffUser, TEST_PASSWORD, testClock, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

const clock = testClock();
const { http } = useTestApp(import.meta.url, {}, { now: clock.now });

async function staffCookie(): Promise<string> {
  const email = await createStaffUser({ role: 'admin' });
  const res = await http().post('/api/v1/session').send({ email, password: TEST_PASSWORD }).expect(200);
  return ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
}

describe('respondent routes with a staff cookie', () => {
  test('when a staff session cookie is sent to the survey routes, then no session is read and no cookie is set', async () => {
    const { code } = await buildCampaign();
    const cookie = await staffCookie();
    clock.advance(31 * 60_000); // now idle-expired: reading it would delete it and clear the cookie
    const responses = [
      await http().get(`/api/v1/campaigns/${code}`).set('Cookie', cookie).expect(200),
      await http()
        .post(`/api/v1/campaigns/${code}/responses`)
        .set('Cookie', cookie)
        .send({ submissionId: randomUUID(), answers: buildAnswers() })
        .expect(201),
      await http().get(`/s/${code}`).set('Cookie', cookie).expect(200),
      await http().get('/s/unknown-link').set('Cookie', cookie).expect(404),
      await http().put(`/api/v1/campaigns/${code}`).set('Cookie', cookie).send({}).expect(404),
      await http().get(`/api/v1/campaigns/${code}/anything-else`).set('Cookie', cookie).expect(404),
    ];
    responses.forEach((res, i) => assert.equal(res.headers['set-cookie'], undefined, `request ${i + 1}`));
    assert.equal(await Session.countDocuments(), 1);
    // a staff route does read it, finds it expired and deletes it
    await http().get('/api/v1/session').set('Cookie', cookie).expect(401);
    assert.equal(await Session.countDocuments(), 0);
  });

  test('when the survey is opened and answered without a cookie, then none is set', async () => {
    const { code } = await buildCampaign();
    for (const res of [
      await http().get(`/s/${code}`).expect(200),
      await http().get(`/api/v1/campaigns/${code}`).expect(200),
      await http()
        .post(`/api/v1/campaigns/${code}/responses`)
        .send({ submissionId: randomUUID(), answers: buildAnswers() })
        .expect(201),
    ])
      assert.equal(res.headers['set-cookie'], undefined);
  });
});

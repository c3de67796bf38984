import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { todayInUk } from '../../../server/platform/dates.js';
import { AppError } from '../../../server/errors.js';
import { InvitationClaim, inviteesOf } from '../../../server/invitations/model.js';
import { redeemInvitation, settleInvitation } from '../../../server/invitations/redeem.js';
import { queueDueReminders } from '../../../server/invitations/schedule.js';
import { buildCampaign, freshPilot } from '../../helpers/factories.js';
import { surveyLink, upload, useMailTest } from '../../helpers/mail.js';

const t = useMailTest(import.meta.url);

async function invitedOne(address = `${randomUUID().slice(0, 8)}@council.example`) {
  const { code } = await buildCampaign({ pilot: freshPilot() });
  await upload(t.http(), code, address).expect(201);
  await t.worker().drain();
  return { code, address, token: surveyLink(t.smtp().to(address)[0]!.text ?? '')![2]! };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err instanceof AppError ? ([err.status, err.code, err.message] as const) : err;
  }
  return null;
};
const check = (code: string, token: string) =>
  t.http().post(`/api/v1/campaigns/${code}/invitation-check`).send({ token });

describe('personal links', () => {
  test('when a link has been used, then it is refused with 409 and a friendly message, and the check says so before anyone starts', async () => {
    const { code, token } = await invitedOne();
    assert.deepEqual((await check(code, token).expect(200)).body, { status: 'unused' });
    await (await redeemInvitation({ _id: code }, token, randomUUID()))!.settle();
    const [status, errCode, message] = (await refusal(redeemInvitation({ _id: code }, token, randomUUID()))) as [
      number,
      string,
      string,
    ];
    assert.equal(status, 409);
    assert.equal(errCode, 'invitation_used');
    assert.match(message, /already been used to answer the survey/);
    const res = await check(code, token);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'invitation_used');
    assert.equal(res.headers['set-cookie'], undefined);
  });

  test("when the person answers through their invitation's link, then the link in their reminder is refused too", async () => {
    const { code, token, address } = await invitedOne();
    const today = todayInUk();
    await t
      .http()
      .put(`/api/v1/invitations/${code}/reminders`)
      .set('X-Test-Role', 'hr')
      .send({ dates: [today] })
      .expect(200);
    const at10 = new Date(`${today}T10:00:00Z`);
    await queueDueReminders(at10);
    await t.worker({ now: () => at10 }).drain();
    const second = surveyLink(t.smtp().to(address)[1]!.text ?? '')![2]!;
    assert.notEqual(second, token);
    await (await redeemInvitation({ _id: code }, token, randomUUID()))!.settle();
    assert.equal(((await refusal(redeemInvitation({ _id: code }, second, randomUUID()))) as unknown[])[0], 409);
  });

  test('when two answers race with the same link, then exactly one gets through', async () => {
    const { code, token } = await invitedOne();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => redeemInvitation({ _id: code }, token, randomUUID())),
    );
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    assert.ok(outcomes.every((o) => o.status === 'fulfilled' || (o.reason as AppError).status === 409));
  });

  test("when the process dies between marking the link and storing the answer, then the browser's retry completes it and leaves nothing that links them", async () => {
    const { code, token } = await invitedOne();
    const submissionId = randomUUID();
    await redeemInvitation({ _id: code }, token, submissionId); // ... and the process dies here
    const retry = await redeemInvitation({ _id: code }, token, submissionId);
    assert.ok(retry, 'the same token and submission id are recognised');
    assert.equal(
      ((await refusal(redeemInvitation({ _id: code }, token, randomUUID()))) as unknown[])[0],
      409,
      'another submission is not',
    );
    await retry.settle();
    assert.equal(await InvitationClaim.countDocuments(), 0);
    const [person] = await inviteesOf(code).find().toArray();
    assert.deepEqual(Object.keys(person!).sort(), ['_id', 'email', 'lang', 'used']);
    assert.equal(person!.used, true);
    await settleInvitation(code, token, submissionId); // a later retry of the stored response: harmless
  });

  test('when a link belongs to another survey, is malformed or is missing where the survey requires one, then it is refused with 403', async () => {
    const { token } = await invitedOne();
    const other = await buildCampaign({ pilot: '999' });
    assert.deepEqual(
      ((await refusal(redeemInvitation({ _id: other.code }, token, randomUUID()))) as unknown[]).slice(0, 2),
      [403, 'invitation_unknown'],
    );
    assert.deepEqual(
      ((await refusal(redeemInvitation({ _id: other.code }, 'short', randomUUID()))) as unknown[]).slice(0, 2),
      [403, 'invitation_unknown'],
    );
    assert.deepEqual(
      (
        (await refusal(
          redeemInvitation({ _id: other.code, requireInvitation: true }, undefined, randomUUID()),
        )) as unknown[]
      ).slice(0, 2),
      [403, 'invitation_required'],
    );
    assert.equal(await redeemInvitation({ _id: other.code, requireInvitation: false }, undefined, randomUUID()), null);
    assert.equal((await check(other.code, token)).status, 403);
  });
});

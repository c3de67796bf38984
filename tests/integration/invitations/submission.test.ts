import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { inviteesOf } from '../../../server/invitations/model.js';
import { hashToken } from '../../../server/invitations/tokens.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { buildAnswers, buildCampaign, freshPilot } from '../../helpers/factories.js';
import { surveyLink, upload, useMailTest } from '../../helpers/mail.js';

const t = useMailTest(import.meta.url);
const submit = (code: string, body: Record<string, unknown>) =>
  supertest(t.app).post(`/api/v1/campaigns/${code}/responses`).send(body);

async function invited(requireInvitation = false) {
  const { code } = await buildCampaign({ pilot: freshPilot() });
  await Campaign.updateOne({ _id: code }, { $set: { requireInvitation } });
  const address = `${randomUUID().slice(0, 8)}@council.example`;
  await upload(t.http(), code, address).expect(201);
  await t.worker().drain();
  return { code, token: surveyLink(t.smtp().to(address)[0]!.text ?? '')![2]! };
}

// Runs once the submission-path change is in (Campaign.requireInvitation, token in SubmitBody,
// redeemInvitation/settleInvitation in submitResponse): until then it is skipped.
const integrated = Boolean(Campaign.schema.path('requireInvitation'));

describe(
  'POST /api/v1/campaigns/:code/responses with a personal link',
  { skip: !integrated && 'waiting for the submission-path change' },
  () => {
    test('when an invited person answers, then the response is stored with nothing of the link, and the link is used up', async () => {
      const { code, token } = await invited();
      const submissionId = randomUUID();
      await submit(code, { submissionId, answers: buildAnswers(), token }).expect(201);
      const [stored] = await SurveyResponse.find().lean();
      assert.deepEqual(Object.keys(stored!).sort(), [
        '_id',
        'answers',
        'campaign',
        'day',
        'pilotCode',
        'queuedBy', // the tally's queue token (tally/queue.ts), nothing of the link
        'surveyId',
        'surveyVersion',
        'waveId',
      ]);
      assert.doesNotMatch(JSON.stringify(stored), new RegExp(`${token}|${hashToken(token)}`));
      const [person] = await inviteesOf(code).find().toArray();
      assert.equal(person!.used, true);
      assert.equal(
        (await submit(code, { submissionId, answers: buildAnswers(), token })).status,
        200,
        'a retry of the same answer is fine',
      );
      const again = await submit(code, { submissionId: randomUUID(), answers: buildAnswers(), token });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'invitation_used');
      assert.match(again.body.error.message, /already been used/);
      assert.equal(await SurveyResponse.countDocuments(), 1);
    });

    test('when the survey requires invitations, then an answer without a link is refused and the open link keeps working elsewhere', async () => {
      const closed = await invited(true);
      const res = await submit(closed.code, { submissionId: randomUUID(), answers: buildAnswers() });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'invitation_required');
      const open = await invited(false);
      await submit(open.code, { submissionId: randomUUID(), answers: buildAnswers() }).expect(201);
      const campaign = await supertest(t.app).get(`/api/v1/campaigns/${closed.code}`).expect(200);
      assert.equal(campaign.body.campaign.requireInvitation, true);
    });

    test('when the answers are invalid, then the link is not used up', async () => {
      const { code, token } = await invited();
      await submit(code, { submissionId: randomUUID(), answers: buildAnswers({ js_overall: 9 }), token }).expect(422);
      await submit(code, { submissionId: randomUUID(), answers: buildAnswers(), token }).expect(201);
    });

    // The review saw 1 in 50 of ten parallel retries told invitation_used: a retry that found
    // the link used up by its own sibling, which had just stored the response.
    test('when ten retries of one submission arrive at once, then every one is told it was stored', async () => {
      for (let round = 0; round < 20; round++) {
        const { code, token } = await invited();
        const body = { submissionId: randomUUID(), answers: buildAnswers(), token };
        const answers = await Promise.all(Array.from({ length: 10 }, () => submit(code, body)));
        const statuses = answers.map((r) => r.status).sort();
        assert.deepEqual(
          statuses,
          [...Array(9).fill(200), 201],
          `round ${round}: ${JSON.stringify(answers.map((r) => [r.status, r.body]))}`,
        );
        const [person] = await inviteesOf(code).find().toArray();
        assert.equal(person!.used, true);
      }
      assert.equal(await SurveyResponse.countDocuments(), 20);
    });
  },
);

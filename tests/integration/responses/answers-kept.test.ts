import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { SurveyResponse } from '../../../server/responses/model.js';
import { unpackAnswers } from '../../../server/responses/store.js';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { createWave } from '../../../server/study/waves/service.js';
import { createSurveyRegistry } from '../../../server/surveys/registry.js';
import { useTestApp } from '../../helpers/app.js';
import { buildCouncil } from '../../helpers/factories.js';
import {
  buildElements,
  buildSurveyFile,
  removeWrittenSurveys,
  writeSurveyText,
} from '../../helpers/survey-factories.js';

// A survey in which no question is required, so that an empty submission passes validation.
const optional = buildElements().map(({ isRequired: _r, eachRowRequired: _e, ...e }) => e);
const surveys = createSurveyRegistry(dirname(writeSurveyText(JSON.stringify(buildSurveyFile({}, optional)))));
after(removeWrittenSurveys);

const { http } = useTestApp(import.meta.url, {}, { surveys });
const post = (code: string, answers: object) =>
  http().post(`/api/v1/campaigns/${code}/responses`).send({ submissionId: randomUUID(), answers });

async function miniCampaign(allowFreeText: boolean): Promise<string> {
  const pilotCode = await buildCouncil();
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await createWave(
    { id: 'w1', name: 'Wave 1', opensOn: day(-7), closesOn: day(7), surveyId: 'mini', surveyVersion: 1 },
    surveys,
  );
  const code = randomUUID().replace(/-/g, '');
  await Campaign.create({ _id: code, pilotCode, waveId: 'w1', allowFreeText });
  return code;
}

describe('POST /api/v1/campaigns/:code/responses: what is kept', () => {
  test('when the campaign does not collect free text, then written answers are not stored and the answer says so', async () => {
    const code = await miniCampaign(false);
    const res = await post(code, { mood: 2, note: 'Sam, B', why: 'my manager' }).expect(201);
    assert.deepEqual(res.body.notStored, ['note', 'why']);
    assert.match(res.body.message, /does not collect written comments/);
    const [stored] = await SurveyResponse.find().lean();
    assert.deepEqual(unpackAnswers(stored!.answers), { mood: 2 });
    assert.doesNotMatch(JSON.stringify(stored), /Sam|manager/);
  });

  test('when the campaign collects free text, then written answers are stored and nothing is said about them', async () => {
    const code = await miniCampaign(true);
    const res = await post(code, { mood: 2, note: 'Sam' }).expect(201);
    assert.equal(res.body.notStored, undefined);
    const [stored] = await SurveyResponse.find().lean();
    assert.deepEqual(unpackAnswers(stored!.answers), { mood: 2, note: 'Sam' });
  });

  test('when no question is answered, then 422 says so and nothing is stored', async () => {
    const code = await miniCampaign(true);
    for (const answers of [{}, { supports: [], views: {} }]) {
      const res = await post(code, answers);
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'empty_response');
      assert.match(res.body.error.message, /No question was answered/);
    }
    assert.equal(await SurveyResponse.countDocuments(), 0);
  });

  test('when only free text is answered and the campaign does not collect it, then 422 explains and nothing is stored', async () => {
    const code = await miniCampaign(false);
    const res = await post(code, { note: 'Sam' });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'empty_response');
    assert.match(res.body.error.message, /written comments, which this survey does not collect/);
    assert.equal(await SurveyResponse.countDocuments(), 0);
  });
});

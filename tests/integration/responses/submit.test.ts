import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SurveyResponse } from '../../../server/responses/model.js';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

const { http } = useTestApp(import.meta.url);
const post = (code: string, body: unknown) =>
  http()
    .post(`/api/v1/campaigns/${code}/responses`)
    .send(body as object);

describe('POST /api/v1/campaigns/:code/responses', () => {
  test('when a valid response arrives, then it is stored once with the day and nothing about the sender', async () => {
    const { code, pilotCode, waveId, today } = await buildCampaign();
    const submissionId = randomUUID();
    const res = await post(code, { submissionId, answers: buildAnswers() })
      .set('User-Agent', 'probe-agent/1.0')
      .set('X-Forwarded-For', '203.0.113.9');
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, { id: submissionId });
    assert.equal(res.headers['set-cookie'], undefined);
    const stored = await SurveyResponse.find().lean();
    assert.equal(stored.length, 1);
    assert.deepEqual(Object.keys(stored[0]!).sort(), [
      '_id',
      'answers',
      'campaign',
      'day',
      'pilotCode',
      'queuedBy',
      'surveyId',
      'surveyVersion',
      'waveId',
    ]);
    // an HMAC keyed by a queue entry's random id (tally/queue.ts), which is gone once counted
    assert.match(stored[0]!.queuedBy!, /^[\w-]{22}$/);
    assert.equal(stored[0]!.day, today);
    assert.equal(stored[0]!.pilotCode, pilotCode);
    assert.equal(stored[0]!.waveId, waveId);
    const raw = JSON.stringify(stored);
    assert.doesNotMatch(raw, /probe-agent|203\.0\.113\.9|T\d\d:\d\d/);
  });

  test('when the same submissionId is sent again, then the answer is 200 and there is still one response', async () => {
    const { code } = await buildCampaign();
    const body = { submissionId: randomUUID(), answers: buildAnswers() };
    assert.equal((await post(code, body)).status, 201);
    const again = await post(code, body);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { id: body.submissionId });
    assert.equal(await SurveyResponse.countDocuments(), 1);
  });

  test('when the same submissionId is replayed against another campaign, then it is refused with 409', async () => {
    const a = await buildCampaign({ pilot: '855' });
    const b = await buildCampaign({ pilot: '856' });
    const body = { submissionId: randomUUID(), answers: buildAnswers() };
    await post(a.code, body).expect(201);
    const res = await post(b.code, body);
    assert.equal(res.status, 409);
    assert.equal(await SurveyResponse.countDocuments(), 1);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a rating above its range', { js_overall: 6 }, 'js_overall'],
    ['a rating that is not a whole number', { recommend_employer: 7.5 }, 'recommend_employer'],
    ['a value not among the choices', { turnover_team: 'maybe' }, 'turnover_team'],
    ['an unknown question', { favourite_colour: 'blue' }, 'favourite_colour'],
    ['an unknown matrix row', { practice_model: { framework: 4, astrology: 5 } }, 'practice_model.astrology'],
    ['a text over its maximum length', { improve_one_thing: 'x'.repeat(5000) }, 'improve_one_thing'],
    ['a wrong type', { js_overall: '4' }, 'js_overall'],
    ['a $-prefixed key', { $where: '1' }, '$where'],
    ['a missing required answer', { js_overall: undefined }, 'js_overall'],
  ];
  for (const [what, change, question] of invalid) {
    test(`when the answers hold ${what}, then 422 names ${question} and nothing is stored`, async () => {
      const { code } = await buildCampaign();
      const res = await post(code, { submissionId: randomUUID(), answers: buildAnswers(change) });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'invalid_answers');
      assert.ok(
        res.body.error.details.some((d: { question: string }) => d.question === question),
        JSON.stringify(res.body.error.details),
      );
      assert.equal(await SurveyResponse.countDocuments(), 0);
    });
  }

  test('when the answers carry __proto__ or constructor keys, then 422 and nothing is stored', async () => {
    const { code } = await buildCampaign();
    for (const key of ['__proto__', 'constructor']) {
      const body = `{"submissionId":"${randomUUID()}","answers":{"js_overall":4,"${key}":{"polluted":true}}}`;
      const res = await http()
        .post(`/api/v1/campaigns/${code}/responses`)
        .set('Content-Type', 'application/json')
        .send(body);
      assert.equal(res.status, 422, key);
    }
    assert.equal(await SurveyResponse.countDocuments(), 0);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('when the campaign is unknown, closed or not yet open, then 404, 410 and 403 come back', async () => {
    const body = () => ({ submissionId: randomUUID(), answers: buildAnswers() });
    assert.equal((await post('x'.repeat(32), body())).status, 404);
    const closed = await buildCampaign({ pilot: '856', closedManually: true });
    assert.equal((await post(closed.code, body())).status, 410);
    const ended = await buildCampaign({ pilot: '857', wave: 'w-old', opensOn: '2020-01-01', closesOn: '2020-02-01' });
    assert.equal((await post(ended.code, body())).status, 410);
    const later = await buildCampaign({ pilot: '350', wave: 'w-later', opensOn: '2099-01-01', closesOn: '2099-02-01' });
    assert.equal((await post(later.code, body())).status, 403);
    assert.equal(await SurveyResponse.countDocuments(), 0);
  });

  test('when the body is malformed, too large, not JSON or lacks a submissionId, then 400, 413, 415 and 400', async () => {
    const { code } = await buildCampaign();
    const url = `/api/v1/campaigns/${code}/responses`;
    assert.equal((await http().post(url).set('Content-Type', 'application/json').send('{"submissionId":')).status, 400);
    assert.equal(
      (await post(code, { submissionId: randomUUID(), answers: { improve_one_thing: 'x'.repeat(200_000) } })).status,
      413,
    );
    assert.equal((await http().post(url).set('Content-Type', 'text/plain').send('hello')).status, 415);
    const missing = await post(code, { answers: buildAnswers() });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details[0].field, 'submissionId');
    assert.equal(await SurveyResponse.countDocuments(), 0);
  });

  test('when OPTIONS asks about the path, then it names POST, as for every API route', async () => {
    const { code } = await buildCampaign();
    const res = await http().options(`/api/v1/campaigns/${code}/responses`).expect(200);
    assert.equal(res.headers.allow, 'POST');
    assert.equal(await SurveyResponse.countDocuments(), 0);
  });

  test('when a response was stored and the campaign closes before the retry, then the retry is still acknowledged', async () => {
    const { code } = await buildCampaign();
    const body = { submissionId: randomUUID(), answers: buildAnswers() };
    await post(code, body).expect(201);
    const { Campaign } = await import('../../../server/study/campaigns/model.js');
    await Campaign.updateOne({ _id: code }, { $set: { closedManually: true } });
    assert.equal((await post(code, body)).status, 200);
    assert.equal((await post(code, { ...body, submissionId: randomUUID() })).status, 410);
  });
});

describe('GET /api/v1/campaigns/:code', () => {
  test('when the campaign is open, then the definition, locales and status come back without cookies', async () => {
    const { code } = await buildCampaign();
    const res = await http().get(`/api/v1/campaigns/${code}`).expect(200);
    assert.equal(res.body.campaign.status, 'open');
    assert.equal(res.body.survey.id, 'staff-wellbeing');
    assert.deepEqual(res.body.survey.locales, ['en', 'cy']);
    assert.ok(res.body.survey.definition.pages.length > 0);
    assert.equal(res.body.reporting.minGroupSize, 10);
    assert.equal(res.headers['set-cookie'], undefined);
  });

  test('when the campaign is unknown or closed, then 404 and 410', async () => {
    await http()
      .get(`/api/v1/campaigns/${'y'.repeat(32)}`)
      .expect(404);
    const { code } = await buildCampaign({ closedManually: true });
    const res = await http().get(`/api/v1/campaigns/${code}`).expect(410);
    assert.equal(res.body.error.code, 'gone');
  });
});

describe('GET /s/:code', () => {
  test('when the link is open, then the survey page loads its script; when unknown or closed, then a plain page says so', async () => {
    const { code } = await buildCampaign();
    const ok = await http().get(`/s/${code}`).expect(200);
    assert.match(ok.text, /<script type="module" src="\/static\/r\/survey-[A-Z0-9]+\.js">/);
    const unknown = await http().get('/s/nope').expect(404);
    assert.match(unknown.text, /Survey not found/);
    const closed = await buildCampaign({ pilot: '856', closedManually: true });
    const gone = await http().get(`/s/${closed.code}`).expect(410);
    assert.match(gone.text, /This survey has closed/);
    assert.doesNotMatch(gone.text, /Error|at .*\.ts/);
  });
});

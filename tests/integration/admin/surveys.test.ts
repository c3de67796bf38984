import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSurveyRegistry, surveysDir } from '../../../server/surveys/registry.js';
import { SurveyVersion } from '../../../server/surveys/model.js';
import { loadStoredSurveys } from '../../../server/surveys/store.js';
import { useTestApp } from '../../helpers/app.js';
import { buildThirdPartySurvey } from '../../helpers/third-party-survey.js';

const surveys = createSurveyRegistry();
const { staff } = useTestApp(import.meta.url, {}, { surveys });
const admin = () => staff({ role: 'admin' });
const titled = (title: string): Record<string, unknown> => ({ ...buildThirdPartySurvey(), title });

describe('POST /api/v1/admin/surveys', () => {
  test('when an admin sends a plain SurveyJS JSON, then it is stored as version 1 with its hash and installed at once', async () => {
    const agent = await admin();
    const res = await agent
      .post('/api/v1/admin/surveys?suppliedBy=Partner%20University')
      .send(titled('Pulse one'))
      .expect(201);
    assert.equal(res.body.key, 'pulse-one@1');
    assert.equal(res.body.addedBy, 'admin@example.org');
    assert.equal(res.body.definition.items.energyMorning.provenance, 'supplied by Partner University');
    assert.deepEqual(
      res.body.proposals.map((p: { id: string }) => p.id),
      ['energy', 'team_climate', 'recommend', 'overtime_yes', 'team_type'],
    );
    assert.equal(surveys.get('pulse-one', 1).hash, res.body.hash);
    const stored = await SurveyVersion.findById('pulse-one@1').lean();
    assert.equal(stored?.hash, res.body.hash);
    const listed = (await agent.get('/api/v1/admin/surveys').expect(200)).body as { id: string; source: string }[];
    assert.deepEqual(listed.find((s) => s.id === 'pulse-one')?.source, 'added');
    const wave = {
      id: 'pulse-w1',
      name: 'Pulse 1',
      opensOn: '2030-03-01',
      closesOn: '2030-03-31',
      surveyId: 'pulse-one',
      surveyVersion: 1,
    };
    await agent.post('/api/v1/admin/waves').send(wave).expect(201);
  });

  test('when a survey has several problems, then 422 lists every one with its JSON path and nothing is stored', async () => {
    const plain = titled('Pulse broken');
    const elements = (plain.pages as { elements: Record<string, unknown>[] }[])[0]!.elements;
    elements[1] = { ...elements[1], validators: [{ type: 'numeric' }] };
    elements.push({ type: 'file', name: 'upload' }, { type: 'comment', name: 'recommend' });
    const res = await (await admin()).post('/api/v1/admin/surveys').send(plain).expect(422);
    assert.equal(res.body.error.code, 'invalid_survey');
    assert.deepEqual(
      res.body.error.details.map((d: { path: string }) => d.path),
      ['$.pages[0].elements[1].validators', '$.pages[0].elements[6].type', '$.pages[0].elements[7].name'],
    );
    assert.equal(await SurveyVersion.countDocuments(), 0);
  });

  test('when only a check is asked for, then the derived definition comes back and nothing is stored', async () => {
    const res = await (
      await admin()
    )
      .post('/api/v1/admin/surveys?check=true')
      .send(titled('Pulse preview'))
      .expect(200);
    assert.equal(res.body.stored, false);
    assert.equal(res.body.definition.survey.pages[0].elements[5].maxLength, 2000);
    assert.ok(res.body.notes.some((n: string) => /English only/.test(n)));
    assert.equal(await SurveyVersion.countDocuments(), 0);
    assert.equal(surveys.has('pulse-preview', 1), false);
  });

  test('when the same survey is sent again, then the version already there comes back; when it changes, then it is a new version', async () => {
    const agent = await admin();
    const first = (await agent.post('/api/v1/admin/surveys').send(titled('Pulse again')).expect(201)).body;
    const again = (await agent.post('/api/v1/admin/surveys').send(titled('Pulse again')).expect(200)).body;
    assert.deepEqual([again.created, again.key, again.hash], [false, first.key, first.hash]);
    const changed = { ...titled('Pulse again'), description: 'Second edition' };
    const second = (await agent.post('/api/v1/admin/surveys').send(changed).expect(201)).body;
    assert.equal(second.key, 'pulse-again@2');
    assert.equal(surveys.get('pulse-again', 1).hash, first.hash);
  });

  test('when the built-in file is sent, then it is recognised as installed and nothing is stored', async () => {
    const file = JSON.parse(readFileSync(join(surveysDir, 'staff-wellbeing.v1.json'), 'utf8')) as object;
    const res = await (await admin()).post('/api/v1/admin/surveys').send(file).expect(200);
    assert.deepEqual(
      [res.body.key, res.body.created, res.body.addedBy],
      ['staff-wellbeing@1', false, 'built in (surveys/)'],
    );
    assert.equal(await SurveyVersion.countDocuments(), 0);
  });

  test('when the server restarts, then stored versions are installed again with the hashes they were stored with', async () => {
    const added = (await (await admin()).post('/api/v1/admin/surveys').send(titled('Pulse restart')).expect(201)).body;
    const restarted = createSurveyRegistry();
    assert.equal(restarted.has('pulse-restart', 1), false);
    assert.equal(await loadStoredSurveys(restarted), 1);
    assert.equal(restarted.get('pulse-restart', 1).hash, added.hash);
    assert.deepEqual(restarted.get('pulse-restart', 1).locales, ['en']);
    assert.equal(await loadStoredSurveys(restarted), 0);
  });

  test('when a stored version is edited in the database, then the start refuses it', async () => {
    await (await admin()).post('/api/v1/admin/surveys').send(titled('Pulse edited')).expect(201);
    const doc = await SurveyVersion.findById('pulse-edited@1').lean();
    await SurveyVersion.updateOne(
      { _id: 'pulse-edited@1' },
      { $set: { json: doc!.json.replace('Second', 'Third').replace('Pulse edited', 'Pulse edited!') } },
    );
    await assert.rejects(loadStoredSurveys(createSurveyRegistry()), /no longer matches the hash/);
  });
});

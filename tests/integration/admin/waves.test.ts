import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createSurveyRegistry, surveysDir } from '../../../server/surveys/registry.js';
import { Wave } from '../../../server/study/waves/model.js';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

// The real survey plus a copy as version 2, so a wave can be moved between versions.
const dir = mkdtempSync(join(tmpdir(), 'admin-waves-surveys-'));
cpSync(join(surveysDir, 'staff-wellbeing.v1.json'), join(dir, 'staff-wellbeing.v1.json'));
writeFileSync(
  join(dir, 'staff-wellbeing.v2.json'),
  JSON.stringify({ ...JSON.parse(readFileSync(join(surveysDir, 'staff-wellbeing.v1.json'), 'utf8')), version: 2 }),
);
const surveys = createSurveyRegistry(dir);
const { http, staff } = useTestApp(import.meta.url, {}, { surveys });
after(() => rmSync(dir, { recursive: true, force: true }));

const admin = () => staff({ role: 'admin' });
const wave = {
  id: 'wave-4',
  name: 'Wave 4',
  opensOn: '2030-03-01',
  closesOn: '2030-03-31',
  surveyId: 'staff-wellbeing',
  surveyVersion: 1,
};

describe('POST /api/v1/admin/waves', () => {
  test('when an admin creates a wave on an installed survey version, then it is stored with that version pinned', async () => {
    const agent = await admin();
    const res = await agent.post('/api/v1/admin/waves').send(wave).expect(201);
    assert.deepEqual(res.body, wave);
    assert.equal((await Wave.findById('wave-4').lean())?.surveyHash, surveys.get('staff-wellbeing', 1).hash);
    assert.deepEqual((await agent.get('/api/v1/admin/waves').expect(200)).body, [wave]);
    const installed = (await agent.get('/api/v1/admin/surveys').expect(200)).body;
    assert.deepEqual(
      installed.map((s: { version: number }) => s.version),
      [1, 2],
    );
  });

  const invalid: [string, object, string[]][] = [
    ['a survey version not installed', { surveyVersion: 9 }, ['surveyVersion']],
    ['a close before the opening', { closesOn: '2030-02-01' }, ['closesOn']],
    ['an id with capitals and a date that does not exist', { id: 'Wave 4', opensOn: '2030-02-30' }, ['id', 'opensOn']],
  ];
  for (const [what, change, fields] of invalid) {
    test(`when the wave has ${what}, then 400 names ${fields.join(' and ')} and nothing is saved`, async () => {
      const res = await (
        await admin()
      )
        .post('/api/v1/admin/waves')
        .send({ ...wave, ...change })
        .expect(400);
      assert.deepEqual(res.body.error.details.map((d: { field: string }) => d.field).sort(), fields);
      assert.equal(await Wave.countDocuments(), 0);
    });
  }
});

describe('PATCH /api/v1/admin/waves/:id', () => {
  test('when an admin renames a wave or moves its dates, then the change is saved', async () => {
    await buildCampaign({ wave: 'w1' });
    const res = await (
      await admin()
    )
      .patch('/api/v1/admin/waves/w1')
      .send({ name: 'Baseline', closesOn: '2099-12-31' })
      .expect(200);
    assert.equal(res.body.name, 'Baseline');
    assert.equal((await Wave.findById('w1').lean())?.closesOn, '2099-12-31');
  });

  test('when dates would close a wave before it opens, then 400 names the field and nothing changes', async () => {
    await buildCampaign({ wave: 'w1' });
    const before = await Wave.findById('w1').lean();
    const res = await (
      await admin()
    )
      .patch('/api/v1/admin/waves/w1')
      .send({ name: 'Renamed', closesOn: '2000-01-01' })
      .expect(400);
    assert.equal(res.body.error.details[0].field, 'closesOn');
    assert.deepEqual(await Wave.findById('w1').lean(), before);
  });

  test('when the wave has no responses yet, then its survey version may change and the new version is pinned', async () => {
    await buildCampaign({ wave: 'w1' });
    const res = await (await admin()).patch('/api/v1/admin/waves/w1').send({ surveyVersion: 2 }).expect(200);
    assert.equal(res.body.surveyVersion, 2);
    assert.equal((await Wave.findById('w1').lean())?.surveyHash, surveys.get('staff-wellbeing', 2).hash);
  });

  test('when the wave has a response, then its survey version is refused with 409 and stays as it was', async () => {
    const { code } = await buildCampaign({ wave: 'w1' });
    await http()
      .post(`/api/v1/campaigns/${code}/responses`)
      .send({ submissionId: randomUUID(), answers: buildAnswers() })
      .expect(201);
    const res = await (
      await admin()
    )
      .patch('/api/v1/admin/waves/w1')
      .send({ surveyVersion: 2, name: 'Renamed' })
      .expect(409);
    assert.equal(res.body.error.code, 'conflict');
    const stored = await Wave.findById('w1').lean();
    assert.equal(stored?.surveyVersion, 1);
    assert.equal(stored?.name, 'Wave w1');
  });

  // Issue 13, item 2: moving a closed wave's closesOn reopens every campaign in it.
  test('when a wave has closed, then moving its dates is refused with 409 and a wave cannot be closed in the past', async () => {
    await buildCampaign({ wave: 'w1', opensOn: '2020-01-01', closesOn: '2020-01-31' });
    const agent = await admin();
    const res = await agent.patch('/api/v1/admin/waves/w1').send({ closesOn: '2099-12-31' }).expect(409);
    assert.match(res.body.error.message, /published and final/);
    await agent.patch('/api/v1/admin/waves/w1').send({ name: 'Renamed' }).expect(200);
    assert.equal((await Wave.findById('w1').lean())?.closesOn, '2020-01-31');
    await buildCampaign({ wave: 'w2', opensOn: '2020-01-01', closesOn: '2099-12-31' });
    const past = await agent.patch('/api/v1/admin/waves/w2').send({ closesOn: '2021-01-01' }).expect(400);
    assert.equal(past.body.error.details[0].field, 'closesOn');
  });

  test('when the wave does not exist, then 404', async () => {
    await (await admin()).patch('/api/v1/admin/waves/nope').send({ name: 'x' }).expect(404);
  });
});

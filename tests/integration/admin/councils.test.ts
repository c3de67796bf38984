import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Council } from '../../../server/study/councils/model.js';
import { useTestApp } from '../../helpers/app.js';
import { buildCouncil } from '../../helpers/factories.js';

const { staff } = useTestApp(import.meta.url);
const admin = () => staff({ role: 'admin' });
const fields = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field).sort();

describe('POST /api/v1/admin/pilots', () => {
  test('when an admin adds a council, then it is stored and listed', async () => {
    const agent = await admin();
    const body = {
      code: '855',
      name: 'Leicestershire',
      arm: 'pilot',
      region: 'East Midlands',
      practiceModelStart: '2025-04-01',
    };
    const res = await agent.post('/api/v1/admin/pilots').send(body).expect(201);
    assert.deepEqual(res.body, body);
    assert.deepEqual((await agent.get('/api/v1/admin/pilots').expect(200)).body, [body]);
  });

  test('when the fields are wrong, then 400 names each one and nothing is saved', async () => {
    const agent = await admin();
    const res = await agent
      .post('/api/v1/admin/pilots')
      .send({ code: '85', name: '', arm: 'treatment', practiceModelStart: '2025-02-30', extra: 1 })
      .expect(400);
    assert.equal(res.body.error.code, 'invalid_request');
    assert.deepEqual(fields(res), ['', 'arm', 'code', 'name', 'practiceModelStart']);
    assert.equal(await Council.countDocuments(), 0);
  });

  test('when the code is taken, then 409 and the existing council is unchanged', async () => {
    await buildCouncil({ code: '855', name: 'Leicestershire' });
    const agent = await admin();
    await agent.post('/api/v1/admin/pilots').send({ code: '855', name: 'Other', arm: 'comparison' }).expect(409);
    assert.equal((await Council.findById('855').lean())?.name, 'Leicestershire');
  });
});

describe('PATCH /api/v1/admin/pilots/:code', () => {
  test('when an admin changes arm, name, region and start date, then they are saved; null clears a field', async () => {
    await buildCouncil({ code: '855' });
    const agent = await admin();
    const changed = await agent
      .patch('/api/v1/admin/pilots/855')
      .send({ name: 'Leicestershire', arm: 'comparison', region: 'East Midlands', practiceModelStart: '2025-04-01' })
      .expect(200);
    assert.deepEqual(changed.body, {
      code: '855',
      name: 'Leicestershire',
      arm: 'comparison',
      region: 'East Midlands',
      practiceModelStart: '2025-04-01',
    });
    const cleared = await agent.patch('/api/v1/admin/pilots/855').send({ practiceModelStart: null }).expect(200);
    assert.equal(cleared.body.practiceModelStart, null);
    assert.equal((await Council.findById('855').lean())?.practiceModelStart, undefined);
  });

  test('when a change is invalid or empty, then 400 names the field and nothing changes; an unknown council is 404', async () => {
    await buildCouncil({ code: '855', name: 'Leicestershire' });
    const agent = await admin();
    const res = await agent.patch('/api/v1/admin/pilots/855').send({ name: 'New name', arm: 'control' }).expect(400);
    assert.deepEqual(fields(res), ['arm']);
    await agent.patch('/api/v1/admin/pilots/855').send({}).expect(400);
    assert.equal((await Council.findById('855').lean())?.name, 'Leicestershire');
    await agent.patch('/api/v1/admin/pilots/999').send({ name: 'Nowhere' }).expect(404);
  });
});

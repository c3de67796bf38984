import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { buildCampaign } from '../../helpers/factories.js';

const { http, staff } = useTestApp(import.meta.url);

type Detail = { field: string; problem: string };

describe('GET /api/v1/pilots/:code/summary errors', () => {
  test('when the council is unknown, then 404 names it', async () => {
    await buildCampaign({ pilot: '855', wave: 'w1' });
    const res = await (await staff()).get('/api/v1/pilots/999/summary').query({ wave: 'w1' }).expect(404);
    assert.equal(res.body.error.code, 'not_found');
    assert.match(res.body.error.message, /999/);
  });

  test('when the wave is unknown, then 404 names it', async () => {
    await buildCampaign({ pilot: '855', wave: 'w1' });
    const res = await (await staff()).get('/api/v1/pilots/855/summary').query({ wave: 'w-nope' }).expect(404);
    assert.equal(res.body.error.code, 'not_found');
    assert.match(res.body.error.message, /w-nope/);
  });

  test('when ?wave is missing, empty, repeated or joined by an unknown parameter, then 400 names the field', async () => {
    await buildCampaign({ pilot: '855', wave: 'w1' });
    const reader = await staff();
    const named = (d: Detail, name: string) => d.field === name || d.problem.includes(name);
    for (const [query, name] of [
      ['', 'wave'],
      ['?wave=', 'wave'],
      ['?wave=w1&wave=w2', 'wave'],
      ['?wave=w1&council=855', 'council'],
    ]) {
      const res = await reader.get(`/api/v1/pilots/855/summary${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.code, 'invalid_request', query);
      assert.ok(
        (res.body.error.details as Detail[]).some((d) => named(d, name!)),
        `${query}: ${JSON.stringify(res.body.error.details)}`,
      );
    }
    const missing = await reader.get('/api/v1/pilots/855/summary').expect(400);
    assert.deepEqual(
      missing.body.error.details.map((d: Detail) => d.field),
      ['wave'],
    );
  });

  test('when a known council has no responses in a known wave, then 200 says 0 and publishes no statistic', async () => {
    const { pilotCode, waveId } = await buildCampaign({ pilot: '855', wave: 'w1' });
    const body = (await (await staff()).get(`/api/v1/pilots/${pilotCode}/summary`).query({ wave: waveId }).expect(200))
      .body;
    assert.equal(body.responses.n, 0);
    assert.deepEqual(body.responses.progress, []);
    assert.equal(body.scales, undefined);
  });

  test('when nobody is signed in, or an HR lead asks for another council, then 401 and 403 carry no figures', async () => {
    await buildCampaign({ pilot: '855', wave: 'w1' });
    await buildCampaign({ pilot: '856', wave: 'w1' });
    const anonymous = await http().get('/api/v1/pilots/855/summary').query({ wave: 'w1' });
    assert.equal(anonymous.status, 401);
    const hrLead = await staff({ role: 'hr_lead', pilots: ['856'] });
    const other = await hrLead.get('/api/v1/pilots/855/summary').query({ wave: 'w1' });
    assert.equal(other.status, 403);
    for (const res of [anonymous, other]) assert.deepEqual(Object.keys(res.body), ['error']);
    await hrLead.get('/api/v1/pilots/856/summary').query({ wave: 'w1' }).expect(200);
  });
});

describe('GET /api/v1/comparisons errors', () => {
  test('when ?wave is missing, then 400 names the field', async () => {
    const res = await (await staff()).get('/api/v1/comparisons').expect(400);
    assert.ok(
      (res.body.error.details as Detail[]).some((d) => d.field === 'wave'),
      JSON.stringify(res.body),
    );
  });

  test('when the wave or the baseline is unknown, then 404 names it', async () => {
    await buildCampaign({ pilot: '855', wave: 'w1' });
    const reader = await staff();
    const wave = await reader.get('/api/v1/comparisons').query({ wave: 'w-nope' }).expect(404);
    assert.match(wave.body.error.message, /w-nope/);
    const baseline = await reader.get('/api/v1/comparisons').query({ wave: 'w1', baseline: 'w-gone' }).expect(404);
    assert.match(baseline.body.error.message, /w-gone/);
  });

  test('when nobody is signed in, then 401', async () => {
    await buildCampaign({ pilot: '855', wave: 'w1' });
    await http().get('/api/v1/comparisons').query({ wave: 'w1' }).expect(401);
  });
});

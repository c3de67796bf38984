import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCampaign, buildCouncil } from '../../helpers/factories.js';
import { useTestApp } from '../../helpers/app.js';

const { http, staff } = useTestApp(import.meta.url);

describe('Cache-Control on the staff API', () => {
  test('when staff read council data, or are refused it, then every answer says no-store', async () => {
    await buildCampaign({ pilot: '855' });
    await buildCouncil({ code: '856' });
    const hr = await staff({ role: 'hr_lead', pilots: ['855'] });
    const admin = await staff({ role: 'admin' });
    const answers = [
      await hr.get('/api/v1/pilots/855/overview').expect(200),
      await hr.get('/api/v1/pilots/856/overview').expect(403),
      await hr.get('/api/v1/councils').expect(200),
      await admin.get('/api/v1/waves').expect(200),
      await http().get('/api/v1/pilots/855/overview').expect(401),
    ];
    assert.deepEqual(
      answers.map((res) => res.headers['cache-control']),
      answers.map(() => 'no-store'),
    );
  });
});

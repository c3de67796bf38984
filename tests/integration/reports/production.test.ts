import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

const { http } = useTestApp(import.meta.url, { NODE_ENV: 'production' });

describe('report routes in production', () => {
  test('when nobody is signed in, then the summary and comparisons answer 401 and reveal nothing', async () => {
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '855', wave: 'w1' });
    await http()
      .post(`/api/v1/campaigns/${code}/responses`)
      .send({ submissionId: randomUUID(), answers: buildAnswers() })
      .expect(201);
    for (const url of [
      `/api/v1/pilots/${pilotCode}/summary?wave=${waveId}`,
      `/api/v1/comparisons?wave=${waveId}`,
      '/api/v1/pilots/999/summary',
      '/api/v1/comparisons',
    ]) {
      const res = await http().get(url);
      assert.equal(res.status, 401, url);
      assert.deepEqual(Object.keys(res.body), ['error'], url);
      assert.doesNotMatch(JSON.stringify(res.body), /"n"|responses|855/, url);
    }
  });
});

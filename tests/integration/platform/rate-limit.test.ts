import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';
import { useTestApp } from '../../helpers/app.js';

const { http } = useTestApp(import.meta.url, { RESPONSE_RATE_LIMIT_PER_MINUTE: '5' });
const post = (code: string, body: unknown) =>
  http()
    .post(`/api/v1/campaigns/${code}/responses`)
    .send(body as object);
const valid = () => ({ submissionId: randomUUID(), answers: buildAnswers() });

describe('POST /api/v1/campaigns/:code/responses rate limit', () => {
  test('when junk bodies flood a real survey link, then they are refused uncounted and a respondent still gets in', async () => {
    const { code } = await buildCampaign();
    for (let i = 0; i < 20; i++) await post(code, {}).expect(400);
    await post(code, valid()).expect(201);
  });

  test('when many unknown or malformed codes are posted to, then each is refused with 404 and none is counted', async () => {
    const { code } = await buildCampaign();
    for (let i = 0; i < 10; i++) {
      await post(randomUUID().replace(/-/g, ''), valid()).expect(404);
      await post('x'.repeat(2000 + i), valid()).expect(404);
    }
    await post(code, valid()).expect(201);
  });

  test('when one real link gets more valid submissions than the limit, then the extra ones get 429 with Retry-After', async () => {
    const { code } = await buildCampaign();
    for (let i = 0; i < 5; i++) await post(code, valid()).expect(201);
    const refused = await post(code, valid()).expect(429);
    assert.equal(refused.body.error.code, 'rate_limited');
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    const other = await buildCampaign({ pilot: '856' });
    await post(other.code, valid()).expect(201); // another link has its own allowance
  });
});

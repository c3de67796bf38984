import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CAMPAIGN_CACHE_TTL_MS } from '../../../server/study/campaigns/cache.js';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { Wave } from '../../../server/study/waves/model.js';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

const { http } = useTestApp(import.meta.url);
const submit = (code: string) =>
  http().post(`/api/v1/campaigns/${code}/responses`).send({ submissionId: randomUUID(), answers: buildAnswers() });
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The respondent path keeps a campaign and its wave for a second (server/campaigns/cache.ts).
describe('campaigns as respondents see them', () => {
  test('when many requests for a campaign arrive at once, then it is read from the database once', async () => {
    const { code } = await buildCampaign();
    const reads = mock.method(Campaign, 'findById');
    try {
      const replies = await Promise.all(Array.from({ length: 8 }, () => http().get(`/api/v1/campaigns/${code}`)));
      assert.deepEqual(
        replies.map((r) => r.status),
        Array(8).fill(200),
      );
      await submit(code).expect(201);
      assert.equal(reads.mock.callCount(), 1);
    } finally {
      reads.mock.restore();
    }
  });

  test('when the wave ends through the app after the campaign was read, then the next submission is refused at once', async () => {
    const { code, waveId } = await buildCampaign({ wave: 'w-cache' });
    await submit(code).expect(201);
    await Wave.updateOne({ _id: waveId }, { $set: { opensOn: '2020-01-01', closesOn: yesterday() } });
    assert.equal((await submit(code)).status, 410);
  });

  test('when a campaign is reopened through the app, then the next submission is accepted at once', async () => {
    const { code } = await buildCampaign({ closedManually: true });
    assert.equal((await submit(code)).status, 410);
    await Campaign.findOneAndUpdate({ _id: code }, { $set: { closedManually: false } });
    assert.equal((await submit(code)).status, 201);
  });

  test('when a campaign is closed behind the app (another process, the raw driver), then submissions are refused within the cache time', async () => {
    const { code } = await buildCampaign();
    await submit(code).expect(201);
    await Campaign.collection.updateOne({ _id: code as never }, { $set: { closedManually: true } });
    await sleep(CAMPAIGN_CACHE_TTL_MS + 100);
    assert.equal((await submit(code)).status, 410);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { Council } from '../../../server/study/councils/model.js';
import { Publication } from '../../../server/reports/summaries/model.js';
import { councilSummary } from '../../../server/reports/summaries/service.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, closeWaves, storeResponses } from '../../helpers/factories.js';
import { times } from '../../helpers/submit.js';

// Summary reads keep what they send for published figures (reports/summaries/bodies.ts, keyed as
// report-key.ts says): every read must still answer exactly what a report built afresh from the
// database would.
const { config, tallier, staff } = useTestApp(import.meta.url);
const deps = () => ({ surveys: testSurveys(), tallier, minGroupSize: config.MIN_GROUP_SIZE });
const answers = (k: number) =>
  times(k, (i) => buildAnswers({ js_overall: 1 + (i % 5), leave_intent_12m: 1 + (i % 3) }));

async function published(k: number, headcount = 40) {
  const campaign = await buildCampaign({ headcount });
  await storeResponses(campaign, answers(k));
  await closeWaves();
  const reader = await staff();
  const read = async () => (await reader.get('/api/v1/pilots/855/summary').query({ wave: 'w1' }).expect(200)).text;
  return { campaign, read };
}
const afresh = async () => JSON.stringify(await councilSummary('855', 'w1', deps()));

describe('GET /api/v1/pilots/:code/summary, read again', () => {
  test('when published figures are read twice, then both answers are the text of a report built afresh', async () => {
    const { read } = await published(12);
    const first = await read();
    assert.equal(JSON.parse(first).resultsPublished, true);
    assert.equal(first, await afresh());
    assert.equal(await read(), first);
  });

  test('when the headcount and the council name change after publication, then the next read shows both', async () => {
    const { campaign, read } = await published(12);
    assert.equal(JSON.parse(await read()).responses.rate, 12 / 40);
    await Campaign.updateOne({ _id: campaign.code }, { $set: { headcount: 60 } });
    await Council.updateOne({ _id: '855' }, { $set: { name: 'Renamed council' } });
    const after = await read();
    assert.equal(JSON.parse(after).responses.rate, 12 / 60);
    assert.equal(JSON.parse(after).pilot.name, 'Renamed council');
    assert.equal(after, await afresh());
  });

  test('when the stored figures are replaced (a database restored), then reads follow what is stored', async () => {
    const { campaign, read } = await published(12);
    assert.equal(JSON.parse(await read()).responses.n, 12);
    await Publication.deleteOne({ _id: '855|w1' });
    await storeResponses(campaign, answers(3));
    await tallier.flush();
    const republished = await read(); // published again, from the live counters
    assert.equal(JSON.parse(republished).responses.n, 15);
    assert.equal(await read(), republished, 'and then read back from the stored figures');
    assert.equal(republished, await afresh());
  });

  test('when results are not yet published, then the summary is built afresh on each read', async () => {
    const campaign = await buildCampaign({ headcount: 40 });
    await storeResponses(campaign, answers(12));
    const reader = await staff();
    const read = async () => (await reader.get('/api/v1/pilots/855/summary').query({ wave: 'w1' }).expect(200)).text;
    const before = JSON.parse(await read());
    assert.equal(before.resultsPublished, false);
    await storeResponses(campaign, answers(10));
    await tallier.flush();
    const after = JSON.parse(await read());
    assert.notDeepEqual(after.responses, before.responses, 'the stepped count moved on');
    assert.equal(JSON.stringify(after), await afresh());
  });
});

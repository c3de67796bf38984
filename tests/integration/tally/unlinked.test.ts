import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SurveyResponse } from '../../../server/responses/model.js';
import { Migration, Summary, TallyBatch, TallyMark, TallyQueue } from '../../../server/tally/model.js';
import { storedAll, verifySummaries } from '../../../server/tally/recompute.js';
import { createCounting } from '../../../server/tally/tally.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

// Bookkeeping must not say which responses were counted together, or last: that is when they arrived.
const { http, tallier } = useTestApp(import.meta.url);
const surveys = testSurveys();

async function tokens() {
  const marks = await TallyMark.find().lean();
  const summaries = await Summary.find({}, { batch: 1 }).lean();
  const responses = await SurveyResponse.find({}, { queuedBy: 1 }).lean();
  return {
    marks,
    held: [...marks.map((m) => m.by), ...summaries.map((s) => s.batch), ...responses.map((r) => r.queuedBy)],
  };
}

describe('what the tally keeps about its batches', () => {
  test('when responses are stored and counted in several batches, then no two responses or summary documents hold the same token, and no marks are written', async () => {
    const a = await buildCampaign({ pilot: '855' });
    const b = await buildCampaign({ pilot: '856' });
    await submitAll(
      http,
      a.code,
      times(6, () => buildAnswers()),
    );
    await submitAll(
      http,
      b.code,
      times(5, () => buildAnswers()),
    );
    await tallier.flush();
    await submitAll(
      http,
      a.code,
      times(4, () => buildAnswers()),
    );
    await tallier.flush();
    const { marks, held } = await tokens();
    assert.equal(marks.length, 0, 'a response stored with its queue token needs no mark');
    assert.equal(held.length, 15 + (await Summary.countDocuments()));
    assert.ok(
      held.every((t) => typeof t === 'string' && /^[\w-]{22}$/.test(t)),
      JSON.stringify(held),
    );
    assert.equal(new Set(held).size, held.length, 'every token differs: nothing groups the responses by batch');
    assert.equal(await TallyBatch.countDocuments(), 0);
  });

  test('when an earlier version left marks naming their batch and a batch unfinished, then the batch is counted once and the names are removed', async () => {
    const { code, pilotCode, waveId } = await buildCampaign();
    const ids = times(10, () => randomUUID());
    for (const _id of ids) {
      await TallyQueue.create({ _id });
      const fields = { campaign: code, pilotCode, waveId, surveyId: 'staff-wellbeing', surveyVersion: 1 };
      await SurveyResponse.create({ _id, ...fields, day: '2025-03-03', answers: buildAnswers() });
    }
    const batchId = randomUUID();
    await TallyBatch.create({ _id: batchId, ids });
    // that version marked half the batch with its plain id before dying, and had marked others earlier
    await TallyMark.collection.insertMany(ids.slice(0, 5).map((_id) => ({ _id, batch: batchId }) as never));
    await TallyMark.collection.insertOne({ _id: 'counted-long-ago', batch: 'before-marks' } as never);

    assert.equal(await createCounting(surveys).pending(), 10);
    assert.deepEqual(
      [...(await storedAll())].map(([k, c]) => [k, c.n]),
      [['855|w1', 10]],
    );
    assert.deepEqual(await verifySummaries(surveys), { groups: 1, pending: 0, differences: [] });
    assert.equal(await TallyMark.countDocuments({ batch: { $exists: true } }), 0);
    assert.ok(await Migration.exists({ _id: 'tally-marks-unlinked' }));
  });
});

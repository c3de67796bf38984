import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SurveyResponse } from '../../../server/responses/model.js';
import { ExportCount, Migration, TallyQueue } from '../../../server/tally/model.js';
import { rebuildSummaries, verifySummaries } from '../../../server/tally/recompute.js';
import type { Counters } from '../../../server/tally/counters.js';
import { exportCounts } from '../../../server/tally/store.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, tallier } = useTestApp(import.meta.url);
const GROUP = [{ pilotCode: '855', waveId: 'w1' }];

const answers = (role: string, employment?: string) =>
  buildAnswers({
    demo_role: role,
    demo_employment: employment,
    demo_years_in_role: undefined,
    demo_working_pattern: undefined,
  });
const combination = (role: string, employment: string, month: string) =>
  `t|${role}|unanswered|${employment}|unanswered|${month}`;

// A database from before the export counts: counted responses, no "ex" documents, no migration record.
// The combinations only (the documents also count who answered each question: a|…, s|…).
// The export counts as read for an export (JSON text), parsed.
async function parsedCounts(): Promise<Map<string, Counters> | null> {
  const texts = await exportCounts(GROUP);
  return texts && new Map([...texts].map(([group, text]) => [group, JSON.parse(text) as Counters]));
}

async function combinations() {
  const counts = (await parsedCounts())!;
  return Object.fromEntries(
    [...counts].map(([group, c]) => [group, Object.fromEntries(Object.entries(c).filter(([k]) => k.startsWith('t|')))]),
  );
}

async function forgetExportCounts() {
  await ExportCount.deleteMany({});
  await Migration.deleteOne({ _id: 'export-counts' });
}

describe('export counts kept by the tally', () => {
  test('when responses are counted, then one document per council × wave holds the rows per full combination of bands and month', async () => {
    const { code, today } = await buildCampaign();
    await submitAll(http, code, [...times(3, () => answers('team_manager', 'agency')), answers('social_worker')]);
    await tallier.flush();
    const month = today.slice(0, 7);
    assert.deepEqual(await combinations(), {
      '855|w1': {
        [combination('team_manager', 'agency', month)]: 3,
        [combination('social_worker', 'unanswered', month)]: 1,
      },
    });
    assert.equal(await ExportCount.countDocuments(), 1);
    // who answered: 4 answered the role, 3 the employment question
    assert.equal((await parsedCounts())!.get('855|w1')!['a|demo_employment'], 3);
  });

  test('when a database was counted before the export counts existed, then the first tally run rebuilds them, and responses still queued are counted once by their batch', async () => {
    const { code, pilotCode, waveId, today } = await buildCampaign();
    await submitAll(
      http,
      code,
      times(5, () => answers('team_manager', 'agency')),
    );
    await tallier.flush();
    await forgetExportCounts();
    // two responses stored and queued but not yet counted when the new version starts
    for (const _id of [randomUUID(), randomUUID()]) {
      await TallyQueue.create({ _id });
      const fields = { campaign: code, pilotCode, waveId, surveyId: 'staff-wellbeing', surveyVersion: 1 };
      await SurveyResponse.create({ _id, ...fields, day: '2025-03-03', answers: answers('social_worker') });
    }
    assert.equal(await parsedCounts(), null, 'not read until rebuilt');
    assert.notDeepEqual((await verifySummaries(testSurveys())).differences, []);

    await tallier.flush();
    assert.deepEqual(await combinations(), {
      '855|w1': {
        [combination('team_manager', 'agency', today.slice(0, 7))]: 5,
        [combination('social_worker', 'unanswered', '2025-03')]: 2,
      },
    });
    assert.deepEqual(await verifySummaries(testSurveys()), { groups: 1, pending: 0, differences: [] });
  });

  test('when the summaries are rebuilt, then the export counts are rebuilt with them and ready to read', async () => {
    const { code } = await buildCampaign();
    await submitAll(
      http,
      code,
      times(4, () => answers('social_worker', 'permanent')),
    );
    await tallier.flush();
    await forgetExportCounts();
    await rebuildSummaries(testSurveys());
    assert.deepEqual(Object.values((await combinations())['855|w1']!), [4]);
    assert.equal((await parsedCounts())!.get('855|w1')!['a|js_overall'], 4);
    assert.deepEqual((await verifySummaries(testSurveys())).differences, []);
  });

  test('when responses are counted, then the export counts are stored as one JSON string; a document of a version before, with the counts as fields, is read as before and stored as one string by its next batch', async () => {
    const { code, today } = await buildCampaign();
    const month = today.slice(0, 7);
    await submitAll(
      http,
      code,
      times(3, () => answers('team_manager', 'agency')),
    );
    await tallier.flush();
    const stored = await ExportCount.collection.findOne({ _id: '855|w1|ex' as never });
    assert.equal(typeof stored?.p, 'string');
    assert.equal(stored?.c, undefined);
    const packed = JSON.parse(stored!.p as string) as Record<string, number>;
    assert.equal(packed[combination('team_manager', 'agency', month)], 3);

    // as a version before stored them: every counter a field of `c`
    await ExportCount.collection.updateOne({ _id: '855|w1|ex' as never }, { $set: { c: packed }, $unset: { p: '' } });
    assert.equal((await combinations())['855|w1']![combination('team_manager', 'agency', month)], 3);
    await submitAll(http, code, [answers('team_manager', 'agency'), answers('social_worker')]);
    await tallier.flush();
    const after = await ExportCount.collection.findOne({ _id: '855|w1|ex' as never });
    assert.equal(after?.c, undefined, 'the fields are taken into the string');
    assert.deepEqual(await combinations(), {
      '855|w1': {
        [combination('team_manager', 'agency', month)]: 4,
        [combination('social_worker', 'unanswered', month)]: 1,
      },
    });
    assert.equal((JSON.parse(after!.p as string) as Record<string, number>)['a|demo_role'], 5);
    assert.deepEqual(await verifySummaries(testSurveys()), { groups: 1, pending: 0, differences: [] });
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importResponses, ImportFileError } from '../../../server/imports/service.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { unpackAnswers } from '../../../server/responses/store.js';
import { canonicalJson } from '../../../server/surveys/loader.js';
import { queuedIds } from '../../../server/tally/queue.js';
import { answersV1, answersV2, twoVersionSurveys } from '../../helpers/export-fixtures.js';
import { buildExportCampaign, repeat, storeResponses, useExportApp } from '../../helpers/exports.js';

// the groups here are small: free text goes out from 5 respondents so the round trip can carry it
const { http } = useExportApp(import.meta.url, { FREE_TEXT_MIN_GROUP_SIZE: '5' });

const exportCsv = async (query: string) =>
  (await http().get(`/api/v1/exports/responses?format=csv&${query}`).expect(200)).text;
const answersOf = async (campaign: string) =>
  (await SurveyResponse.find({ campaign }).lean()).map((r) => canonicalJson(unpackAnswers(r.answers))).sort();

async function rejected(text: string, code: string): Promise<ImportFileError> {
  const err = await importResponses(text, code, twoVersionSurveys()).then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(err instanceof ImportFileError, String(err));
  return err;
}

describe('importing historical responses', () => {
  test('when a CSV export is imported into an empty campaign, then the answers are identical and each is queued for the summaries', async () => {
    const source = await buildExportCampaign({ pilot: '855', wave: 'w1', version: 2, allowFreeText: true });
    await storeResponses(
      source,
      repeat(6, (i) =>
        answersV2({
          js_overall: 1 + (i % 5),
          support_used: i % 2 ? ['eap', 'peer'] : ['none'],
          demo_role: 'social_worker',
          leave_intent_12m: 4,
          leave_reasons: i === 0 ? '+ "pay", caseload\nand travel' : `'reason ${i}`,
        }),
      ),
    );
    const csv = await exportCsv('wave=w1');
    const target = await buildExportCampaign({ pilot: '855', wave: 'w9', version: 2 });
    const { inserted } = await importResponses(csv, target.code, twoVersionSurveys());
    assert.equal(inserted, 6);
    assert.deepEqual(await answersOf(target.code), await answersOf(source.code));
    const stored = await SurveyResponse.find({ campaign: target.code }).lean();
    assert.deepEqual([...new Set(stored.map((r) => r.day))], ['2025-02-01']);
    const queued = new Set(await queuedIds());
    assert.ok(stored.every((r) => queued.has(r._id)));
  });

  test("when a row's month is outside the wave's dates, then the import names the line and stores nothing", async () => {
    const target = await buildExportCampaign({ pilot: '855', wave: 'w9' });
    const err = await rejected(
      'council,submission_month,js_overall\r\n855,2025-02,4\r\n855,2025-07,4\r\n',
      target.code,
    );
    assert.deepEqual(
      err.problems.filter((p) => /submission_month/.test(p.problem)),
      [{ line: 3, problem: "submission_month 2025-07 is outside the wave's dates (2025-01-01 to 2025-03-31)" }],
    );
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 0);
  });

  test('when some rows are invalid, then every problem is reported with its line number and nothing is stored', async () => {
    const source = await buildExportCampaign({ pilot: '855', wave: 'w1' });
    await storeResponses(
      source,
      repeat(5, () => answersV1({ demo_role: 'social_worker' })),
    );
    const lines = (await exportCsv('wave=w1')).split('\r\n');
    const header = lines[0]!.split(',');
    const set = (line: string, column: string, value: string) =>
      line
        .split(',')
        .map((f, i) => (header[i] === column ? value : f))
        .join(',');
    lines[2] = set(lines[2]!, 'js_overall', '6');
    lines[4] = set(set(lines[4]!, 'leave_looking', ''), 'council', '856');
    const target = await buildExportCampaign({ pilot: '855', wave: 'w9' });
    const err = await rejected(lines.join('\r\n'), target.code);
    assert.deepEqual(err.problems, [
      { line: 3, problem: 'js_overall: 6 is not one of its codes' },
      { line: 5, problem: "council 856 is not the campaign's council 855" },
    ]);
    assert.match(err.message, /2 problems found; nothing was imported:\n {2}line 3: js_overall/);
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 0);
  });

  test('when a required answer is missing or a column is unknown, then the validator problem names the line and variable', async () => {
    const target = await buildExportCampaign({ pilot: '855', wave: 'w9' });
    const missing = await rejected('council,js_overall,leave_looking\r\n855,4,1\r\n', target.code);
    assert.ok(missing.problems.every((p) => p.line === 2));
    assert.ok(
      missing.problems.some((p) => p.problem === 'js_facet_*: required'),
      JSON.stringify(missing.problems),
    );
    const unknown = await rejected('council,favourite\r\n855,blue\r\n', target.code);
    assert.deepEqual(unknown.problems, [
      { line: 1, problem: 'column favourite is not a variable of staff-wellbeing version 1' },
    ]);
  });

  test('when the campaign already has responses, then the import is refused', async () => {
    const campaign = await buildExportCampaign();
    await storeResponses(campaign, [answersV1()]);
    await assert.rejects(
      importResponses('council\r\n855\r\n', campaign.code, twoVersionSurveys()),
      /already has responses/,
    );
  });
});

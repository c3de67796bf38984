import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../../server/workforce/csv.js';
import { answersV1 } from '../../helpers/export-fixtures.js';
import { buildExportCampaign, repeat, someResponses, storeResponses, useExportApp } from '../../helpers/exports.js';

const { http } = useExportApp(import.meta.url);

const rowsOf = (text: string) => {
  const [header, ...rows] = parseCsv(text).map((r) => r.fields);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]])));
};

describe('GET /api/v1/exports/responses?format=csv', () => {
  test('when responses exist, then each is one row of coded values with a fresh id and the month only', async () => {
    const campaign = await buildExportCampaign();
    const stored = await storeResponses(
      campaign,
      someResponses(5, { leave_looking: 'prefer_not_to_say' }),
      '2025-02-17',
    );
    const res = await http().get('/api/v1/exports/responses?format=csv&wave=w1');
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers['content-type']!, /^text\/csv; charset=utf-8/);
    assert.match(
      res.headers['content-disposition']!,
      /attachment; filename="staff-wellbeing-responses-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = rowsOf(res.text);
    assert.equal(rows.length, 5);
    const row = rows[0]!;
    assert.deepEqual(
      [row.council, row.arm, row.wave, row.survey_id, row.survey_version, row.submission_month],
      ['855', 'pilot', 'w1', 'staff-wellbeing', '1', '2025-02'],
    );
    assert.deepEqual(
      [row.js_overall, row.js_facet_workload, row.leave_looking, row.turnover_authority, row.ons_worthwhile],
      ['4', '2', '3', '3', ''],
    );
    assert.equal(row.score_practice_model_endorsement, String((4 + 4 + 3 + (6 - 2)) / 4));
    assert.equal(new Set(rows.map((r) => r.response_id)).size, 5);
    for (const doc of stored) assert.doesNotMatch(res.text, new RegExp(doc._id));
    assert.doesNotMatch(res.text, /2025-02-17/);
  });

  test('when bom=true, then the file starts with a UTF-8 byte-order mark for Excel', async () => {
    await storeResponses(await buildExportCampaign(), someResponses(5));
    const res = await http().get('/api/v1/exports/responses?format=csv&bom=true');
    assert.equal(res.text.charCodeAt(0), 0xfeff);
    assert.ok(res.text.slice(1).startsWith('response_id,council,'));
  });

  test('when labels=true, then answers are written as their English labels', async () => {
    // two roles, both below 5, so every row's role is merged into -9
    await storeResponses(
      await buildExportCampaign(),
      repeat(5, (i) => answersV1({ leave_looking: 'yes', demo_role: i < 3 ? 'social_worker' : 'team_manager' })),
    );
    const [row] = rowsOf((await http().get('/api/v1/exports/responses?format=csv&labels=true')).text);
    assert.deepEqual(
      [row!.leave_looking, row!.js_overall, row!.ons_life_satisfaction, row!.demo_role],
      ['Yes', 'Satisfied', '7', 'Other/suppressed (small group)'],
    );
  });

  test('when there are no responses, then the file has the header row only', async () => {
    await buildExportCampaign();
    const res = await http().get('/api/v1/exports/responses?format=csv');
    assert.equal(res.status, 200);
    assert.equal(parseCsv(res.text).length, 1);
  });
});

describe('GET /api/v1/exports/responses?format=ndjson', () => {
  test('when exported as NDJSON, then each line is one response object with nulls for blanks', async () => {
    await storeResponses(await buildExportCampaign(), someResponses(5));
    const res = await http().get('/api/v1/exports/responses?format=ndjson').buffer(true);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type']!, /^application\/x-ndjson/);
    const lines = res.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 5);
    assert.equal(lines[0]!.js_overall, 4);
    assert.equal(lines[0]!.ons_worthwhile, null);
    assert.equal(lines[0]!.submission_month, '2025-02');
    assert.equal(typeof lines[0]!.score_js_facets, 'number');
  });
});

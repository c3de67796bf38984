import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../../server/workforce/csv.js';
import { useExportApp } from '../../helpers/exports.js';

const { http } = useExportApp(import.meta.url);

describe('GET /api/v1/exports/codebook', () => {
  test('when asked for JSON, then every variable comes with its wording, codes, scales and versions', async () => {
    const res = await http().get('/api/v1/exports/codebook?format=json&survey=staff-wellbeing@1,staff-wellbeing@2');
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.survey, res.body.versions], ['staff-wellbeing', [1, 2]]);
    const role = res.body.variables.find((v: { variable: string }) => v.variable === 'demo_role');
    assert.equal(role.label_cy, "Pa un sy'n disgrifio eich rôl orau?");
    assert.deepEqual(role.codes.at(-2), {
      code: 8,
      label_en: 'Student social worker',
      label_cy: 'Gweithiwr cymdeithasol myfyriwr',
      missing: false,
    });
    assert.ok(res.body.notes.length > 3);
  });

  test('when the survey marks outcomes and drivers, then the codebook says which variables they are', async () => {
    const res = await http().get('/api/v1/exports/codebook?format=json&survey=staff-wellbeing@1');
    const analysis = new Map(
      (res.body.variables as { variable: string; analysis: string | null }[]).map((v) => [v.variable, v.analysis]),
    );
    assert.equal(analysis.get('score_js_overall'), 'outcome');
    assert.equal(analysis.get('score_js_workload'), 'driver');
    assert.equal(analysis.get('score_js_facets'), null);
    assert.equal(analysis.get('leave_intent_12m'), 'outcome intends_to_leave_12m: 1 when 4 or 5, else 0');
    assert.equal(
      analysis.get('caseload_children'),
      'driver caseload_over_20: 1 when 21_25 or 26_30 or over_30, else 0; none left out',
    );
    assert.match(res.body.notes.join(' '), /glm\(y ~ \., binomial\)/);
  });

  test('when asked for CSV or Markdown, then the matching text comes back', async () => {
    const csv = await http().get('/api/v1/exports/codebook?format=csv&survey=staff-wellbeing@1');
    assert.match(csv.headers['content-type']!, /^text\/csv/);
    assert.equal(parseCsv(csv.text)[0]!.fields[0], 'variable');
    const md = await http().get('/api/v1/exports/codebook?format=md&survey=staff-wellbeing@1').buffer(true);
    assert.match(md.headers['content-type']!, /^text\/markdown/);
    assert.match(md.text, /\| `js_facet_workload` \|/);
  });

  test('when the survey is unknown or malformed, then 400 names the survey field', async () => {
    for (const query of [
      'survey=staff-wellbeing@9',
      'survey=staff-wellbeing',
      'format=pdf&survey=staff-wellbeing@1',
      '',
    ]) {
      const res = await http().get(`/api/v1/exports/codebook?${query}`);
      assert.equal(res.status, 400, query);
      // a list item is named by position, e.g. survey.0
      assert.ok(
        res.body.error.details.some((d: { field: string }) => ['survey', 'format'].includes(d.field.split('.')[0]!)),
        query,
      );
    }
  });
});

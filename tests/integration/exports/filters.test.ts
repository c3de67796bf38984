import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../../server/workforce/csv.js';
import { answersV2 } from '../../helpers/export-fixtures.js';
import { buildExportCampaign, repeat, someResponses, storeResponses, useExportApp } from '../../helpers/exports.js';

const { http } = useExportApp(import.meta.url);

async function exported(query: string) {
  const res = await http().get(`/api/v1/exports/responses?format=csv&${query}`);
  assert.equal(res.status, 200, res.text);
  const [header, ...rows] = parseCsv(res.text).map((r) => r.fields);
  return { header: header!, rows: rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!]))) };
}

async function threeCouncilsTwoWaves() {
  const a1 = await buildExportCampaign({ pilot: '855', arm: 'pilot', wave: 'w1' });
  const b1 = await buildExportCampaign({ pilot: '856', arm: 'comparison', wave: 'w1' });
  const c1 = await buildExportCampaign({ pilot: '857', arm: 'pilot', wave: 'w1' });
  const a2 = await buildExportCampaign({ pilot: '855', arm: 'pilot', wave: 'w2', version: 2 });
  await storeResponses(a1, someResponses(5));
  await storeResponses(b1, someResponses(6));
  await storeResponses(c1, someResponses(7));
  await storeResponses(
    a2,
    repeat(5, () => answersV2({ support_used: ['eap'], recommend_authority: 9 })),
  );
}

const count = (rows: Record<string, string>[], key: string) =>
  Object.fromEntries(
    [...new Set(rows.map((r) => r[key]!))].sort().map((v) => [v, rows.filter((r) => r[key] === v).length]),
  );

describe('GET /api/v1/exports/responses filters', () => {
  test('when filtered by wave, council or arm, then only those responses are exported', async () => {
    await threeCouncilsTwoWaves();
    assert.deepEqual(count((await exported('wave=w1')).rows, 'council'), { 855: 5, 856: 6, 857: 7 });
    assert.deepEqual(count((await exported('wave=w1&pilot=855,857')).rows, 'council'), { 855: 5, 857: 7 });
    assert.deepEqual(count((await exported('pilot=855&pilot=856&wave=w1')).rows, 'council'), { 855: 5, 856: 6 });
    assert.deepEqual(count((await exported('arm=comparison')).rows, 'council'), { 856: 6 });
    assert.deepEqual(count((await exported('arm=pilot&wave=w1')).rows, 'arm'), { pilot: 12 });
  });

  test('when waves of two survey versions are exported together, then they stack on shared variable names', async () => {
    await threeCouncilsTwoWaves();
    const { header, rows } = await exported('pilot=855');
    assert.deepEqual(count(rows, 'survey_version'), { 1: 5, 2: 5 });
    assert.equal(header.filter((h) => h === 'recommend_employer').length, 1);
    const v2row = rows.find((r) => r.survey_version === '2')!;
    const v1row = rows.find((r) => r.survey_version === '1')!;
    assert.deepEqual([v2row.recommend_employer, v2row.support_used_eap, v2row.support_used_peer], ['9', '1', '0']);
    assert.deepEqual([v1row.recommend_employer, v1row.support_used_eap], ['7', '']);
    assert.deepEqual(count((await exported('version=2')).rows, 'wave'), { w2: 5 });
  });

  const bad: [string, string, RegExp][] = [
    ['format=pdf', 'format', /one of csv, xlsx, sav, ndjson/],
    ['format=csv&wave=W%201', 'wave', /lower-case/],
    ['format=csv&wave=w9', 'wave', /no wave with id w9/],
    ['format=csv&pilot=85', 'pilot', /three digits/],
    ['format=csv&pilot=999', 'pilot', /no council with code 999/],
    ['format=csv&pilot=999&wave=w9', 'wave', /no wave with id w9/], // the waves' problem first
    ['format=csv&arm=control', 'arm', /./],
    ['format=csv&version=3', 'version', /no selected wave uses survey version 3/],
    ['format=csv&pilot=856&arm=pilot', 'arm', /no selected council is in the pilot arm/],
    ['format=sav&labels=true', 'labels', /value labels/],
    ['format=xlsx&bom=true', 'bom', /csv only/],
    ['format=csv&colour=blue', '', /colour/],
  ];
  for (const [query, field, problem] of bad) {
    test(`when the query is ${query}, then 400 names ${field || 'the unknown key'}`, async () => {
      await threeCouncilsTwoWaves();
      const res = await http().get(`/api/v1/exports/responses?${query}`);
      assert.equal(res.status, 400, res.text);
      const details = res.body.error.details as { field: string; problem: string }[];
      assert.ok(
        details.some((d) => d.field === field && problem.test(d.problem)) || problem.test(JSON.stringify(details)),
        JSON.stringify(details),
      );
    });
  }
});

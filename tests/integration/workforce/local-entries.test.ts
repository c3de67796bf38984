import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { buildFile, buildRow } from '../../helpers/workforce-files.js';
import { WorkforceFigures } from '../../../server/workforce/model.js';
import { importIndicators, recordLocalFigures } from '../../../server/workforce/service.js';
import { buildCouncil, SIGNED_IN, workforceHttp } from '../../helpers/workforce.js';

useTestApp(import.meta.url);

const put = (code: string, year: number | string, body: unknown) =>
  workforceHttp()
    .put(`/api/v1/pilots/${code}/workforce/${year}`)
    .send(body as object);

const yearOf = async (code: string, year: number) => {
  const res = await workforceHttp().get(`/api/v1/pilots/${code}/workforce`).expect(200);
  return res.body.years.find((r: { year: number }) => r.year === year);
};

// Sunderland's real 2025 row: turnover 11.8, vacancy 5, agency 'low', caseload 17.1.
const SUNDERLAND_2025 = buildFile(buildRow());

describe('PUT /api/v1/pilots/:code/workforce/:year', () => {
  test('when a signed-in user records a year DfE has not published, then it is stored as a local entry under their email', async () => {
    await buildCouncil();
    const res = await put('394', 2026, { turnoverRateFte: 14.2, caseloadFte: 16.5, inpostFte: 231 }).expect(200);
    assert.deepEqual(res.body.measures, { turnoverRateFte: 14.2, caseloadFte: 16.5, inpostFte: 231 });
    assert.equal(res.body.source.type, 'local entry');
    assert.equal(res.body.source.enteredBy, SIGNED_IN.email);
    const row = await yearOf('394', 2026);
    assert.deepEqual(row.council.turnoverRateFte, { value: 14.2, source: res.body.source });
    assert.equal(row.council.agencyRateFte, null);
  });

  test('when a DfE import then covers the same council-year, then the local entry survives beside the DfE figure', async () => {
    await buildCouncil();
    const local = await put('394', 2025, { turnoverRateFte: 12.5, vacancyRateFte: 5.5 }).expect(200);
    const summary = await importIndicators(SUNDERLAND_2025, { file: 'csww_2025.csv' });
    assert.equal(summary.localKept, 1);
    const row = await yearOf('394', 2025);
    assert.equal(row.council.turnoverRateFte.value, 11.8);
    assert.equal(row.council.turnoverRateFte.source.file, 'csww_2025.csv');
    assert.deepEqual(row.council.turnoverRateFte.localEntry, { value: 12.5, source: local.body.source });
    assert.equal(
      (await WorkforceFigures.findOne({ areaCode: '394', year: 2025 }).lean())?.local?.measures.vacancyRateFte,
      5.5,
    );
  });

  test('when a council records figures for a year DfE already has, then DfE still leads and the entry is shown beside', async () => {
    await importIndicators(SUNDERLAND_2025, { file: 'csww_2025.csv' });
    const entry = await recordLocalFigures('394', 2025, { caseloadFte: 18 }, 'hr.lead@sunderland.example');
    assert.equal(entry.source.enteredBy, 'hr.lead@sunderland.example');
    const row = await yearOf('394', 2025);
    assert.equal(row.council.caseloadFte.value, 17.1);
    assert.equal(row.council.caseloadFte.localEntry.value, 18);
    assert.equal(row.council.turnoverRateFte.localEntry, undefined);
  });

  test('when figures are recorded again for the same year, then the new set replaces the old one', async () => {
    await buildCouncil();
    await put('394', 2026, { turnoverRateFte: 14.2, caseloadFte: 16.5 }).expect(200);
    await put('394', 2026, { vacancyRateFte: 7 }).expect(200);
    const row = await yearOf('394', 2026);
    assert.equal(row.council.turnoverRateFte, null);
    assert.equal(row.council.vacancyRateFte.value, 7);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['a rate above 100', { turnoverRateFte: 120 }, 'turnoverRateFte'],
    ['a negative count', { inpostFte: -1 }, 'inpostFte'],
    ['a figure sent as text', { caseloadFte: '16' }, 'caseloadFte'],
    ['an unknown measure', { turnoverRate: 12 }, ''],
    ['no figures at all', {}, ''],
  ];
  for (const [what, body, field] of invalid) {
    test(`when the body has ${what}, then 400 names the field and nothing is stored`, async () => {
      await buildCouncil();
      const res = await put('394', 2026, body).expect(400);
      assert.equal(res.body.error.code, 'invalid_request');
      assert.ok(
        res.body.error.details.some((d: { field: string }) => d.field === field),
        JSON.stringify(res.body),
      );
      assert.equal(await WorkforceFigures.countDocuments(), 0);
    });
  }

  test('when the year or code is not valid, then 400; when the council is unknown, then 404', async () => {
    await put('394', 'next', { turnoverRateFte: 12 }).expect(400);
    await put('394', 1999, { turnoverRateFte: 12 }).expect(400);
    await put('39', 2026, { turnoverRateFte: 12 }).expect(400);
    await put('999', 2026, { turnoverRateFte: 12 }).expect(404);
    assert.equal(await WorkforceFigures.countDocuments(), 0);
  });
});

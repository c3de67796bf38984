import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import {
  buildCouncil,
  importRealIndicators,
  importRealNeighbours,
  INDICATORS_FILE,
  workforceHttp,
} from '../../helpers/workforce.js';

useTestApp(import.meta.url);

const IMPORTED_AT = '2026-01-15T10:00:00.000Z';
const dfeSource = { type: 'dfe', file: INDICATORS_FILE, importedAt: IMPORTED_AT };

async function seedRealData() {
  await importRealIndicators(new Date(IMPORTED_AT));
  await importRealNeighbours();
}

type YearRow = {
  year: number;
  areaCodes: string[];
  council: Record<string, unknown>;
  neighbourMedian: Record<string, unknown>;
  armMean: Record<string, unknown> | null;
  england: Record<string, unknown>;
};

async function series(code: string) {
  const res = await workforceHttp().get(`/api/v1/pilots/${code}/workforce`).expect(200);
  const year = (y: number): YearRow => {
    const row = (res.body.years as YearRow[]).find((r) => r.year === y);
    assert.ok(row, `no year ${y}`);
    return row;
  };
  return { body: res.body, year };
}

describe('GET /api/v1/pilots/:code/workforce', () => {
  test('when a study council is asked for, then its series sits beside neighbours, its arm and England', async () => {
    await seedRealData();
    await buildCouncil({ _id: '394', name: 'Sunderland', arm: 'pilot' });
    await buildCouncil({ _id: '855', name: 'Leicestershire', arm: 'pilot' });
    const { body, year } = await series('394');
    assert.deepEqual(body.council, { code: '394', name: 'Sunderland', arm: 'pilot', inStudy: true });
    assert.deepEqual(
      body.years.map((r: YearRow) => r.year),
      [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
    );
    assert.equal(body.neighbours.councils.length, 10);
    const y2025 = year(2025);
    assert.deepEqual(y2025.council.turnoverRateFte, { value: 11.8, source: dfeSource });
    assert.deepEqual(y2025.council.agencyRateFte, {
      symbol: 'low',
      meaning: 'rounds to 0 but is not 0',
      source: dfeSource,
    });
    // 807 18.9, 393 9.1, 805 11.5, 372 13.6, 357 18.3, 880 13, 390 16, 840 7.7, 370 8, 354 16.6 -> (13 + 13.6) / 2
    assert.deepEqual(y2025.neighbourMedian.turnoverRateFte, { value: 13.3, contributors: 10 });
    // Sunderland 11.8 and Leicestershire 8.3
    assert.deepEqual(y2025.armMean?.turnoverRateFte, { value: 10.05, contributors: 2 });
    // Sunderland's 'low' agency rate is no number; Leicestershire's 11.6 is all the arm has
    assert.deepEqual(y2025.armMean?.agencyRateFte, { value: 11.6, contributors: 1 });
    assert.deepEqual(y2025.england.turnoverRateFte, { value: 11.8, source: dfeSource });
    assert.deepEqual(year(2024).council.turnoverRateFte, {
      symbol: 'u',
      meaning: 'low reliability; value withheld',
      source: dfeSource,
    });
  });

  test('when neighbours publish symbols, then the median leaves them out and says how many contributed', async () => {
    await seedRealData();
    await buildCouncil({ _id: '202', name: 'Camden', arm: 'comparison' });
    const { year } = await series('202');
    // 206 6.1, 213 x, 205 8.6, 210 12.8, 208 9.7, 207 x, 209 17, 309 9.8, 204 10.5, 302 13.3 -> (9.8 + 10.5) / 2
    assert.deepEqual(year(2025).neighbourMedian.turnoverRateFte, { value: 10.15, contributors: 8 });
    assert.deepEqual(year(2025).armMean?.turnoverRateFte, { value: 19.5, contributors: 1 });
  });

  test('when a council files a joint return, then it gets the joint figures and is not its own neighbour', async () => {
    await seedRealData();
    await buildCouncil({ _id: '940', name: 'North Northamptonshire', arm: 'pilot' });
    await buildCouncil({ _id: '941', name: 'West Northamptonshire', arm: 'pilot' });
    await buildCouncil({ _id: '394', name: 'Sunderland', arm: 'pilot' });
    const { year } = await series('940');
    assert.deepEqual(year(2025).areaCodes, ['940 / 941']);
    assert.deepEqual(year(2025).council.turnoverRateFte, { value: 10.4, source: dfeSource });
    // neighbour 941 is the same joint return; the other nine: 5.7 9.5 9.8 11 11.9 12.6 13.1 14.9 17.5
    assert.deepEqual(year(2025).neighbourMedian.turnoverRateFte, { value: 11.9, contributors: 9 });
    // 940 and 941 share one return, counted once beside Sunderland: (10.4 + 11.8) / 2
    assert.deepEqual(year(2025).armMean?.turnoverRateFte, { value: 11.1, contributors: 2 });
    assert.equal(year(2020).council.turnoverRateFte, null);
  });

  test('when a council is in the DfE data but not in the study, then it is served without an arm', async () => {
    await seedRealData();
    const { body, year } = await series('855');
    assert.deepEqual(body.council, { code: '855', name: 'Leicestershire', arm: null, inStudy: false });
    assert.equal(year(2025).armMean, null);
    assert.deepEqual(year(2021).council.vacancyRateFte, { value: 11, source: dfeSource });
  });

  test('when the code is unknown, then 404; when it is not a council code, then 400', async () => {
    await seedRealData();
    const missing = await workforceHttp().get('/api/v1/pilots/999/workforce').expect(404);
    assert.equal(missing.body.error.code, 'not_found');
    const bad = await workforceHttp().get('/api/v1/pilots/abc/workforce').expect(400);
    assert.equal(bad.body.error.details[0].field, 'code');
  });
});

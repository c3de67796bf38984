import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { readFixture } from '../../helpers/workforce-files.js';
import { WorkforceFigures, workforceId, type WorkforceDoc } from '../../../server/workforce/model.js';
import { importIndicators } from '../../../server/workforce/service.js';
import { WorkforceFileError } from '../../../server/workforce/errors.js';
import { importRealIndicators, INDICATORS_FILE, lineOf, withCell } from '../../helpers/workforce.js';

useTestApp(import.meta.url);

const figures = async (level: string, areaCode: string, year: number) => {
  const doc = await WorkforceFigures.findById(workforceId({ level, areaCode, year })).lean<WorkforceDoc>();
  assert.ok(doc?.dfe, `no DfE figures for ${areaCode} in ${year}`);
  return doc.dfe;
};

// Read from csww_indicators_2017_to_2025.csv: turnover, vacancy, agency, caseload, FTE in post, FTE leavers.
const published: Array<[string, number, number[]]> = [
  ['855', 2025, [8.3, 6.5, 11.6, 13.5, 332.6, 27.7]],
  ['855', 2021, [11.2, 11, 16.4, 14.4, 286.3, 32.1]],
  ['202', 2025, [19.5, 10.6, 9.4, 11.2, 185.2, 36.1]],
  ['202', 2021, [18.5, 13.5, 13.6, 16.1, 185.6, 34.3]],
  ['940 / 941', 2025, [10.4, 25.9, 19.5, 14.8, 421.5, 43.9]],
  ['940 / 941', 2021, [16.2, 39.6, 26, 17.5, 329.9, 53.5]],
];
const KEYS = ['turnoverRateFte', 'vacancyRateFte', 'agencyRateFte', 'caseloadFte', 'inpostFte', 'leaversFte'] as const;

describe('importIndicators', () => {
  test('when the real DfE file is imported, then every row is added with the published figures and its source', async () => {
    const summary = await importRealIndicators(new Date('2026-01-15T10:00:00Z'));
    assert.deepEqual(
      [summary.added, summary.updated.length, summary.unchanged, summary.skipped.length],
      [1463, 0, 0, 0],
    );
    for (const [code, year, values] of published) {
      const dfe = await figures('local_authority', code, year);
      assert.deepEqual(
        KEYS.map((key) => dfe.measures[key]),
        values,
        `${code} ${year}`,
      );
      assert.equal(dfe.file, INDICATORS_FILE);
      assert.equal(dfe.importedAt.toISOString(), '2026-01-15T10:00:00.000Z');
    }
  });

  test('when the real file is imported, then symbols stay symbols and national, regional and joint rows are kept', async () => {
    await importRealIndicators();
    assert.equal((await figures('local_authority', '394', 2025)).measures.agencyRateFte, 'low');
    assert.equal((await figures('local_authority', '394', 2024)).measures.turnoverRateFte, 'u');
    assert.equal((await figures('national', 'E92000001', 2025)).measures.turnoverRateFte, 11.8);
    assert.equal((await figures('regional', 'E13000002', 2025)).measures.vacancyRateFte, 20.5);
    assert.equal(await WorkforceFigures.countDocuments({ level: 'national' }), 9);
    assert.equal(await WorkforceFigures.countDocuments({ level: 'regional' }), 99);
    const joint = await WorkforceFigures.findById(
      workforceId({ level: 'local_authority', areaCode: '940 / 941', year: 2025 }),
    ).lean<WorkforceDoc>();
    assert.deepEqual(joint?.memberCodes, ['940', '941']);
  });

  test('when the same file is imported again, then nothing is added or updated and every row is unchanged', async () => {
    await importRealIndicators(new Date('2026-01-15T10:00:00Z'));
    const again = await importRealIndicators(new Date('2026-02-01T10:00:00Z'));
    assert.deepEqual([again.added, again.updated.length, again.unchanged, again.skipped.length], [0, 0, 1463, 0]);
    const dfe = await figures('local_authority', '855', 2025);
    assert.equal(dfe.importedAt.toISOString(), '2026-01-15T10:00:00.000Z');
  });

  test('when a newer release changes one value, then that row alone is updated and names the change', async () => {
    await importRealIndicators();
    const newer = withCell(2025, '855', 'turnover_rate_fte', '8.4');
    const summary = await importIndicators(newer, { file: 'csww_indicators_2017_to_2026.csv' });
    assert.deepEqual([summary.added, summary.updated.length, summary.unchanged], [0, 1, 1462]);
    assert.deepEqual(summary.updated[0]?.changes, [{ field: 'turnoverRateFte', from: '8.3', to: '8.4' }]);
    const dfe = await figures('local_authority', '855', 2025);
    assert.equal(dfe.measures.turnoverRateFte, 8.4);
    assert.equal(dfe.file, 'csww_indicators_2017_to_2026.csv');
  });

  test('when a file is malformed late on, then the error names line and column and nothing is written', async () => {
    await importRealIndicators();
    const before = await WorkforceFigures.countDocuments();
    // an early change that must not be applied, and a bad cell further down
    const broken = withCell(2021, '202', 'caseload_fte', 'twelve', withCell(2025, '855', 'turnover_rate_fte', '9.9'));
    await assert.rejects(importIndicators(broken, { file: 'broken.csv' }), (err: WorkforceFileError) => {
      assert.equal(err.line, lineOf(2021, '202'));
      assert.equal(err.column, 'caseload_fte');
      return true;
    });
    assert.equal(await WorkforceFigures.countDocuments(), before);
    assert.equal((await figures('local_authority', '855', 2025)).measures.turnoverRateFte, 8.3);
  });

  test('when a malformed file is imported into an empty database, then no document is created', async () => {
    const broken = withCell(2017, '394', 'inpost_fte', '-3');
    await assert.rejects(importIndicators(broken, { file: 'broken.csv' }), WorkforceFileError);
    assert.equal(await WorkforceFigures.countDocuments(), 0);
  });
});

describe('importIndicators with the older headline-measures layout', () => {
  const OLD_FILE = 'csww_headline_measures_2021_to_2022.csv';

  test('when it is imported alone, then its rows are added and columns it lacks are stored as absent', async () => {
    const summary = await importIndicators(readFixture(OLD_FILE), { file: OLD_FILE });
    assert.equal(summary.layout, 'headline_measures');
    assert.equal(summary.added, 24);
    const dfe = await figures('local_authority', '852', 2022);
    assert.equal(dfe.measures.turnoverRateFte, 20.4);
    assert.equal(dfe.measures.startersFte, null);
  });

  test('when it is imported after the current layout, then its rows are skipped with a reason and figures stay', async () => {
    await importRealIndicators();
    const summary = await importIndicators(readFixture(OLD_FILE), { file: OLD_FILE });
    assert.deepEqual([summary.added, summary.updated.length, summary.skipped.length], [0, 0, 24]);
    assert.match(summary.skipped[0]?.reason ?? '', /newer DfE layout/);
    assert.equal((await figures('local_authority', '852', 2022)).file, INDICATORS_FILE);
  });
});

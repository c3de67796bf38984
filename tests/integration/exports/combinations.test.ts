import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLease } from '../../../server/platform/lease.js';
import { ExportCount, Migration } from '../../../server/tally/model.js';
import { parseCsv } from '../../../server/workforce/csv.js';
import { breakdowns } from '../../../server/reports/summaries/breakdowns.js';
import { groupCounters } from '../../../server/tally/store.js';
import { createCounting } from '../../../server/tally/tally.js';
import { answersV1, twoVersionSurveys } from '../../helpers/export-fixtures.js';
import supertest from 'supertest';
import {
  buildExportCampaign,
  exportApp,
  repeat,
  storeResponses,
  useExportApp,
  type Built,
} from '../../helpers/exports.js';

// MIN_GROUP_SIZE is 5 in these tests
const { http } = useExportApp(import.meta.url);
const MIN = 5;
const QUASI = ['demo_role', 'demo_years_in_role', 'demo_employment', 'demo_working_pattern', 'submission_month'];
const def = twoVersionSurveys().get('staff-wellbeing', 1);

async function rows(query = '') {
  const res = await http().get(`/api/v1/exports/responses?format=csv${query}`);
  assert.equal(res.status, 200, res.text);
  const [header, ...data] = parseCsv(res.text).map((r) => r.fields);
  return data.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

const person = (role: string, employment: string, pattern: string) =>
  answersV1({
    demo_role: role,
    demo_employment: employment,
    demo_years_in_role: 'over_10',
    demo_working_pattern: pattern,
  });

// 20 people: 10 social workers and 10 team managers, 10 permanent and 10 agency, 15 full-time and
// 5 part-time, all over 10 years in role: every column passes alone (each value 5 or more), but
// one agency social worker and the only permanent part-time team manager are alone in their
// combination, and 4 part-time permanent social workers are only 4.
async function crossedGroup(campaign: Built) {
  await storeResponses(campaign, [
    ...repeat(5, () => person('social_worker', 'permanent', 'full_time')),
    ...repeat(4, () => person('social_worker', 'permanent', 'part_time')),
    person('social_worker', 'agency', 'full_time'),
    person('team_manager', 'permanent', 'part_time'),
    ...repeat(9, () => person('team_manager', 'agency', 'full_time')),
  ]);
}

// The rows per combination of the quasi-identifier columns, as a reader sorting the file counts them.
function classes(exported: Record<string, string>[]): number[] {
  const sizes = new Map<string, number>();
  for (const r of exported) {
    const key = [r.council, r.wave, ...QUASI.map((c) => r[c])].join(' ');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()];
}

const withoutId = (exported: Record<string, string>[]) =>
  exported.map(({ response_id: _, ...rest }) => JSON.stringify(rest)).sort();

describe('combinations of demographic columns in exports', () => {
  test('when each column passes alone but a cross-tab cell is small, then a column is withheld for the group and no class of rows is below the minimum', async () => {
    await crossedGroup(await buildExportCampaign());
    const exported = await rows();
    assert.equal(exported.length, 20);
    assert.deepEqual(
      classes(exported).filter((n) => n < MIN),
      [],
    );
    // withholding the pattern leaves 2 rows in small classes, employment 5, role none: role goes
    assert.deepEqual([...new Set(exported.map((r) => r.demo_role))], ['-9']);
    assert.deepEqual(
      classes(exported).sort((a, b) => a - b),
      [5, 5, 10],
    );
    // the summary's breakdowns are decided column by column, as before: 10 and 10 shown
    const summary = breakdowns(def, await groupCounters('855', 'w1', ['bd:demo_role', 'bd:demo_employment']), MIN);
    const shown = (question: string) =>
      summary
        .find((b) => b.question === question)!
        .bands.flatMap((b) => (!b.suppressed && b.n > 0 ? [[b.value, b.n]] : []));
    assert.deepEqual(shown('demo_role'), [
      ['social_worker', 10],
      ['team_manager', 10],
    ]);
    assert.deepEqual(shown('demo_employment'), [
      ['permanent', 10],
      ['agency', 10],
    ]);
  });

  test('when two exports with different filters include the same group, then its rows are the same in both, so their difference is whole groups', async () => {
    await crossedGroup(await buildExportCampaign({ pilot: '855' }));
    await storeResponses(
      await buildExportCampaign({ pilot: '856' }),
      repeat(12, () => person('team_manager', 'agency', 'full_time')),
    );
    const all = await rows();
    const one = await rows('&pilot=855');
    assert.deepEqual(withoutId(all.filter((r) => r.council === '855')), withoutId(one));
    assert.deepEqual(
      classes(all).filter((n) => n < MIN),
      [],
    );
  });

  test('when the database was counted before the export counts existed, then the export rebuilds them first and releases the group as before', async () => {
    await crossedGroup(await buildExportCampaign());
    const before = await rows();
    await ExportCount.deleteMany({});
    await Migration.deleteOne({ _id: 'export-counts' });
    assert.deepEqual(withoutId(await rows()), withoutId(before));
  });

  test('when the export counts are not rebuilt yet and another process holds the tally lease, then the export answers 503 and sends nothing', async () => {
    await crossedGroup(await buildExportCampaign());
    await createCounting(twoVersionSurveys()).pending(); // counted: a flush has nothing to wait for
    await Migration.deleteOne({ _id: 'export-counts' });
    // another process claims this slot and the next (30 s each); a server starting now cannot count
    const other = createLease('tally', 'another-process');
    assert.ok((await other(Date.now())) && (await other(Date.now() + 30_000)));
    const res = await supertest(exportApp()).get('/api/v1/exports/responses?format=csv');
    assert.equal(res.status, 503);
    assert.match(res.body.error.message, /export counts are being rebuilt/);
  });
});

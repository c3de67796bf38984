import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLayout } from '../../../server/codec/columns.js';
import { countBands, exportedGroups, shownBands } from '../../../server/disclosure/export-bands.js';
import { v1 } from '../../helpers/export-fixtures.js';

const layout = buildLayout([v1()]);
const role = layout.index.get('demo_role')!;
const codeOf = (value: string) => layout.columns[role]!.codes.find((c) => c.value === value)!.code;

function shownRoles(groups: Record<string, Record<string, number>>, min = 10): Record<string, string[]> {
  const tally = countBands(layout);
  for (const [key, bands] of Object.entries(groups)) {
    const [pilotCode, waveId] = key.split('|') as [string, string];
    for (const [band, n] of Object.entries(bands)) {
      for (let i = 0; i < n; i++) tally.add({ pilotCode, waveId, surveyVersion: 1, answers: { demo_role: band } });
    }
  }
  const shown = shownBands(layout, tally.counts, min);
  const valueOf = new Map(layout.columns[role]!.codes.map((c) => [c.code, c.value]));
  return Object.fromEntries(
    [...shown].map(([key, cols]) => [key, [...cols.get(role)!].map((code) => String(valueOf.get(code))).sort()]),
  );
}

describe('demographic disclosure control', () => {
  test('when one band is below the minimum, then it is merged with the smallest shown band so the merged group is not small', () => {
    // team_manager 3 is suppressed; 3 < 10, so social_worker (12, the smallest shown) is merged too: 15 in "other"
    assert.deepEqual(shownRoles({ '855|w1': { social_worker: 12, team_manager: 3, senior_practitioner: 20 } }), {
      '855|w1': ['senior_practitioner'],
    });
  });

  test('when the small bands add up to the minimum, then only they are merged', () => {
    // 6 + 5 = 11 >= 10
    assert.deepEqual(shownRoles({ '855|w1': { social_worker: 30, team_manager: 6, asye: 5 } }), {
      '855|w1': ['social_worker'],
    });
  });

  test('when a band is large overall but small in one council, then it is merged in that council only', () => {
    const shown = shownRoles({
      '855|w1': { social_worker: 30, team_manager: 20 },
      '856|w1': { social_worker: 30, team_manager: 4, asye: 7 },
    });
    assert.deepEqual(shown, { '855|w1': ['social_worker', 'team_manager'], '856|w1': ['social_worker'] });
  });

  test('when a group has fewer respondents than the minimum, then every band is merged', () => {
    assert.deepEqual(shownRoles({ '855|w1': { social_worker: 4, team_manager: 3 } }), { '855|w1': [] });
  });

  test('when counting, then unanswered demographics count in no band but the response counts in its group', () => {
    const tally = countBands(layout);
    tally.add({ pilotCode: '855', waveId: 'w1', surveyVersion: 1, answers: {} });
    tally.add({ pilotCode: '855', waveId: 'w1', surveyVersion: 1, answers: { demo_role: 'asye' } });
    tally.add({ pilotCode: '856', waveId: 'w1', surveyVersion: 1, answers: {} });
    assert.deepEqual(
      [...tally.totals],
      [
        ['855|w1', 2],
        ['856|w1', 1],
      ],
    );
    assert.deepEqual([...tally.counts.get('855|w1')!.get(role)!], [[codeOf('asye'), 1]]);
  });
});

describe('exportedGroups', () => {
  const totals = new Map([
    ['855|w1', 4],
    ['856|w1', 5],
    ['857|w1', 12],
    ['855|w2', 1],
  ]);

  test("when groups are below the minimum, then they are left out and only the kept groups' rows are counted", () => {
    const { keep, rows, leftOut } = exportedGroups(totals, 5);
    assert.deepEqual([...keep].sort(), ['856|w1', '857|w1']);
    // 5 + 12 kept; 4 and 1 left out
    assert.deepEqual([rows, leftOut], [17, 2]);
  });

  test('when a group has exactly the minimum, then it is kept', () => {
    assert.deepEqual([...exportedGroups(new Map([['855|w1', 10]]), 10).keep], ['855|w1']);
    assert.deepEqual(exportedGroups(new Map([['855|w1', 9]]), 10), { keep: new Set(), rows: 0, leftOut: 1 });
  });

  test('when the minimum is 10, then a group of 5 is left out too', () => {
    assert.deepEqual(exportedGroups(totals, 10), { keep: new Set(['857|w1']), rows: 12, leftOut: 3 });
  });

  test('when there are no responses, then nothing is kept and nothing is left out', () => {
    assert.deepEqual(exportedGroups(new Map(), 5), { keep: new Set(), rows: 0, leftOut: 0 });
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  exportedGroups,
  fewAnswered,
  groupRelease,
  shownCells,
  shownMonths,
} from '../../../server/disclosure/export-bands.js';

const cells = (counts: Record<string, number>) => Object.entries(counts).map(([key, n]) => ({ key, n }));
const shown = (counts: Record<string, number>, min = 10) => [...shownCells(cells(counts), min)].sort();

describe('demographic bands in exports', () => {
  test('when one band is below the minimum, then the smallest shown band is hidden with it, as in the summary', () => {
    // tm 1 hidden; 1 < 10, so sw (12, the smallest shown) is hidden too: 13 coded -9
    assert.deepEqual(shown({ sw: 12, tm: 1, sp: 20, unanswered: 0 }), ['sp']);
  });

  test('when the small bands add up to the minimum, then only they are hidden', () => {
    // 6 + 5 = 11 >= 10
    assert.deepEqual(shown({ sw: 30, tm: 6, asye: 5, unanswered: 0 }), ['sw']);
  });

  test('when a few respondents left the question unanswered, then "unanswered" is a hidden band and the smallest band is hidden with it', () => {
    // unanswered 3 hidden; 3 < 10, so tm (15) joins it: the -9 rows are the summary's 18 hidden respondents
    assert.deepEqual(shown({ sw: 30, tm: 15, unanswered: 3 }), ['sw']);
  });

  test('when enough respondents left the question unanswered, then "unanswered" is shown like any band', () => {
    assert.deepEqual(shown({ sw: 30, tm: 15, unanswered: 12 }), ['sw', 'tm', 'unanswered']);
  });

  test('when a group has fewer respondents than the minimum, then every band is hidden', () => {
    assert.deepEqual(shown({ sw: 4, tm: 3, unanswered: 0 }), []);
  });
});

describe('months of submission in exports', () => {
  test('when one late respondent is alone in a month, then that month and the smallest other are dated by the wave only', () => {
    // 2025-04 holds 1; the complement (2025-03, 11) goes too, so no month is shown
    assert.deepEqual([...shownMonths(cells({ '2025-03': 11, '2025-04': 1 }), 10)], []);
    // 3 in May: April (12) joins it, 15 rows carry no month; March (30) keeps its month
    assert.deepEqual([...shownMonths(cells({ '2025-03': 30, '2025-04': 12, '2025-05': 3 }), 10)], ['2025-03']);
  });

  test('when every month holds at least the minimum, then every month is shown', () => {
    assert.deepEqual([...shownMonths(cells({ '2025-03': 10, '2025-04': 10 }), 10)].sort(), ['2025-03', '2025-04']);
  });
});

describe('free text in exports', () => {
  const release = (total: number, freeTextAllowed: boolean) =>
    groupRelease({ total, bands: [], months: [], combinations: [] }, { min: 10, freeTextMin: 20, freeTextAllowed })
      .freeText;

  test('when the campaign allows free text and the group reaches FREE_TEXT_MIN_GROUP_SIZE, then free text is shown', () => {
    assert.equal(release(20, true), true);
  });

  test('when the group is below FREE_TEXT_MIN_GROUP_SIZE, or the campaign does not allow free text, then it is not', () => {
    assert.deepEqual([release(19, true), release(12, true), release(500, false)], [false, false, false]);
  });

  test('when a group is released, then each question gets its shown bands', () => {
    const bands = [{ question: 'role', cells: cells({ sw: 30, tm: 15, unanswered: 3 }) }];
    const { bands: byQuestion } = groupRelease(
      { total: 48, bands, months: [], combinations: [] },
      { min: 10, freeTextMin: 20, freeTextAllowed: true },
    );
    assert.deepEqual([...byQuestion.get('role')!], ['sw']);
  });
});

describe('answers too few people gave', () => {
  // issue 13, item 8 again: in a group of 10, only one person ticked the tick-box question; a
  // reader who knows who answered it would read that person's ticks from the one row with any
  test('when 1 to min - 1 people answered a question, a matrix row or have a score, then it is left blank for the group', () => {
    const answered = [
      { key: 'support_used', n: 1 },
      { key: 'js_facets|pay', n: 9 },
      { key: 'score:wellbeing', n: 4 },
      { key: 'js_overall', n: 10 },
      { key: 'leave_looking', n: 0 },
    ];
    assert.deepEqual([...fewAnswered(answered, 10)].sort(), ['js_facets|pay', 'score:wellbeing', 'support_used']);
  });

  test('when the minimum is 5, then 5 answers are enough and 4 are not', () => {
    assert.deepEqual(
      [
        ...fewAnswered(
          [
            { key: 'a', n: 5 },
            { key: 'b', n: 4 },
          ],
          5,
        ),
      ],
      ['b'],
    );
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
    assert.deepEqual(exportedGroups(new Map([['855|w1', 0]]), 5), { keep: new Set(), rows: 0, leftOut: 0 });
  });
});

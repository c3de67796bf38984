import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLayout } from '../../../server/codec/columns.js';
import { groupRelease } from '../../../server/disclosure/export-bands.js';
import { countsFromCounters, rulesFor } from '../../../server/exports/group-rules.js';
import { loadBuilt, removeWrittenSurveys } from '../../helpers/survey-factories.js';

after(removeWrittenSurveys);

const def = loadBuilt();
const layout = buildLayout([def]);
const role = layout.index.get('role')!;
const codeOf = (value: string) => layout.columns[role]!.codes.find((c) => c.value === value)!.code;

// a council × wave's export counts, as the tally keeps them: rows per role and month
const counters = { 't|sw|2025-03': 20, 't|sw|2025-04': 10, 't|tm|2025-03': 15, 't|unanswered|2025-04': 3 };

describe('group rules from the counters', () => {
  test("when read from the counters, then each demographic's bands come in the summary's order with unanswered last, the months in order, and the total is their sum", () => {
    assert.deepEqual(countsFromCounters(def, counters), {
      total: 48,
      bands: [
        {
          question: 'role',
          cells: [
            { key: 'sw', n: 30 },
            { key: 'tm', n: 15 },
            { key: 'prefer_not_to_say', n: 0 },
            { key: 'unanswered', n: 3 },
          ],
        },
      ],
      months: [
        { key: '2025-03', n: 35 },
        { key: '2025-04', n: 13 },
      ],
      combinations: [
        { bands: ['sw'], month: '2025-03', n: 20 },
        { bands: ['sw'], month: '2025-04', n: 10 },
        { bands: ['tm'], month: '2025-03', n: 15 },
        { bands: ['unanswered'], month: '2025-04', n: 3 },
      ],
      answered: [],
    });
  });

  test('when "unanswered" is hidden, then the rules show only the codes of the shown bands and code unanswered -9', () => {
    const counts = countsFromCounters(def, counters);
    const release = groupRelease(counts, { min: 10, freeTextMin: 20, freeTextAllowed: true });
    const rules = rulesFor(layout, def, release, counts.total);
    assert.deepEqual(rules.demographic.get(role), { codes: new Set([codeOf('sw')]), unanswered: false });
    assert.deepEqual([rules.total, rules.freeText], [48, true]);
    // released role (sw 30, -9 18) × month (35, 13): sw·03 20, sw·04 10, -9·03 15, -9·04 3: the
    // last class is small, and withholding the month (sw 30, -9 18) fixes it where role would too
    assert.deepEqual([...rules.months], []);
  });

  test('when a key is not a full combination of this survey, then it is not counted', () => {
    const counts = countsFromCounters(def, { 't|sw|2025-03': 12, 't|2025-03': 4, n: 9 });
    assert.equal(counts.total, 12);
  });

  test('when the counters hold no demographic bands, then every band is hidden and the total is 0', () => {
    const counts = countsFromCounters(def, {});
    const rules = rulesFor(layout, def, groupRelease(counts, { min: 10, freeTextMin: 20, freeTextAllowed: true }), 0);
    assert.deepEqual(rules.demographic.get(role), { codes: new Set(), unanswered: false });
    assert.equal(rules.freeText, false);
  });
});

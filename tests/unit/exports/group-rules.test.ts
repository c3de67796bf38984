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

// the role part of a council × wave's counters, as the tally keeps it
const counters = { 'bd|role|sw|n': 30, 'bd|role|tm|n': 15, 'bd|role|unanswered|n': 3, 'bd|role|sw|sc|x|n': 30 };

describe('group rules from the counters', () => {
  test("when read from the counters, then each demographic's bands come in the summary's order with unanswered last, and the total is their sum", () => {
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
    });
  });

  test('when "unanswered" is hidden, then the rules show only the codes of the shown bands and code unanswered -9', () => {
    const counts = countsFromCounters(def, counters);
    const release = groupRelease(counts, { min: 10, freeTextMin: 20, freeTextAllowed: true });
    const rules = rulesFor(layout, def, release, counts.total);
    assert.deepEqual(rules.demographic.get(role), { codes: new Set([codeOf('sw')]), unanswered: false });
    assert.deepEqual([rules.total, rules.freeText], [48, true]);
  });

  test('when the counters hold no demographic bands, then every band is hidden and the total is 0', () => {
    const counts = countsFromCounters(def, {});
    const rules = rulesFor(layout, def, groupRelease(counts, { min: 10, freeTextMin: 20, freeTextAllowed: true }), 0);
    assert.deepEqual(rules.demographic.get(role), { codes: new Set(), unanswered: false });
    assert.equal(rules.freeText, false);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupRules } from '../../../server/exports/group-rules.js';
import { checkTotals, monthDating, type Scanned } from '../../../server/exports/rows.js';

const rules = (total: number): GroupRules => ({ total, demographic: new Map(), freeText: false });
const scanned = (totals: Record<string, number>, months: Record<string, Record<string, number>> = {}): Scanned => ({
  totals: new Map(Object.entries(totals)),
  months: new Map(Object.entries(months).map(([key, m]) => [key, new Map(Object.entries(m))])),
});

describe('rows read against the counts', () => {
  test('when every kept group read as many rows as its counters hold, then the export goes on', () => {
    assert.doesNotThrow(() => checkTotals(new Map([['855|w1', rules(12)]]), scanned({ '855|w1': 12 })));
  });

  test('when a group read one row more than was counted, then the export stops before any row is sent', () => {
    assert.throws(
      () => checkTotals(new Map([['855|w1', rules(12)]]), scanned({ '855|w1': 13 })),
      /responses changed while the export was being read/,
    );
    assert.throws(() => checkTotals(new Map([['855|w1', rules(12)]]), scanned({})));
  });
});

describe('months on the rows', () => {
  // council, arm, wave, … as encodeRow lays them out: index 1 council, 3 wave, 6 month
  const row = (council: string, month: string) => ['id', council, 'pilot', 'w1', 's', 1, month];

  test('when a month is hidden in a group, then its rows and those of the month hidden with it lose their month', () => {
    const dated = monthDating(
      scanned({}, { '855|w1': { '2025-03': 30, '2025-04': 12, '2025-05': 3 }, '856|w1': { '2025-05': 10 } }),
      10,
    );
    assert.equal(dated(row('855', '2025-03'))[6], '2025-03');
    assert.equal(dated(row('855', '2025-04'))[6], null);
    assert.equal(dated(row('855', '2025-05'))[6], null);
    // the same month in another council holds 10 and is shown there
    assert.equal(dated(row('856', '2025-05'))[6], '2025-05');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupRules } from '../../../server/exports/group-rules.js';
import { checkTotals, type Scanned } from '../../../server/exports/rows.js';

const rules = (total: number): GroupRules => ({
  total,
  demographic: new Map(),
  months: new Set(),
  withheld: new Set(),
  freeText: false,
});
const scanned = (totals: Record<string, number>): Scanned => ({ totals: new Map(Object.entries(totals)) });

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

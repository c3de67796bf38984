import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { reportKey } from '../../../server/reports/summaries/report-key.js';
import { staffWellbeing } from '../../helpers/counters.js';

describe('reportKey', () => {
  const options = { minGroupSize: 10, headcount: 40, open: false, closing: false, today: '2026-12-06' };
  const key = reportKey('f1', staffWellbeing, options);

  test('when any input of the report differs, then so does the key', () => {
    const others = [
      reportKey('f2', staffWellbeing, options),
      reportKey('f1', { ...staffWellbeing, hash: 'another' }, options),
      reportKey('f1', { ...staffWellbeing, key: 'staff-wellbeing@2' }, options),
      reportKey('f1', staffWellbeing, { ...options, minGroupSize: 11 }),
      reportKey('f1', staffWellbeing, { ...options, headcount: 41 }),
      reportKey('f1', staffWellbeing, { ...options, headcount: null }),
      reportKey('f1', staffWellbeing, { ...options, open: true }),
      reportKey('f1', staffWellbeing, { ...options, closing: true }),
      reportKey('f1', staffWellbeing, { ...options, today: '2026-12-07' }),
    ];
    assert.equal(new Set([key, ...others]).size, others.length + 1);
  });

  test('when a headcount is missing or null, then the key is the same (the report shows null for both)', () => {
    assert.equal(
      reportKey('f1', staffWellbeing, { ...options, headcount: undefined }),
      reportKey('f1', staffWellbeing, { ...options, headcount: null }),
    );
  });
});

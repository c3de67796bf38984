import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReportCache, reportKey } from '../../../server/reports/summaries/report-cache.js';
import { staffWellbeing } from '../../helpers/counters.js';
import { counted } from '../../helpers/counted.js';

describe('createReportCache', () => {
  test('when the same key is read twice, then the report is built once and the same text comes back', () => {
    const cache = createReportCache(100);
    const build = counted('{"n":12}');
    assert.equal(cache.get('a', build), '{"n":12}');
    assert.equal(cache.get('a', build), '{"n":12}');
    assert.equal(build.runs, 1);
  });

  test('when the texts pass the limit, then the least recently read is dropped first', () => {
    const cache = createReportCache(10); // room for two texts of 4 characters, not three
    cache.get('a', counted('aaaa'));
    cache.get('b', counted('bbbb'));
    cache.get('a', counted('never built'));
    cache.get('c', counted('cccc')); // 12 characters: b, read least recently, goes
    const a = counted('aaaa');
    const b = counted('bbbb');
    cache.get('a', a);
    cache.get('b', b);
    assert.equal(a.runs, 0, 'a was read after b, so it stayed');
    assert.equal(b.runs, 1, 'b was dropped and built again');
    assert.equal(cache.size(), 2);
  });

  test('when one text is longer than the limit, then it is returned but not kept', () => {
    const cache = createReportCache(3);
    const build = counted('abcd');
    assert.equal(cache.get('a', build), 'abcd');
    assert.equal(cache.get('a', build), 'abcd');
    assert.equal(build.runs, 2);
    assert.equal(cache.size(), 0);
  });
});

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

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDigest, progressLine } from '../../../server/reports/digest/digest.js';

describe('progressLine', () => {
  test('when a group is below the minimum, none included, then neither its count nor a rate is shown', () => {
    assert.equal(
      progressLine({ wave: 'W', n: 9, headcount: 40 }, 10),
      'fewer than 10 responses by yesterday (40 staff)',
    );
    assert.equal(progressLine({ wave: 'W', n: 1 }, 10), 'fewer than 10 responses by yesterday');
    assert.equal(
      progressLine({ wave: 'W', n: 0, headcount: 40 }, 10),
      'fewer than 10 responses by yesterday (40 staff)',
    );
  });

  test('when at least the minimum, then the figure is shown, with the rate where the headcount is known', () => {
    assert.equal(
      progressLine({ wave: 'W', n: 10, headcount: 40 }, 10),
      '10 responses by yesterday from 40 staff (25%)',
    );
    assert.equal(
      progressLine({ wave: 'W', n: 13, headcount: 40 }, 10),
      '13 responses by yesterday from 40 staff (33%)',
    );
    assert.equal(
      progressLine({ wave: 'W', n: 45, headcount: 40 }, 10),
      '45 responses by yesterday from 40 staff (100%)',
    );
    assert.equal(progressLine({ wave: 'W', n: 12, headcount: null }, 10), '12 responses by yesterday');
  });
});

describe('buildDigest', () => {
  test('when a lead has open campaigns, then the email lists them by council, escaped in HTML', () => {
    const digest = buildDigest(
      {
        email: 'lead@council.example',
        councils: [
          {
            code: '855',
            name: 'Bath & North East Somerset',
            campaigns: [{ wave: 'Wave 2', n: 30, headcount: 60, closesOn: '2026-06-30' }],
          },
          { code: '856', name: 'Leicester', campaigns: [{ wave: 'Wave 2', n: 4, headcount: 20 }] },
          { code: '857', name: 'Rutland', campaigns: [] },
        ],
      },
      { minGroupSize: 10, weekOf: '2026-05-11' },
    );
    assert.ok(digest);
    assert.equal(digest.to, 'lead@council.example');
    assert.equal(digest.subject, 'Survey progress, week of 11 May 2026');
    assert.match(
      digest.text,
      /Bath & North East Somerset \(855\)\n {2}- Wave 2, closes 30 June 2026: 30 responses by yesterday from 60 staff \(50%\)/,
    );
    assert.match(digest.text, /Leicester \(856\)\n {2}- Wave 2: fewer than 10 responses by yesterday \(20 staff\)/);
    assert.doesNotMatch(digest.text, /Rutland|\b4\b/);
    assert.match(digest.html, /Bath &amp; North East Somerset/);
  });

  test('when nothing is open, then there is no email', () => {
    assert.equal(
      buildDigest(
        { email: 'a@b.example', councils: [{ code: '1', name: 'X', campaigns: [] }] },
        { minGroupSize: 10, weekOf: '2026-05-11' },
      ),
      null,
    );
  });
});

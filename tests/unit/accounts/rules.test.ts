import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canEditCouncil,
  canReadCouncil,
  normaliseEmail,
  sameToken,
  sessionExpired,
  type StaffUser,
} from '../../../server/accounts/rules.js';

const admin: StaffUser = { email: 'a@x.org', role: 'admin', pilots: [] };
const researcher: StaffUser = { email: 'r@x.org', role: 'researcher', pilots: [] };
const lead: StaffUser = { email: 'l@x.org', role: 'hr_lead', pilots: ['855', '856'] };

describe('council access', () => {
  test('when an admin or researcher asks for any council, then they may read it', () => {
    for (const user of [admin, researcher]) assert.equal(canReadCouncil(user, '935'), true);
  });

  test('when an HR lead asks, then only their own councils are readable and editable', () => {
    assert.deepEqual(
      ['855', '856', '935'].map((c) => canReadCouncil(lead, c)),
      [true, true, false],
    );
    assert.deepEqual(
      ['855', '935'].map((c) => canEditCouncil(lead, c)),
      [true, false],
    );
  });

  test('when a researcher asks to edit, then no; an admin may edit any council', () => {
    assert.equal(canEditCouncil(researcher, '855'), false);
    assert.equal(canEditCouncil(admin, '935'), true);
  });
});

describe('sessionExpired', () => {
  const limits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
  const t0 = Date.UTC(2026, 0, 1, 9);
  const at = (createdMin: number, seenMin: number) => ({
    createdAt: new Date(t0 + createdMin * 60_000),
    lastSeenAt: new Date(t0 + seenMin * 60_000),
  });

  test('when the last request was 29 minutes ago, then it is live; at 30 minutes, then it has expired', () => {
    assert.equal(sessionExpired(at(0, 0), t0 + 29 * 60_000, limits), false);
    assert.equal(sessionExpired(at(0, 0), t0 + 30 * 60_000, limits), true);
  });

  test('when it was used a minute ago but signed in 12 hours ago, then it has expired', () => {
    assert.equal(sessionExpired(at(0, 719), t0 + 719.9 * 60_000, limits), false);
    assert.equal(sessionExpired(at(0, 719), t0 + 720 * 60_000, limits), true);
  });
});

describe('sameToken and normaliseEmail', () => {
  test('when tokens differ in length, content or type, then they do not match', () => {
    assert.equal(sameToken('abc', 'abc'), true);
    assert.equal(sameToken('abc', 'abd'), false);
    assert.equal(sameToken('abc', 'abcd'), false);
    assert.equal(sameToken('abc', undefined), false);
    assert.equal(sameToken('abc', ['abc']), false);
  });

  test('when an email has spaces and capitals, then it is trimmed and lower-cased', () => {
    assert.equal(normaliseEmail('  Jo.Bloggs@Council.GOV.uk '), 'jo.bloggs@council.gov.uk');
  });
});

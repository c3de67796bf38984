import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { audit } from '../../../server/audit/audit.js';
import { exportFigures, type ExportRow } from '../../../server/audit/export-figures.js';
import type { Respondent } from '../../../server/audit/unknowns.js';
import { buildLayout } from '../../../server/codec/columns.js';
import { groupRelease } from '../../../server/disclosure/export-bands.js';
import { encodeRow } from '../../../server/exports/encode.js';
import { countsFromCounters, rulesFor } from '../../../server/exports/group-rules.js';
import { addParts, responseCounters, type CounterParts } from '../../../server/tally/counters.js';
import { testSurveys } from '../../helpers/app.js';
import { buildAnswers } from '../../helpers/factories.js';

const def = testSurveys().get('staff-wellbeing', 1);
const layout = buildLayout([def]);
const MIN = 10;
const LIMITS = { min: MIN, freeTextMin: 20, freeTextAllowed: false };

const person = (i: number, role: string, employment: string): Respondent => ({
  id: `r${i}`,
  council: '855',
  arm: 'pilot',
  wave: 'w1',
  day: '2025-03-10',
  def,
  answers: buildAnswers({ js_overall: 1 + (i % 5), demo_role: role, demo_employment: employment }),
});

// 24 people: 12 social workers, 12 team managers; 12 permanent, 12 agency. Each column passes
// alone (12 >= 10), but the cross-tab holds 1 agency social worker and 1 permanent team manager.
const people = [
  ...Array.from({ length: 11 }, (_, i) => person(i, 'social_worker', 'permanent')),
  person(11, 'social_worker', 'agency'),
  person(12, 'team_manager', 'permanent'),
  ...Array.from({ length: 11 }, (_, i) => person(13 + i, 'team_manager', 'agency')),
];

// The export's rows as the exporter writes them, from the group's counts as the tally keeps them;
// `combinations: false` is the rule before this one: each column decided alone.
function exported(combinations: boolean): ExportRow[] {
  const parts: CounterParts = {};
  for (const r of people) addParts(parts, responseCounters(def, r.answers, r.day));
  const counts = countsFromCounters(def, parts.ex!);
  const release = groupRelease(combinations ? counts : { ...counts, combinations: [] }, LIMITS);
  const rules = rulesFor(layout, def, release, counts.total);
  const ctx = { newId: () => 'id', arm: () => 'pilot', group: () => rules, labels: false };
  return people.map((r) => {
    const cells = encodeRow(
      layout,
      {
        surveyId: def.id,
        surveyVersion: 1,
        pilotCode: r.council,
        waveId: r.wave,
        day: r.day,
        answers: r.answers,
      },
      ctx,
    );
    return Object.fromEntries(layout.columns.map((c, i) => [c.name, cells[i]!]));
  });
}

function auditOf(rows: ExportRow[]) {
  const { publications, cells } = exportFigures(layout, rows, people);
  return audit(publications, MIN, cells);
}

describe('audit: exported rows read by every column at once', () => {
  test('when two demographic columns each pass but their cross-tab holds a single row, then the per-column rule fails the audit', () => {
    const result = auditOf(exported(false));
    assert.deepEqual(result.mismatches, []);
    const cells = result.findings.filter((f) => f.kind === 'export-cell');
    // the two lone rows, each a class of 1 in its full combination (and nowhere else)
    assert.equal(cells.length, 2);
    assert.ok(
      cells.every((f) => f.kind === 'export-cell' && f.rows === 1 && / demo_role=.* demo_employment=/.test(f.source)),
    );
    // and the class's sums give their answers away
    assert.deepEqual(
      result.findings
        .filter((f) => f.kind === 'determined')
        .map((f) => f.kind === 'determined' && f.respondent)
        .sort(),
      ['r11', 'r12'],
    );
  });

  test('when the export withholds a column for the combinations, then the audit finds nothing', () => {
    const result = auditOf(exported(true));
    assert.deepEqual(result.mismatches, []);
    assert.deepEqual(result.findings, []);
  });
});

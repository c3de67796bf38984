import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLayout } from '../../../server/codec/columns.js';
import { csvCell } from '../../../server/codec/csv.js';
import { encodeRow, type RowContext } from '../../../server/exports/encode.js';
import { decodeAnswers, planImport } from '../../../server/imports/decode.js';
import { validateAnswers } from '../../../server/surveys/validate-answers.js';
import { answersV2, v2 } from '../../helpers/export-fixtures.js';

const layout = buildLayout([v2()]);
const header = layout.columns.map((c) => c.name);
const everything: RowContext = {
  newId: () => 'x',
  arm: () => 'pilot',
  group: () => ({
    total: 100,
    demographic: new Map(
      layout.columns.flatMap((c, i) =>
        c.demographic ? [[i, { codes: new Set(c.codes.map((k) => k.code)), unanswered: true }]] : [],
      ),
    ),
    months: new Set(['2025-02']),
    withheld: new Set(),
    freeText: true,
  }),
  labels: false,
};
// what a cell looks like after a CSV round trip, apostrophe guard included
const asFields = (cells: unknown[]) =>
  cells.map((c) =>
    c === null
      ? ''
      : typeof c === 'number'
        ? String(c)
        : (c as string).startsWith("'") || /^[=+\-@]/.test(c as string)
          ? `'${c as string}`
          : (c as string),
  );

describe('reading the coded layout back', () => {
  test('when an encoded row is decoded, then the stored answers come back exactly', () => {
    const answers = validateAnswers(
      v2(),
      answersV2({
        leave_intent_12m: 5,
        leave_reasons: '=caseload, "pay"',
        support_used: ['peer'],
        demo_employment: 'agency',
      }),
    );
    assert.ok(answers.ok);
    const fields = asFields(
      encodeRow(
        layout,
        {
          pilotCode: '855',
          waveId: 'w1',
          surveyId: 'staff-wellbeing',
          surveyVersion: 2,
          day: '2025-02-01',
          answers: answers.answers,
        },
        everything,
      ),
    );
    assert.equal(csvCell('=caseload, "pay"'), `"'=caseload, ""pay"""`);
    const { plan, problems } = planImport(layout, 2, header);
    assert.deepEqual(problems, []);
    assert.deepEqual(decodeAnswers(plan, fields), { answers: answers.answers, problems: [] });
  });

  test('when every checkbox option is 0, then the question is stored as unanswered', () => {
    const { plan } = planImport(layout, 2, ['support_used_eap', 'support_used_peer', 'support_used_none']);
    assert.deepEqual(decodeAnswers(plan, ['0', '0', '0']).answers, {});
    assert.deepEqual(decodeAnswers(plan, ['1', '0', '']).answers, { support_used: ['eap'] });
  });

  test('when cells hold unknown codes or labels, then each problem names its column', () => {
    const { plan } = planImport(layout, 2, ['js_overall', 'leave_looking', 'demo_role', 'support_used_eap']);
    assert.deepEqual(decodeAnswers(plan, ['9', 'Yes', '-9', '2']).problems, [
      'js_overall: 9 is not one of its codes',
      'leave_looking: "Yes" is not a code',
      'support_used_eap: expected 0 or 1, found "2"',
    ]);
  });

  test('when a demographic cell holds -9 (a band too small to show), then that question is imported as unanswered', () => {
    const { plan } = planImport(layout, 2, ['js_overall', 'demo_role']);
    assert.deepEqual(decodeAnswers(plan, ['4', '-9']), { answers: { js_overall: 4 }, problems: [] });
  });

  test('when the header has unknown or repeated columns, then they are reported and scores are ignored', () => {
    const { problems } = planImport(layout, 2, [
      'response_id',
      'js_overall',
      'favourite_colour',
      'js_overall',
      'score_js_overall',
    ]);
    assert.deepEqual(problems, [
      'column favourite_colour is not a variable of staff-wellbeing version 2',
      'column js_overall appears twice',
    ]);
  });
});

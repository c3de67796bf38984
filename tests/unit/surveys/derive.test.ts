import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveDefinition } from '../../../server/surveys/derive.js';
import { variableName } from '../../../server/surveys/names.js';
import { checkSubmitted } from '../../../server/surveys/submitted.js';
import { buildSurveyFile } from '../../helpers/survey-factories.js';
import { buildThirdPartySurvey } from '../../helpers/third-party-survey.js';

const by = { suppliedBy: 'Partner University' };
type Json = Record<string, unknown>;

describe('deriveDefinition', () => {
  const { file, proposals, notes } = deriveDefinition(buildThirdPartySurvey(), by);

  it('when a plain SurveyJS JSON is wrapped, then every question gets an item with a variable, who supplied it and an unknown licence', () => {
    const items = file.items as Record<string, Json>;
    assert.deepEqual(Object.keys(items), ['energyMorning', 'energyDay', 'team_climate', 'recommend', 'overtime', 'helps', 'one_change', 'team_type']);
    assert.deepEqual(items.energyMorning, { provenance: 'supplied by Partner University', licence: 'unknown', variable: 'energy_morning' });
  });

  it('when question names are not identifiers, then variables are lower_snake_case, start with a letter and never repeat', () => {
    assert.equal(variableName('Q1 Overall (%)'), 'q1_overall');
    assert.equal(variableName('2nd-try'), 'q_2nd_try');
    const { file: twins } = deriveDefinition({ elements: [{ type: 'rating', name: 'a-b' }, { type: 'rating', name: 'a_b' }] }, by);
    assert.deepEqual(Object.values(twins.items as Record<string, Json>).map((i) => i.variable), ['a_b', 'a_b_2']);
  });

  it('when a comment has no maxLength and a yes/no question no values, then they get 2000 characters and "yes"/"no", with a note each', () => {
    const elements = ((file.survey as Json).pages as Json[])[0]!.elements as Json[];
    assert.equal(elements[5]!.maxLength, 2000);
    assert.deepEqual([elements[3]!.valueTrue, elements[3]!.valueFalse], ['yes', 'no']);
    assert.ok(notes.includes('$.pages[0].elements[5]: maxLength set to 2000 characters.'));
  });

  it('when ratings share a panel, a matrix has numeric columns and a rating stands alone, then each is proposed as a scale', () => {
    const scales = file.scales as Json[];
    assert.deepEqual(
      scales.map((s) => [s.id, s.items, s.range, s.minAnswered]),
      [
        ['energy', ['energyMorning', 'energyDay'], [1, 5], 1],
        ['team_climate', ['team_climate.trust', 'team_climate.voice', 'team_climate.help'], [1, 5], 2],
        ['recommend', ['recommend'], [0, 10], 1],
      ],
    );
    assert.ok(scales.every((s) => s.higherIsBetter === undefined));
  });

  it('when there is a yes/no question and an optional choice on an "About you" page, then a flag and a demographic are proposed', () => {
    assert.deepEqual(file.flags, [{ id: 'overtime_yes', label: 'Answered yes: Did you work unpaid overtime last week?', question: 'overtime', values: ['yes'] }]);
    assert.deepEqual(file.demographics, ['team_type']);
    assert.deepEqual(proposals.map((p) => `${p.kind}:${p.id}`), ['scale:energy', 'scale:team_climate', 'scale:recommend', 'flag:overtime_yes', 'demographic:team_type']);
  });

  it('when the survey has no Welsh, then the title has none and a note says it is offered in English only', () => {
    assert.deepEqual(file.title, { default: 'Employee engagement pulse' });
    assert.equal(file.id, 'employee-engagement-pulse');
    assert.ok(notes.some((n) => /English only/.test(n)));
  });
});

describe('checkSubmitted', () => {
  it('when the derived definition is checked, then it passes and is not changed by the check', () => {
    const result = checkSubmitted(buildThirdPartySurvey(), by);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.derived, true);
  });

  it('when a plain survey has several problems, then each is reported with its path in the JSON the author sent', () => {
    const plain = buildThirdPartySurvey();
    const elements = (plain.pages as Json[])[0]!.elements as Json[];
    elements[1] = { ...elements[1], validators: [{ type: 'numeric' }] };
    elements[4] = { ...elements[4], name: 'recommend' };
    elements.push({ type: 'file', name: 'upload' });
    const result = checkSubmitted(plain, by);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => p.path),
      ['$.pages[0].elements[1].validators', '$.pages[0].elements[4].name', '$.pages[0].elements[6].type'],
    );
  });

  it('when a definition is already in our format, then it is checked as it is', () => {
    const result = checkSubmitted(buildSurveyFile(), by);
    assert.ok(result.ok);
    assert.equal(result.derived, false);
    assert.deepEqual(result.proposals, []);
  });

  it('when the body is not an object, then one problem at $ says so', () => {
    assert.deepEqual(checkSubmitted([1], by), { ok: false, problems: [{ path: '$', reason: 'expected a SurveyJS JSON object' }], notes: [] });
  });
});

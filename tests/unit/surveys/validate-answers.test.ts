import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadSurveys } from '../../../server/surveys/loader.js';
import { validateAnswers, type AnswerProblem } from '../../../server/surveys/validate-answers.js';
import { loadBuilt, removeWrittenSurveys } from '../../helpers/survey-factories.js';

after(removeWrittenSurveys);

const mini = loadBuilt();
const valid = { mood: 4, life: 7, team: 'no', role: 'tm', supports: ['peer', 'training'], views: { b: 2, a: 4 }, facets: { x: 1, y: 5 }, note: 'short' };
const problemsFor = (answers: unknown): AnswerProblem[] => {
  const result = validateAnswers(mini, answers);
  return result.ok ? [] : result.problems;
};
const one = (question: string, problem: string) => [{ question, problem }];

describe('validateAnswers', () => {
  it('when every answer is valid, then it passes with the answers in definition order', () => {
    const result = validateAnswers(mini, valid);
    assert.deepEqual(result, { ok: true, answers: { ...valid, views: { a: 4, b: 2 } } });
    assert.deepEqual(Object.keys(result.ok ? result.answers.views as object : {}), ['a', 'b']);
  });

  it('when only the required questions are answered, then it passes', () => {
    assert.deepEqual(validateAnswers(mini, { mood: 3, team: 'yes', facets: { x: 2, y: 2 } }).ok, true);
  });

  it('when optional answers are empty, then they pass and are left out', () => {
    const result = validateAnswers(mini, { ...valid, note: '', supports: [], views: {} });
    assert.ok(result.ok);
    assert.deepEqual(Object.keys(result.answers), ['mood', 'life', 'team', 'role', 'facets']);
  });

  const cases: [string, unknown, AnswerProblem[]][] = [
    ['answers are an array', [], one('', 'answers must be a JSON object')],
    ['answers are null', null, one('', 'answers must be a JSON object')],
    ['answers are a string', '{"mood":4}', one('', 'answers must be a JSON object')],
    ['there is an unknown key', { ...valid, extra: 1 }, one('extra', 'unknown question')],
    ['a key starts with $', { ...valid, $where: 1 }, one('$where', 'reserved key')],
    ['JSON.parse made an own __proto__ key', JSON.parse(`{"__proto__": {"mood": 1}, ${JSON.stringify(valid).slice(1)}`), one('__proto__', 'forbidden key')],
    ['a key is "constructor"', { ...valid, constructor: 1 }, one('constructor', 'forbidden key')],
    ['a rating is a string', { ...valid, mood: '4' }, one('mood', 'expected a number')],
    ['a rating is above its range', { ...valid, mood: 6 }, one('mood', 'out of range 1–5')],
    ['a rating is below its range', { ...valid, life: -1 }, one('life', 'out of range 0–10')],
    ['a rating is not a whole number', { ...valid, mood: 3.5 }, one('mood', 'expected a whole number')],
    ['a radio answer is not a choice', { ...valid, team: 'maybe' }, one('team', 'not one of the choices')],
    ['a radio answer has the wrong type', { ...valid, team: 1 }, one('team', 'not one of the choices')],
    ['a dropdown answer is not a choice', { ...valid, role: 'ceo' }, one('role', 'not one of the choices')],
    ['a checkbox answer is not a list', { ...valid, supports: 'peer' }, one('supports', 'expected a list of choices')],
    ['a checkbox answer has an unknown choice', { ...valid, supports: ['peer', 'pay'] }, one('supports', 'not one of the choices')],
    ['a checkbox choice is repeated', { ...valid, supports: ['peer', 'peer'] }, one('supports', 'a choice is repeated')],
    ['"none" is ticked with another choice', { ...valid, supports: ['none', 'peer'] }, one('supports', 'an exclusive choice is combined with others')],
    ['a matrix answer is not an object', { ...valid, views: [4] }, one('views', 'expected an object of row answers')],
    ['a matrix has an unknown row', { ...valid, views: { a: 4, z: 1 } }, one('views.z', 'unknown row')],
    ['a matrix row has an own __proto__ key', { ...valid, views: JSON.parse('{"__proto__": 1}') }, one('views.__proto__', 'unknown row')],
    ['a matrix cell is not a column', { ...valid, views: { a: 6 } }, one('views.a', 'not one of the columns')],
    ['a matrix needing every row misses one', { ...valid, facets: { x: 1 } }, one('facets.y', 'required')],
    ['text is too long', { ...valid, note: 'eleven char' }, one('note', 'longer than 10 characters')],
    ['text is not a string', { ...valid, note: 5 }, one('note', 'expected text')],
    ['a required question is missing', { ...valid, team: undefined }, one('team', 'required')],
    ['a required rating is an empty string', { ...valid, mood: '' }, one('mood', 'required')],
    ['a hidden question is answered', { ...valid, mood: 3, why: 'because' }, one('why', 'answered but not shown (hidden by the survey logic)')],
    ['a question with visible:false is answered', { ...valid, legacy: 'x' }, one('legacy', 'answered but not shown (hidden by the survey logic)')],
  ];
  for (const [when, answers, expected] of cases) {
    it(`when ${when}, then it reports ${expected.map((p) => `${p.question || '(answers)'}: ${p.problem}`).join('; ')}`, () => {
      assert.deepEqual(problemsFor(answers), expected);
    });
  }

  it('when a visibleIf question is shown, then its answer is accepted but not required', () => {
    assert.deepEqual(validateAnswers(mini, { ...valid, mood: 2, why: 'too busy' }), { ok: true, answers: { ...valid, mood: 2, views: { a: 4, b: 2 }, why: 'too busy' } });
    assert.equal(validateAnswers(mini, { ...valid, mood: 1 }).ok, true);
  });

  it('when several answers are wrong, then every problem is reported', () => {
    assert.deepEqual(problemsFor({ mood: 9, team: 'x', extra: true }), [
      { question: 'extra', problem: 'unknown question' },
      { question: 'mood', problem: 'out of range 1–5' },
      { question: 'team', problem: 'not one of the choices' },
      { question: 'facets', problem: 'required' },
    ]);
  });
});

describe('validateAnswers with the shipped survey', () => {
  const shipped = loadSurveys(resolve(import.meta.dirname, '../../../surveys')).get('staff-wellbeing@1')!;
  const response = {
    js_overall: 4,
    js_facets: { workload: 2, supervision: 4, team_support: 5, management: 3, development: 3, recognition: 2, pay: 1 },
    ons_life_satisfaction: 7, ons_worthwhile: 8, ons_happy_yesterday: 6, ons_anxious_yesterday: 3,
    leave_intent_12m: 4, leave_reasons: 'Workload and travel', leave_looking: 'prefer_not_to_say', two_year_plan: 'agency_work',
    turnover_team: 'yes', turnover_authority: 'dont_know', caseload_children: '21_25', supervision_frequency: 'every_5_8_weeks',
    practice_model: { framework: 4, value_system: 4, assessment_tool: 3, tick_box: 5 }, recommend_employer: 6,
    demo_role: 'social_worker', demo_working_pattern: 'part_time', improve_one_thing: 'Smaller caseloads',
  };

  it('when a complete response is submitted, then it passes unchanged', () => {
    assert.deepEqual(validateAnswers(shipped, response), { ok: true, answers: response });
  });

  it('when the reasons for leaving are given by someone unlikely to leave, then they are rejected', () => {
    assert.deepEqual(validateAnswers(shipped, { ...response, leave_intent_12m: 2 }), {
      ok: false,
      problems: [{ question: 'leave_reasons', problem: 'answered but not shown (hidden by the survey logic)' }],
    });
  });

  // Found by the hostile-input suite: survey-core's comparisons turn values into numbers, which
  // throws for an object whose toString or valueOf is not a function (a 500, not a 422).
  it('when an answer the survey logic reads is an object with toString or valueOf keys, then it is a problem, not an exception', () => {
    for (const value of ['{"toString":null}', '{"valueOf":1,"toString":2}', '{"__proto__":null,"toString":[]}']) {
      const result = validateAnswers(shipped, { ...response, leave_intent_12m: JSON.parse(value) });
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.problems.some((p) => p.question === 'leave_intent_12m'), JSON.stringify(result));
    }
  });
});

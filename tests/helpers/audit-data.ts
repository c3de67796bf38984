import fc from 'fast-check';
import { answersV2 } from './export-fixtures.js';
import { buildAnswers } from './factories.js';

// Small random data sets for the disclosure auditor's properties: group sizes around the minimum
// (10), a few bands per demographic question (sometimes unanswered), and, where asked, a person who
// answered only three of the four practice-model items.
const likert = fc.integer({ min: 1, max: 5 });
const band = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined, freq: 6 });

export const arbitraryAnswers = (partial: boolean) =>
  fc
    .record({
      js_overall: likert,
      life: fc.integer({ min: 0, max: 10 }),
      leave: likert,
      looking: fc.constantFrom('yes', 'no', 'prefer_not_to_say'),
      pm: fc.tuple(likert, likert, likert, likert),
      skipTickBox: fc.constant(partial),
      role: band(['social_worker', 'senior_practitioner', 'team_manager']),
      employment: band(['permanent', 'agency']),
    })
    .map((a) => {
      const [framework, value_system, assessment_tool, tick_box] = a.pm;
      const answers = buildAnswers({
        js_overall: a.js_overall,
        ons_life_satisfaction: a.life,
        leave_intent_12m: a.leave,
        leave_looking: a.looking,
        practice_model: a.skipTickBox
          ? { framework, value_system, assessment_tool }
          : { framework, value_system, assessment_tool, tick_box },
        demo_role: a.role,
        demo_employment: a.employment,
      });
      for (const k of ['demo_role', 'demo_employment']) if (answers[k] === undefined) delete answers[k];
      return answers;
    });

export const arbitraryGroup = (partial: boolean, min = 5, max = 15) =>
  fc.array(arbitraryAnswers(partial), { minLength: min, maxLength: max });

// staff-wellbeing v2 respondents, each answering its tick-box question (support_used) with one
// or both boxes, or "none", or (one in three) leaving it unanswered: in groups of 10 to 14 the
// answerers number around the minimum, with more ticks than answerers.
export const arbitraryTicks = (min: number, max: number) =>
  fc.array(
    fc
      .option(fc.oneof(fc.subarray(['eap', 'peer'], { minLength: 1 }), fc.constant(['none'])), {
        nil: undefined,
        freq: 2,
      })
      .map((ticks) => {
        const answers = answersV2();
        if (ticks) answers.support_used = ticks;
        return answers;
      }),
    { minLength: min, maxLength: max },
  );

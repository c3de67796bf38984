import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { audit, type Publication } from '../../../server/audit/audit.js';
import type { Respondent } from '../../../server/audit/unknowns.js';
import { buildAnswers } from '../../helpers/factories.js';
import { testSurveys } from '../../helpers/app.js';

const def = testSurveys().get('staff-wellbeing', 1);
const MIN = 10;

const person = (i: number, answers: Record<string, unknown> = {}, day = '2025-02-10'): Respondent => ({
  id: `r${i}`,
  council: '855',
  arm: 'pilot',
  wave: 'w1',
  day,
  def,
  answers: buildAnswers({ js_overall: 1 + (i % 5), practice_model: pm(i), ...answers }),
});
const pm = (i: number) => ({ framework: 1 + (i % 5), value_system: 2, assessment_tool: 1 + (i % 3), tick_box: 4 });
const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => person(from + i));
const kinds = (r: ReturnType<typeof audit>) => r.findings.map((f) => f.kind);

const PM_ITEMS = ['framework', 'value_system', 'assessment_tool', 'tick_box'].map((r) => `practice_model:${r}`);
const distribution = (group: Respondent[], ref: string): Publication[] =>
  ['1', '2', '3', '4', '5'].map((o) => ({ source: `item ${ref}=${o}`, fn: `it|${ref}|${o}`, group }));

describe('audit: the partial answerer (issue 13, leak 1)', () => {
  const complete = people(10);
  const partial = person(10, { practice_model: { framework: 3, value_system: 2, assessment_tool: 5 } });
  const group = [...complete, partial];
  const scale: Publication = { source: 'scale', fn: 'sc|practice_model_endorsement', group };

  test('when a 4-item mean over 11 people is published beside the item distributions over 11/11/11/10, then the one 3-item score is determined', () => {
    const result = audit([scale, ...PM_ITEMS.flatMap((ref) => distribution(group, ref))], MIN);
    const determined = result.findings.filter((f) => f.kind === 'determined');
    assert.equal(determined.length, 1);
    assert.deepEqual(determined[0], {
      kind: 'determined',
      respondent: 'r10',
      council: '855',
      wave: 'w1',
      figures: ['sc|practice_model_endorsement'],
    });
  });

  test('when everyone answered all four items, then the same figures determine nobody', () => {
    const all = people(11);
    const result = audit([{ ...scale, group: all }, ...PM_ITEMS.flatMap((ref) => distribution(all, ref))], MIN);
    assert.deepEqual(result.findings, []);
  });
});

describe('audit: differencing', () => {
  test('when a figure is published over 10 people and again over the same 10 and one more, then the newcomer is isolated', () => {
    const before = people(10);
    const after = [...before, person(10, { js_overall: 2 })];
    const result = audit(
      [
        { source: 'before', fn: 'sc|js_overall', group: before, published: 30 },
        { source: 'after', fn: 'sc|js_overall', group: after, published: 32 },
      ],
      MIN,
    );
    assert.deepEqual(result.mismatches, []);
    assert.ok(
      result.findings.some(
        (f) => f.kind === 'difference' && f.people === 1 && f.source === 'after' && f.minus === 'before',
      ),
    );
    const determined = result.findings.find((f) => f.kind === 'determined');
    assert.equal(determined?.kind === 'determined' && determined.respondent, 'r10');
  });

  // A count of late respondents carries no answers: nothing with answers is published over the
  // people up to a day, so the 2 people after the last progress point stay among the 12.
  test('when the closing total is 2 more than the last progress point, then the count of late respondents is not a finding', () => {
    const early = people(10).map((r) => ({ ...r, day: '2025-02-03' }));
    const all = [...early, person(10, {}, '2025-02-20'), person(11, {}, '2025-02-21')];
    const result = audit(
      [
        { source: 'progress to 2025-02-03', fn: 'n', group: early, published: 10, byDay: true },
        { source: 'responses', fn: 'n', group: all, published: 12 },
        { source: 'scale', fn: 'sc|js_overall', group: all },
      ],
      MIN,
    );
    assert.deepEqual(result.findings, []);
  });

  test('when two groups of 10 and 20 are published, then nothing is found', () => {
    const first = people(10);
    const both = [...first, ...people(10, 10)];
    const result = audit(
      [
        { source: 'a', fn: 'sc|js_overall', group: first },
        { source: 'a+b', fn: 'sc|js_overall', group: both },
      ],
      MIN,
    );
    assert.deepEqual(result.findings, []);
  });
});

describe('audit: small bases, export cells and the integer bound', () => {
  test('when a figure describes 4 people, then it is a small base', () => {
    const result = audit([{ source: 'band', fn: 'fl|turnover_problem_team', group: people(4) }], MIN);
    assert.deepEqual(kinds(result), ['small-base']);
  });

  test('when an answer distribution counts 8 answerers, then it is a small base whatever its options add up to (a tick-box base counts people, not ticks)', () => {
    const result = audit(distribution(people(8), 'js_overall'), MIN);
    assert.ok(result.findings.every((f) => f.kind === 'small-base' && f.people === 8));
  });

  test('when an export cell holds 3 rows, then the cell is reported; 0 and 12 rows are not', () => {
    const result = audit([], MIN, [
      { source: 'x', rows: 3 },
      { source: 'y', rows: 0 },
      { source: 'z', rows: 12 },
    ]);
    assert.deepEqual(result.findings, [{ kind: 'export-cell', source: 'x', rows: 3 }]);
  });

  test('when a published number disagrees with the answers, then the mismatch is reported, not trusted', () => {
    const result = audit([{ source: 'n', fn: 'n', group: people(12), published: 13 }], MIN);
    assert.deepEqual(result.mismatches, [{ source: 'n', fn: 'n', published: 13, computed: 12 }]);
  });

  test('when someone answered "prefer not to say", then the reader already knowing they are outside the base is not a finding', () => {
    const group = [...people(11), person(11, { leave_looking: 'prefer_not_to_say' })];
    const result = audit(
      [
        { source: 'flag', fn: 'fl|actively_looking', group },
        ...['yes', 'no', 'prefer_not_to_say'].map((o) => ({
          source: `item ${o}`,
          fn: `it|leave_looking|${o}`,
          group,
        })),
      ],
      MIN,
    );
    assert.deepEqual(result.findings, []);
  });
});

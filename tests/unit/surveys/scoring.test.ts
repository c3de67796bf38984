import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Scale } from '../../../server/surveys/definition.js';
import { loadSurveys } from '../../../server/surveys/loader.js';
import { bandFor, evaluateFlags, flagValue, scoreScales } from '../../../server/surveys/scoring.js';
import { loadBuilt, removeWrittenSurveys } from '../../helpers/survey-factories.js';

after(removeWrittenSurveys);

// mini: views_mean = mean of views.a, views.b and reversed views.c on 1–5, at least 2 answered;
// life = the 0–10 rating on its own, banded Low 0–4, Medium 5–6, High 7–10.
const mini = loadBuilt();
const [viewsMean, life] = mini.scales as [Scale, Scale];

describe('scoreScales', () => {
  it('when all items are answered, then the reverse item counts as min + max - x', () => {
    // c = 5 reversed: 1 + 5 - 5 = 1; mean (4 + 2 + 1) / 3 = 7/3
    const scores = scoreScales(mini, { views: { a: 4, b: 2, c: 5 }, life: 6 });
    assert.deepEqual(scores, { views_mean: 7 / 3, life: 6 });
  });

  it('when exactly minAnswered items are answered, then the mean uses only those', () => {
    // c = 2 reversed: 1 + 5 - 2 = 4; mean (5 + 4) / 2 = 4.5
    assert.equal(scoreScales(mini, { views: { a: 5, c: 2 } }).views_mean, 4.5);
  });

  it('when fewer than minAnswered items are answered, then the score is null', () => {
    assert.deepEqual(scoreScales(mini, { views: { b: 3 } }), { views_mean: null, life: null });
  });

  it('when the shipped survey is scored, then facets and the practice model are worked out as expected', () => {
    const shipped = loadSurveys(resolve(import.meta.dirname, '../../../surveys')).get('staff-wellbeing@1')!;
    const answers = {
      js_facets: { workload: 2, supervision: 4, team_support: 5, management: 3, development: 3, recognition: 2, pay: 1 },
      practice_model: { framework: 4, value_system: 4, assessment_tool: 3, tick_box: 5 },
      ons_anxious_yesterday: 3,
    };
    const scores = scoreScales(shipped, answers);
    // (2 + 4 + 5 + 3 + 3 + 2 + 1) / 7 = 20/7
    assert.equal(scores.js_facets, 20 / 7);
    // tick_box 5 reversed to 1 + 5 - 5 = 1; (4 + 4 + 3 + 1) / 4 = 3
    assert.equal(scores.practice_model_endorsement, 3);
    // anxiety is a single item and is not reversed: 3 stays 3, which ONS bands as "Low" (2–3)
    assert.equal(scores.ons_anxiety, 3);
    assert.equal(bandFor(shipped.scales.find((s) => s.id === 'ons_anxiety')!, 3)?.label, 'Low');
    // only 4 of 7 facets answered, below minAnswered 5
    assert.equal(scoreScales(shipped, { js_facets: { workload: 2, supervision: 4, pay: 1, management: 3 } }).js_facets, null);
  });
});

describe('bandFor', () => {
  it('when a score sits inside a band, then that band is returned, ends included', () => {
    assert.equal(bandFor(life, 0)?.label, 'Low');
    assert.equal(bandFor(life, 4)?.label, 'Low');
    assert.equal(bandFor(life, 5)?.label, 'Medium');
    assert.equal(bandFor(life, 10)?.label, 'High');
  });

  it('when the score is null, falls between bands or the scale has none, then there is no band', () => {
    assert.equal(bandFor(life, null), null);
    assert.equal(bandFor(life, 6.5), null);
    assert.equal(bandFor(viewsMean, 3), null);
  });

  it('when two bands touch, then the shared boundary belongs to the lower band', () => {
    const scale = { ...viewsMean, bands: [{ label: 'Lower', min: 1, max: 2.5 }, { label: 'Upper', min: 2.5, max: 5 }] };
    assert.equal(bandFor(scale, 2.5)?.label, 'Lower');
    assert.equal(bandFor(scale, 2.6)?.label, 'Upper');
  });
});

describe('flags', () => {
  it('when answers are in, out of or excluded from the base, then the flag is true, false or null', () => {
    const flag = mini.flags[0]!; // team_problem: 'yes' counts, 'dont_know' is left out of the base
    const values = [{ team: 'yes' }, { team: 'no' }, { team: 'dont_know' }, { team: 'yes' }, {}].map((a) => flagValue(flag, a));
    assert.deepEqual(values, [true, false, null, true, null]);
    // proportion = 2 true / 3 in the base (yes, no, yes)
    const base = values.filter((v) => v !== null);
    assert.equal(base.filter(Boolean).length / base.length, 2 / 3);
  });

  it('when a flag points at a matrix row, then that row is read', () => {
    const shipped = loadSurveys(resolve(import.meta.dirname, '../../../surveys')).get('staff-wellbeing@1')!;
    const flags = evaluateFlags(shipped, { practice_model: { tick_box: 4 }, caseload_children: 'none' });
    assert.equal(flags.practice_model_tick_box, true);
    assert.equal(flags.caseload_over_20, null);
    assert.equal(flags.intends_to_leave_12m, null);
  });
});

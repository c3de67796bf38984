import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { surveyPresentation } from '../../../server/surveys/presentation.js';
import { loadSurveyFile } from '../../../server/surveys/loader.js';
import { buildSurveyFile, loadBuilt, removeWrittenSurveys, writeSurveyText } from '../../helpers/survey-factories.js';

after(removeWrittenSurveys);

describe('surveyPresentation', () => {
  it('when a survey names no charts, then there is one chart per scale range and one for the flags', () => {
    const shown = surveyPresentation(loadBuilt());
    assert.deepEqual(shown.cards, [
      { id: 'scales_1_5', title: 'Scales scored 1 to 5', titleCy: 'Graddfeydd a sgoriwyd o 1 i 5', kind: 'scales', ids: ['views_mean'] },
      { id: 'scales_0_10', title: 'Scales scored 0 to 10', titleCy: 'Graddfeydd a sgoriwyd o 0 i 10', kind: 'scales', ids: ['life'] },
      { id: 'flags', title: 'Proportions of respondents', titleCy: 'Cyfrannau’r ymatebwyr', kind: 'flags', ids: ['team_problem'] },
    ]);
    assert.deepEqual(
      shown.measures.map((m) => [m.kind, m.id, m.label, m.higherIsBetter]),
      [
        ['scale', 'views_mean', 'Views', null],
        ['scale', 'life', 'Life', null],
        ['flag', 'team_problem', 'Team problem', null],
      ],
    );
  });

  it('when a survey names its charts, then they are used as they are', () => {
    const dashboard = [{ id: 'mine', title: 'My chart', scales: ['life'] }];
    assert.deepEqual(surveyPresentation(loadBuilt(buildSurveyFile({ dashboard }))).cards, [
      { id: 'mine', title: 'My chart', kind: 'scales', ids: ['life'] },
    ]);
  });

  it('when a survey has Welsh labels and chart titles, then they are sent beside the English; without them, none is', () => {
    const base = buildSurveyFile();
    const scales = base.scales as Record<string, unknown>[];
    const dashboard = [{ id: 'mine', title: 'My chart', titleCy: 'Fy siart', scales: ['life'] }];
    const shown = surveyPresentation(loadBuilt({ ...base, dashboard, scales: [{ ...scales[0], labelCy: 'Barn' }, scales[1]] }));
    assert.deepEqual(shown.cards, [{ id: 'mine', title: 'My chart', titleCy: 'Fy siart', kind: 'scales', ids: ['life'] }]);
    assert.equal(shown.measures[0]!.labelCy, 'Barn');
    assert.equal('labelCy' in shown.measures[1]!, false);
  });

  it('when a label or direction changes, then the measure keeps its signature; when its items or survey change, then it does not', () => {
    const base = buildSurveyFile();
    const sig = (file: Record<string, unknown>) => surveyPresentation(loadBuilt(file)).measures[0]!.signature;
    const scales = base.scales as Record<string, unknown>[];
    const relabelled = { ...base, scales: [{ ...scales[0], label: 'Views, renamed', labelCy: 'Barn', higherIsBetter: true }, scales[1]] };
    const fewer = { ...base, scales: [{ ...scales[0], items: ['views.a', 'views.b'], reverse: [] }, scales[1]] };
    const otherSurvey = { ...base, id: 'other' };
    assert.equal(sig(relabelled), sig(base));
    assert.notEqual(sig(fewer), sig(base));
    const other = loadSurveyFile(writeSurveyText(JSON.stringify(otherSurvey), 'other.v1.json'));
    assert.notEqual(surveyPresentation(other).measures[0]!.signature, sig(base));
  });

  it('when a chart names a scale that does not exist, then the definition is refused at that path', () => {
    assert.throws(() => loadBuilt(buildSurveyFile({ dashboard: [{ id: 'x', title: 'X', scales: ['nope'] }] })), /\$\.dashboard\[0\]\.scales\[0\]: no scale "nope"/);
  });
});

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLayout } from '../../../server/codec/columns.js';
import { buildElements, buildSurveyFile, loadBuilt, removeWrittenSurveys } from '../../helpers/survey-factories.js';
import { v1, v2 } from '../../helpers/export-fixtures.js';

after(removeWrittenSurveys);

const names = (layout: ReturnType<typeof buildLayout>) => layout.columns.map((c) => c.name);

describe('buildLayout', () => {
  test('when a definition has every question kind, then each gets its columns after the meta columns and before the scores', () => {
    const layout = buildLayout([loadBuilt()]);
    assert.deepEqual(names(layout), [
      'response_id',
      'council',
      'arm',
      'wave',
      'survey_id',
      'survey_version',
      'submission_month',
      'mood',
      'life',
      'team',
      'role',
      'supports_peer',
      'supports_supervision',
      'supports_training',
      'supports_none',
      'views_a',
      'views_b',
      'views_c',
      'facets_x',
      'facets_y',
      'note',
      'why',
      'legacy',
      'score_views_mean',
      'score_life',
    ]);
  });

  test('when choices are text, then they are coded 1, 2, 3 in order and "prefer not to say" is declared missing', () => {
    const role = buildLayout([loadBuilt()]).columns.find((c) => c.name === 'role')!;
    assert.deepEqual(
      role.codes.map((c) => [c.code, c.label.en]),
      [
        [1, 'sw'],
        [2, 'tm'],
        [3, 'prefer_not_to_say'],
        [-9, 'Other/suppressed (small group)'],
      ],
    );
    assert.deepEqual(role.missing, [3, -9]);
    assert.equal(role.demographic, true);
    assert.equal(role.measure, 'nominal');
  });

  test('when ratings are short or long, then they are ordinal or scale, checkboxes 0/1 nominal, text a string wide enough for any UTF-8', () => {
    const cols = new Map(buildLayout([loadBuilt()]).columns.map((c) => [c.name, c]));
    assert.equal(cols.get('mood')!.measure, 'ordinal');
    assert.equal(cols.get('life')!.measure, 'scale');
    assert.deepEqual(
      cols.get('supports_peer')!.codes.map((c) => c.code),
      [0, 1],
    );
    assert.equal(cols.get('why')!.type, 'string');
    assert.equal(cols.get('why')!.width, 60);
  });

  test('when no exported campaign allows free text, then the text columns are left out altogether', () => {
    const layout = buildLayout([loadBuilt()], undefined, { freeText: false });
    assert.deepEqual(
      names(layout).filter((n) => ['note', 'why', 'legacy'].includes(n)),
      [],
    );
  });

  test('when an item belongs to a scale, then the column lists the scale and whether it is reversed there', () => {
    const cols = new Map(buildLayout([loadBuilt()]).columns.map((c) => [c.name, c]));
    assert.deepEqual([cols.get('views_c')!.scales, cols.get('views_c')!.reversedIn], [['views_mean'], ['views_mean']]);
    assert.deepEqual([cols.get('views_a')!.scales, cols.get('views_a')!.reversedIn], [['views_mean'], []]);
  });

  test('when v2 renames a question but keeps its variable, then both versions share the column and v1 codes do not move', () => {
    const both = buildLayout([v1(), v2()]);
    const recommend = both.columns.filter((c) => c.name === 'recommend_employer');
    assert.equal(recommend.length, 1);
    assert.deepEqual(recommend[0]!.versions, [1, 2]);
    const role = both.columns.find((c) => c.name === 'demo_role')!;
    const roleV1Only = buildLayout([v1()], [v1(), v2()]).columns.find((c) => c.name === 'demo_role')!;
    assert.deepEqual(
      role.codes.map((c) => c.code),
      [1, 2, 3, 4, 5, 6, 7, 8, -9],
    );
    assert.equal(role.codes.find((c) => c.code === 8)!.label.en, 'Student social worker');
    assert.deepEqual(
      roleV1Only.codes.map((c) => c.code),
      [1, 2, 3, 4, 5, 6, 7, -9],
    );
    assert.deepEqual(both.columns.find((c) => c.name === 'support_used_eap')!.versions, [2]);
  });

  test('when a variable is a rating in one version and text in another, then the layout refuses to stack them', () => {
    const elements = buildElements().map((e) =>
      e.name === 'note' ? { type: 'rating', name: 'note', title: 'Note' } : e,
    );
    const other = loadBuilt(buildSurveyFile({}, elements));
    assert.throws(
      () => buildLayout([loadBuilt(), { ...other, version: 2 }]),
      /note is a text in one survey version and a rating in another/,
    );
  });

  test('when questions have Welsh wording, then labels carry both languages', () => {
    const cols = new Map(buildLayout([v1()]).columns.map((c) => [c.name, c]));
    assert.deepEqual(cols.get('leave_looking')!.label, {
      en: 'Are you actively looking for another job at the moment?',
      cy: "Ydych chi wrthi'n chwilio am swydd arall ar hyn o bryd?",
    });
    assert.deepEqual(
      cols.get('js_facet_pay')!.label.cy,
      "Pa mor fodlon ydych chi ar bob un o'r agweddau hyn ar eich swydd?: Eich cyflog",
    );
  });
});

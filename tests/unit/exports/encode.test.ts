import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLayout } from '../../../server/codec/columns.js';
import { encodeRow, type ResponseRow, type RowContext } from '../../../server/exports/encode.js';
import type { GroupRules } from '../../../server/exports/group-rules.js';
import { loadBuilt, removeWrittenSurveys } from '../../helpers/survey-factories.js';

after(removeWrittenSurveys);

const def = loadBuilt();
const layout = buildLayout([def]);
const roleIndex = layout.index.get('role')!;

const rules = (overrides: Partial<GroupRules> = {}): GroupRules => ({
  total: 20,
  demographic: new Map([[roleIndex, { codes: new Set([1, 2, 3]), unanswered: true }]]),
  months: new Set(['2025-02']),
  withheld: new Set(),
  freeText: true,
  ...overrides,
});

const context = (overrides: Partial<RowContext> = {}): RowContext => ({
  newId: () => 'row-1',
  arm: () => 'pilot',
  group: () => rules(),
  labels: false,
  ...overrides,
});

const row = (answers: Record<string, unknown>): ResponseRow => ({
  pilotCode: '855',
  waveId: 'w1',
  surveyId: 'mini',
  surveyVersion: 1,
  day: '2025-02-17',
  answers,
});

const answers = {
  mood: 4,
  life: 7,
  team: 'no',
  role: 'tm',
  supports: ['peer', 'training'],
  views: { a: 5, b: 4, c: 1 },
  facets: { x: 2, y: 3 },
  note: '=SUM(A1)',
};

const byName = (cells: unknown[]) => Object.fromEntries(layout.columns.map((c, i) => [c.name, cells[i]]));

describe('encodeRow', () => {
  test('when a response is encoded, then it gets a new row id, its month not its day, and coded answers', () => {
    const cells = byName(encodeRow(layout, row(answers), context()));
    assert.deepEqual(cells, {
      response_id: 'row-1',
      council: '855',
      arm: 'pilot',
      wave: 'w1',
      survey_id: 'mini',
      survey_version: 1,
      submission_month: '2025-02',
      mood: 4,
      life: 7,
      team: 2,
      role: 2,
      supports_peer: 1,
      supports_supervision: 0,
      supports_training: 1,
      supports_none: 0,
      views_a: 5,
      views_b: 4,
      views_c: 1,
      facets_x: 2,
      facets_y: 3,
      note: '=SUM(A1)',
      why: null,
      legacy: null,
      // views: 5, 4 and reversed 1 -> 5: (5 + 4 + 5) / 3
      score_views_mean: 14 / 3,
      score_life: 7,
    });
  });

  test('when the month is not shown in the group (hidden or withheld), then the row is dated by its wave alone', () => {
    const ctx = context({ group: () => rules({ months: new Set(['2025-03']) }) });
    assert.equal(byName(encodeRow(layout, row(answers), ctx)).submission_month, null);
  });

  test('when a checkbox question is unanswered, then every option column is empty rather than 0', () => {
    const cells = byName(encodeRow(layout, row({ mood: 3, team: 'yes', facets: { x: 1, y: 1 } }), context()));
    assert.deepEqual(
      [cells.supports_peer, cells.supports_none, cells.role, cells.score_views_mean],
      [null, null, null, null],
    );
  });

  test('when too few of the group answered a question, then its columns are blank in the row', () => {
    const withheld = new Set(['mood', 'supports_peer', 'supports_supervision'].map((n) => layout.index.get(n)!));
    const cells = byName(encodeRow(layout, row(answers), context({ group: () => rules({ withheld }) })));
    assert.equal(cells.mood, null);
    assert.equal(cells.supports_peer, null);
    assert.equal(cells.supports_supervision, null);
    assert.equal(cells.life, 7);
  });

  test('when the group may not show free text, then text answers are left out', () => {
    const cells = byName(encodeRow(layout, row(answers), context({ group: () => rules({ freeText: false }) })));
    assert.equal(cells.note, null);
    const unseenGroup = byName(encodeRow(layout, row(answers), context({ group: () => undefined })));
    assert.equal(unseenGroup.note, null);
  });

  test('when a demographic band is not shown in the group, then its code becomes -9', () => {
    const hidden = rules({ demographic: new Map([[roleIndex, { codes: new Set([1]), unanswered: true }]]) });
    const cells = byName(encodeRow(layout, row(answers), context({ group: () => hidden })));
    assert.equal(cells.role, -9);
    const unseenGroup = byName(encodeRow(layout, row(answers), context({ group: () => undefined })));
    assert.equal(unseenGroup.role, -9);
  });

  test('when "unanswered" is a hidden band, then an unanswered demographic is coded -9, else left empty', () => {
    const noRole = { ...answers, role: undefined };
    const shown = byName(encodeRow(layout, row(noRole), context()));
    assert.equal(shown.role, null);
    const hidden = rules({ demographic: new Map([[roleIndex, { codes: new Set([1, 2, 3]), unanswered: false }]]) });
    assert.equal(byName(encodeRow(layout, row(noRole), context({ group: () => hidden }))).role, -9);
  });

  test('when labels are asked for, then codes become their labels and scores stay numbers', () => {
    const cells = byName(encodeRow(layout, row(answers), context({ labels: true })));
    assert.deepEqual(
      [cells.team, cells.role, cells.supports_peer, cells.mood, cells.score_life],
      ['no', 'tm', 'Selected', 4, 7],
    );
  });
});

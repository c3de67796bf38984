import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codebook } from '../../../server/exports/codebook.js';
import { codebookMarkdown } from '../../../server/exports/codebook-formats.js';
import { buildLayout } from '../../../server/codec/columns.js';
import { v1, v2 } from '../../helpers/export-fixtures.js';

const book = codebook(buildLayout([v1(), v2()]));

describe('codebook measures', () => {
  test('when a scale is the same in both versions, then it is listed once with its direction, analysis part and versions', () => {
    assert.deepEqual(
      book.scales.find((s) => s.id === 'js_overall'),
      {
        id: 'js_overall',
        label: 'Overall job satisfaction',
        items: ['js_overall'],
        reversed: [],
        range: [1, 5],
        min_answered: 1,
        higher_is_better: true,
        role: 'outcome',
        survey_versions: [1, 2],
      },
    );
    assert.equal(book.scales.filter((s) => s.id === 'js_overall').length, 1);
  });

  test('when a flag leaves answers out of its base, then the codebook says which, and which way is better', () => {
    const looking = book.flags.find((f) => f.id === 'actively_looking')!;
    assert.deepEqual(
      [looking.question, looking.values, looking.exclude_from_base, looking.higher_is_better, looking.role],
      ['leave_looking', ['yes'], ['prefer_not_to_say'], false, null],
    );
  });

  test('when a question is renamed or added in a version, then each item keeps its own provenance, licence and versions', () => {
    const item = (question: string) => book.items.find((i) => i.question === question)!;
    assert.deepEqual(item('recommend_employer').survey_versions, [1]);
    assert.deepEqual(item('recommend_authority').survey_versions, [2]);
    assert.equal(item('recommend_authority').variable, 'recommend_employer');
    assert.deepEqual([item('support_used').provenance, item('support_used').licence], ['Test item', 'MIT']);
    assert.deepEqual(item('js_overall').survey_versions, [1, 2]);
  });

  test('when written as Markdown, then items, scales and flags each get a table after the variables', () => {
    const md = codebookMarkdown(book);
    assert.match(
      md,
      /## Items: provenance and licence\n\n\| question \| variable \| provenance \| licence \| versions \|/,
    );
    assert.match(md, /\| support_used \| support_used \| Test item \| MIT \| 2 \|/);
    assert.match(
      md,
      /\| js_overall \| Overall job satisfaction \| js_overall \| {2}\| 1 to 5, at least 1 answered \| higher \| outcome \| 1, 2 \|/,
    );
    assert.match(
      md,
      /\| actively_looking \| .* \| leave_looking \| yes \| prefer_not_to_say \| lower \| {2}\| 1, 2 \|/,
    );
  });
});

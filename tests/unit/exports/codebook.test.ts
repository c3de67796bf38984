import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codebook } from '../../../server/exports/codebook.js';
import { codebookCsv, codebookMarkdown } from '../../../server/exports/codebook-formats.js';
import { buildLayout } from '../../../server/codec/columns.js';
import { parseCsv } from '../../../server/workforce/csv.js';
import { v1, v2 } from '../../helpers/export-fixtures.js';

const book = codebook(buildLayout([v1(), v2()]));
const variable = (name: string) => book.variables.find((v) => v.variable === name)!;

describe('codebook', () => {
  test('when built for two versions, then each variable has its wording in both languages, type, codes and versions', () => {
    assert.deepEqual(book.versions, [1, 2]);
    const looking = variable('leave_looking');
    assert.equal(looking.label_cy, "Ydych chi wrthi'n chwilio am swydd arall ar hyn o bryd?");
    assert.deepEqual([looking.type, looking.question_type, looking.measure], ['numeric', 'choice', 'nominal']);
    assert.deepEqual(looking.codes, [
      { code: 1, label_en: 'Yes', label_cy: 'Ydw', missing: false },
      { code: 2, label_en: 'No', label_cy: 'Nac ydw', missing: false },
      { code: 3, label_en: 'Prefer not to say', label_cy: "Mae'n well gen i beidio â dweud", missing: true },
    ]);
    assert.deepEqual(variable('support_used_peer').survey_versions, [2]);
    assert.deepEqual(variable('recommend_employer').source, ['v1: recommend_employer', 'v2: recommend_authority']);
  });

  test('when an item is in a scale or reversed, then the codebook says which', () => {
    assert.deepEqual(variable('practice_model_tick_box').scales, ['practice_model_endorsement']);
    assert.deepEqual(variable('practice_model_tick_box').reversed_in, ['practice_model_endorsement']);
    assert.deepEqual(variable('js_facet_pay').scales, ['js_facets', 'js_pay']);
    assert.equal(variable('score_js_facets').measure, 'scale');
  });

  test('when written as CSV, then there is one row per variable with codes in both languages', () => {
    const [header, ...rows] = parseCsv(codebookCsv(book)).map((r) => r.fields);
    assert.equal(rows.length, book.variables.length);
    const row = Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === 'demo_employment')![i]]));
    assert.match(
      row.codes_en!,
      /^1=Permanent employee of the council; 2=Fixed-term contract with the council; 3=Agency or locum; 4=Prefer not to say; -9=Other\/suppressed \(small group\)$/,
    );
    assert.equal(row.missing_codes, '4; -9');
    assert.match(row.codes_cy!, /^1=Cyflogai parhaol y cyngor;/);
  });

  test('when written as Markdown, then the notes and a table row per variable appear', () => {
    const md = codebookMarkdown(book);
    assert.match(md, /^# Codebook: staff-wellbeing \(survey versions 1, 2\)/);
    assert.match(md, /Submissions are dated by month only/);
    assert.match(md, /withheld whole for a council and wave .* where their combination would single people out/);
    assert.match(md, /\| `leave_looking` \| Are you actively looking for another job at the moment\? \| Ydych chi/);
    assert.equal(md.split('\n').filter((l) => l.startsWith('| `')).length, book.variables.length);
  });
});

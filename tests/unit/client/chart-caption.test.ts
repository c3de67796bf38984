import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chartCaption, shorten, twoLines, wrapText } from '../../../client/charts/caption.js';

describe('chartCaption', () => {
  test('when a chart shows survey waves of one council, then it names the council, the waves and the survey', () => {
    assert.deepEqual(
      chartCaption('Job satisfaction', { council: 'Leicestershire', waves: ['Wave 1', 'Wave 2', 'Wave 3'] }),
      {
        title: 'Job satisfaction',
        subtitle: 'Leicestershire, Wave 1, Wave 2 and Wave 3',
        source: 'Source: staff survey, Leicestershire, Wave 1, Wave 2 and Wave 3',
      },
    );
  });

  test('when a chart uses survey and DfE figures, then both sources are named', () => {
    const c = chartCaption('Turnover', { council: 'Leicestershire', waves: ['Wave 2'], dfe: true });
    assert.equal(
      c.source,
      "Source: staff survey, Leicestershire, Wave 2; DfE children's social work workforce statistics",
    );
  });

  test('when a chart holds DfE figures only, then the survey is not named as a source', () => {
    const c = chartCaption('Vacancy rate', {
      council: 'Leicestershire',
      waves: ['2023', '2024'],
      survey: false,
      dfe: true,
    });
    assert.equal(c.subtitle, 'Leicestershire, 2023 and 2024');
    assert.equal(c.source, "Source: DfE children's social work workforce statistics (Leicestershire, 2023 and 2024)");
  });
});

describe('wrapText', () => {
  // one unit a character, so the widths can be counted by hand
  const measure = (s: string) => s.length;

  test('when the text is wider than the line, then it breaks at spaces, each line within the width', () => {
    assert.deepEqual(wrapText('Source: staff survey, Leicestershire', 14, measure), [
      'Source: staff',
      'survey,',
      'Leicestershire',
    ]);
  });

  test('when one word is wider than the line, then it stays whole on its own line', () => {
    assert.deepEqual(wrapText('a Leicestershire b', 5, measure), ['a', 'Leicestershire', 'b']);
  });

  test('when the text is empty, then there are no lines', () => {
    assert.deepEqual(wrapText('  ', 10, measure), []);
  });
});

describe('shorten', () => {
  test('when a label fits, then it is kept; when not, then it is cut to the limit with an ellipsis', () => {
    assert.equal(shorten('Wave 1', 6), 'Wave 1');
    assert.equal(shorten('Job satisfaction', 8), 'Job sat…');
    assert.equal(shorten('Job satisfaction', 8).length, 8);
  });
});

describe('twoLines', () => {
  test('when a label is longer than a line, then it goes on two lines, the second shortened if need be', () => {
    assert.equal(twoLines('Workload', 16), 'Workload');
    assert.deepEqual(twoLines('Satisfaction: Workload', 16), ['Satisfaction:', 'Workload']);
    assert.deepEqual(twoLines('Feeling that things done in life are worthwhile', 16), [
      'Feeling that',
      'things done in…',
    ]);
  });

  test('when one word is longer than a line, then it is shortened', () => {
    assert.equal(twoLines('Supercalifragilistic', 10), 'Supercali…');
  });
});

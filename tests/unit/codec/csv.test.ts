import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, csvLine, guardCell, unguardCell } from '../../../server/codec/csv.js';
import { parseCsv } from '../../../server/workforce/csv.js';

describe('CSV cells', () => {
  test('when text could run as a spreadsheet formula, then it gets a leading apostrophe that import removes again', () => {
    for (const text of ['=1+1', '+44 7700', '-3', '@SUM(A1)', "'quoted", 'plain', '']) {
      assert.equal(unguardCell(guardCell(text)), text);
    }
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell(-3), '-3');
  });

  test('when a row has commas, quotes, new lines and blanks, then it reads back the same', () => {
    const line = csvLine(['a, b', 'say "hi"', 'two\nlines', null, 4.5]);
    assert.deepEqual(
      parseCsv(line.replace(/\r\n$/, '')).map((r) => r.fields),
      [['a, b', 'say "hi"', 'two\nlines', '', '4.5']],
    );
  });
});

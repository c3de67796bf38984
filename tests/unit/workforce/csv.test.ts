import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv, readCsv } from '../../../server/workforce/csv.js';

describe('parseCsv', () => {
  it('when fields are quoted, then commas and doubled quotes inside them are kept as text', () => {
    const records = parseCsv('a,"b, c","say ""hi"""\n');
    assert.deepEqual(records, [{ line: 1, fields: ['a', 'b, c', 'say "hi"'] }]);
  });

  it('when a quoted field spans lines, then the record reports the line it starts on', () => {
    const records = parseCsv('h1,h2\n"first\nsecond",x\ny,z\n');
    assert.deepEqual(records, [
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['first\nsecond', 'x'] },
      { line: 4, fields: ['y', 'z'] },
    ]);
  });

  it('when the text has CRLF endings and a BOM, then neither leaks into the fields', () => {
    const records = parseCsv('\uFEFFold_la_code,name\r\n301,"Barking\r\nand Dagenham"\r\n');
    assert.deepEqual(records, [
      { line: 1, fields: ['old_la_code', 'name'] },
      { line: 2, fields: ['301', 'Barking\nand Dagenham'] },
    ]);
  });

  it('when there are blank lines, then they are skipped but still counted', () => {
    const records = parseCsv('a\n\nb\n\n');
    assert.deepEqual(records, [
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('when a field is empty or quoted empty, then it comes back as an empty string', () => {
    assert.deepEqual(parseCsv('a,,"",b'), [{ line: 1, fields: ['a', '', '', 'b'] }]);
  });

  it('when the input is a stream of lines, then it parses like the same text', () => {
    assert.deepEqual([...readCsv(['\uFEFFa,"b', 'c"', 'd,e'])], parseCsv('\uFEFFa,"b\nc"\nd,e'));
  });

  it('when a quote is never closed, then the error names the line the field started on', () => {
    assert.throws(() => parseCsv('a,b\nc,"open\nmore\n'), { name: 'WorkforceFileError', line: 2, column: null });
  });

  it('when text follows a closing quote, then the error names that line', () => {
    assert.throws(() => parseCsv('a,b\n"c"d,e\n'), { name: 'WorkforceFileError', line: 2 });
  });
});

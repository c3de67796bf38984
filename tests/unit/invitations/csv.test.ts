import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ADDRESSES, parseAddressList } from '../../../server/invitations/csv.js';

describe('parseAddressList', () => {
  test('when the file has a BOM, a header, quotes, Windows line ends and blank rows, then only the addresses remain', () => {
    const parsed = parseAddressList('\uFEFFEmail Address\r\n"ann@council.example"\r\n\r\nbob@council.example,\r\n');
    assert.deepEqual(parsed, {
      addresses: ['ann@council.example', 'bob@council.example'],
      duplicates: 0,
      problems: [],
    });
  });

  test('when an address repeats in another case, then it is kept once and counted as a duplicate', () => {
    const parsed = parseAddressList('Ann@Council.example\nann@council.example\nANN@COUNCIL.EXAMPLE\n');
    assert.deepEqual(parsed.addresses, ['Ann@Council.example']);
    assert.equal(parsed.duplicates, 2);
  });

  test('when rows are wrong, then each problem names its line and value', () => {
    const parsed = parseAddressList(
      [
        'ok@council.example',
        'no-at-sign',
        'two@council.example,three@council.example',
        'dot..dot@council.example',
        'x@nodot',
        'x@council.example ',
        `${'a'.repeat(65)}@council.example`,
        'email',
      ].join('\n'),
    );
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.problem]),
      [
        [2, 'is not an email address (no @)'],
        [3, 'has more than one value; put one address per row'],
        [4, 'is not a valid email address'],
        [5, 'is not a valid email address'],
        [7, 'is not a valid email address'],
        [8, 'is not an email address (no @)'],
      ],
    );
    assert.deepEqual(parsed.addresses, ['ok@council.example', 'x@council.example']);
  });

  test('when the file is empty or too long, then that is the problem', () => {
    assert.deepEqual(
      parseAddressList('\n\n').problems.map((p) => p.problem),
      ['the list holds no addresses'],
    );
    const long = Array.from({ length: MAX_ADDRESSES + 1 }, (_, i) => `p${i}@council.example`).join('\n');
    assert.match(parseAddressList(long).problems[0]!.problem, /the most one upload takes is 20000/);
  });
});

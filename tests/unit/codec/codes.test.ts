import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLookup, valueKey } from '../../../server/codec/codes.js';

describe('codeLookup', () => {
  // a column's codes as assignCodes makes them: keyed by each value's JSON text
  const codes = new Map<string, number>([
    [valueKey(1), 1],
    [valueKey(5), 5],
    [valueKey(0), 0],
    [valueKey('agree'), 1],
    [valueKey('1'), 2],
    [valueKey(null), 7],
  ]);
  const codeOf = codeLookup(codes);

  test('when answers are numbers, text, or null, then each gets the code its JSON text has', () => {
    for (const value of [1, 5, 0, -0, 'agree', '1', null, 2, 'disagree', true, undefined, 1.5])
      assert.equal(codeOf(value), codes.get(valueKey(value)), `value ${String(value)}`);
    assert.equal(codeOf('1'), 2); // text "1" is not the number 1
    assert.equal(codeOf(1), 1);
  });

  test('when an answer is an object or not a finite number, then it is looked up by its JSON text', () => {
    // JSON writes NaN and Infinity as null
    assert.equal(codeOf(Number.NaN), 7);
    assert.equal(codeOf(Number.POSITIVE_INFINITY), 7);
    assert.equal(codeOf([1]), undefined);
    assert.equal(codeOf({ a: 1 }), undefined);
    const withObject = codeLookup(new Map([[valueKey({ a: 1 }), 3]]));
    assert.equal(withObject({ a: 1 }), 3);
  });
});

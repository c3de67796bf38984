import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Column } from '../../../server/codec/columns.js';
import { createCaseWriter } from '../../../server/exports/sav/cases.js';
import { savVariables, segmentWidths } from '../../../server/exports/sav/variables.js';

const column = (name: string, type: 'numeric' | 'string', width = 8): Column => ({
  name,
  kind: type === 'string' ? 'text' : 'rating',
  type,
  label: { en: name, cy: null },
  measure: 'nominal',
  codes: [],
  missing: [],
  width,
  demographic: false,
  scales: [],
  reversedIn: [],
  versions: [1],
  sources: [],
});

describe('SPSS layout', () => {
  test('when a string is wider than 255 bytes, then it is split into 255-byte segments with the remainder last', () => {
    assert.deepEqual(segmentWidths(10), [10]);
    assert.deepEqual(segmentWidths(255), [255]);
    // 600 bytes: ceil(600 / 252) = 3 segments, the last 600 - 2 * 252 = 96 wide
    assert.deepEqual(segmentWidths(600), [255, 255, 96]);
    assert.deepEqual(segmentWidths(4000), [...Array(15).fill(255), 4000 - 15 * 252]);
  });

  test('when variables are laid out, then each has a short name and its first element position', () => {
    const { variables, caseElements } = savVariables([
      column('a', 'numeric'),
      column('b', 'string', 10),
      column('c', 'string', 600),
    ]);
    assert.deepEqual(
      variables.map((v) => [v.shortName, v.firstElement, v.segments.map((s) => s.shortName)]),
      [
        ['V1', 1, ['V1']],
        ['V2', 2, ['V2']],
        ['V3', 4, ['V3', 'S3_1', 'S3_2']],
      ],
    );
    // 1 + 2 + (32 + 32 + 12)
    assert.equal(caseElements, 79);
  });

  test('when a case is compressed, then small whole numbers, missing, raw values and blank strings get their byte codes', () => {
    const { variables } = savVariables([
      column('a', 'numeric'),
      column('b', 'numeric'),
      column('c', 'numeric'),
      column('d', 'string', 10),
      column('e', 'numeric'),
    ]);
    const writer = createCaseWriter(variables);
    writer.write([1, null, 3.5, 'abc', -9]);
    const out = writer.end();
    // commands: 1 + 100, system-missing, raw, raw 'abc     ', all spaces, -9 + 100, then padding
    assert.deepEqual([...out.subarray(0, 8)], [101, 255, 253, 253, 254, 91, 0, 0]);
    assert.equal(out.readDoubleLE(8), 3.5);
    assert.equal(out.subarray(16, 24).toString(), 'abc     ');
    assert.equal(out.length, 24);
  });

  test('when cases are taken part-way, then only whole command blocks leave and the rest follows later', () => {
    const { variables } = savVariables([column('a', 'numeric'), column('b', 'numeric'), column('c', 'numeric')]);
    const writer = createCaseWriter(variables);
    writer.write([1, 2, 3]);
    writer.write([4, 5, 6]);
    assert.equal(writer.take().length, 0);
    writer.write([7, 8, 9]);
    assert.deepEqual([...writer.take()], [101, 102, 103, 104, 105, 106, 107, 108]);
    assert.deepEqual([...writer.end()], [109, 0, 0, 0, 0, 0, 0, 0]);
  });

  // The cases' 8-byte elements in order (the command bytes dropped, "eight spaces" written out).
  const elements = (out: Buffer) => {
    const parts: Buffer[] = [];
    for (let block = 0; block < out.length;) {
      const commands = [...out.subarray(block, block + 8)];
      let at = block + 8;
      for (const c of commands) {
        if (c === 253) parts.push(out.subarray(at, (at += 8)));
        else if (c === 254) parts.push(Buffer.from(' '.repeat(8)));
      }
      block = at;
    }
    return Buffer.concat(parts);
  };

  test('when text is longer than its width, then it is cut at a character boundary', () => {
    const { variables } = savVariables([column('d', 'string', 5), column('e', 'string', 5)]);
    const writer = createCaseWriter(variables);
    // 'ŵ' is two bytes: a third would end at byte 6, past the width
    writer.write(['ŵŵŵ', 'abc']);
    assert.equal(elements(writer.end()).toString('utf8'), 'ŵŵ    abc     ');
  });

  test('when a very long string is written, then each segment holds the next 255 bytes, blank past the end', () => {
    const { variables } = savVariables([column('t', 'string', 600)]);
    const writer = createCaseWriter(variables);
    // the two-byte 'ŵ' takes bytes 254 and 255: the segments split it, as the format splits bytes
    const bytes = Buffer.from(`${'x'.repeat(254)}ŵ${'y'.repeat(40)}`, 'utf8');
    writer.write([bytes.toString('utf8')]);
    const out = elements(writer.end());
    // segments of 32, 32 and 12 elements: the first holds bytes 0-254 and a space, the second the rest
    assert.equal(out.length, (32 + 32 + 12) * 8);
    assert.deepEqual(out.subarray(0, 255), bytes.subarray(0, 255));
    assert.equal(out[255], 0x20);
    assert.deepEqual(out.subarray(256, 256 + 41), bytes.subarray(255));
    assert.ok(out.subarray(256 + 41).every((b) => b === 0x20));
  });
});

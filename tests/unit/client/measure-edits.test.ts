import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, problemTarget, type FlagEdit, type ScaleEdit } from '../../../client/admin/measure-edits.js';

const definition = {
  id: 'pulse',
  scales: [
    { id: 'energy', label: 'Energy', items: ['a', 'b'], reverse: [], range: [1, 5], scoring: 'mean', minAnswered: 1 },
    { id: 'recommend', label: 'Recommend', items: ['r'], reverse: [], range: [0, 10], scoring: 'mean', minAnswered: 1 },
  ],
  flags: [{ id: 'overtime_yes', label: 'Overtime', question: 'overtime', values: ['yes'] }],
  demographics: ['team'],
};
const keepScale = (i: number): ScaleEdit => {
  const s = definition.scales[i]!;
  return {
    keep: true,
    id: s.id,
    label: s.label,
    items: s.items.join(', '),
    reverse: '',
    minAnswered: '1',
    better: '',
    role: '',
  };
};
const keepFlag: FlagEdit = {
  keep: true,
  id: 'overtime_yes',
  label: 'Overtime',
  question: 'overtime',
  values: 'yes',
  better: '',
  role: '',
};

describe('applyEdits', () => {
  test('when nothing is changed, then the definition comes back the same', () => {
    const edits = { scales: [keepScale(0), keepScale(1)], flags: [keepFlag], demographics: ['team'] };
    assert.deepEqual(applyEdits(definition, edits), definition);
  });

  test('when a scale is renamed, given a direction and a role, and another dropped, then only the kept one is sent, changed', () => {
    const energy = { ...keepScale(0), id: 'vigour', label: 'Vigour', items: 'a, b, c', reverse: 'c', minAnswered: '2' };
    const edits = {
      scales: [
        { ...energy, better: 'higher' as const, role: 'outcome' as const },
        { ...keepScale(1), keep: false },
      ],
      flags: [{ ...keepFlag, better: 'lower' as const, role: 'driver' as const }],
      demographics: [],
    };
    const out = applyEdits(definition, edits);
    assert.deepEqual(out.scales, [
      {
        id: 'vigour',
        label: 'Vigour',
        items: ['a', 'b', 'c'],
        reverse: ['c'],
        range: [1, 5],
        scoring: 'mean',
        minAnswered: 2,
        higherIsBetter: true,
        outcome: true,
      },
    ]);
    assert.deepEqual(out.flags, [{ ...definition.flags[0], higherIsBetter: false, driver: true }]);
    assert.deepEqual(out.demographics, []);
  });

  test('when a number field holds words, then they are sent as typed for the server to name the problem', () => {
    const out = applyEdits(definition, {
      scales: [{ ...keepScale(0), minAnswered: 'two' }],
      flags: [],
      demographics: [],
    });
    assert.equal((out.scales as { minAnswered: unknown }[])[0]!.minAnswered, 'two');
  });

  test('when a flag counts numeric answers, then the values typed are sent as numbers', () => {
    const numeric = { ...definition, flags: [{ ...definition.flags[0]!, values: [4, 5] }] };
    const out = applyEdits(numeric, { scales: [], flags: [{ ...keepFlag, values: '4, 5' }], demographics: [] });
    assert.deepEqual((out.flags as { values: unknown[] }[])[0]!.values, [4, 5]);
  });
});

describe('problemTarget', () => {
  test('when a scale before it was dropped, then a problem in the second scale sent points at the third row', () => {
    const edits = {
      scales: [keepScale(0), { ...keepScale(1), keep: false }, keepScale(0)],
      flags: [],
      demographics: [],
    };
    assert.deepEqual(problemTarget('$.scales[1].items[0]', edits), { kind: 'scales', row: 2, field: 'items' });
    assert.deepEqual(problemTarget('$.scales[0]', edits), { kind: 'scales', row: 0, field: 'id' });
    assert.equal(problemTarget('$.survey.pages[0]', edits), null);
  });
});

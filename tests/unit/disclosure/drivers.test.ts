import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { councilJoinsArmDrivers, driverBaseShown, driverGroupRefusal } from '../../../server/disclosure/drivers.js';
import { outcomeResults } from '../../../server/reports/drivers/publish.js';
import type { SurveyDefinition } from '../../../server/surveys/definition.js';
import { assertClose } from '../../helpers/approx.js';

describe('driverBaseShown', () => {
  test('when the complete answers are one below, exactly at and one above the driver minimum of 30, then only the last two are shown', () => {
    assert.equal(driverBaseShown(29, 30, 10), false);
    assert.equal(driverBaseShown(30, 30, 10), true);
    assert.equal(driverBaseShown(31, 30, 10), true);
  });

  test('when the driver minimum is below the minimum group size, then nothing is decided', () => {
    assert.throws(() => driverBaseShown(50, 9, 10), /driver minimum must be a whole number >= 10/);
    assert.throws(() => driverBaseShown(50, 30.5, 10), /whole number/);
  });

  test('when the minimum group size is at its floor of 5, then a driver minimum of 5 works and 4 is refused', () => {
    assert.equal(driverBaseShown(4, 5, 5), false);
    assert.equal(driverBaseShown(5, 5, 5), true);
    assert.throws(() => driverBaseShown(50, 4, 4), /minimum group size must be a whole number >= 5/);
  });
});

describe('driverGroupRefusal', () => {
  test('when results are not published, then that is the reason, whatever was stored', () => {
    assert.equal(driverGroupRefusal({ published: false, storedMatchesPublished: true }), 'not-published');
    assert.equal(driverGroupRefusal({ published: false, storedMatchesPublished: false }), 'not-published');
  });

  test('when responses were stored after publication, then the group is refused, else it may be analysed', () => {
    assert.equal(driverGroupRefusal({ published: true, storedMatchesPublished: false }), 'changed-since-publication');
    assert.equal(driverGroupRefusal({ published: true, storedMatchesPublished: true }), null);
  });
});

describe('councilJoinsArmDrivers', () => {
  test('when the council published 9, 10 or 11 responses (minimum 10), then only the last two join', () => {
    assert.equal(councilJoinsArmDrivers(9, [9], 10), false);
    assert.equal(councilJoinsArmDrivers(10, [10], 10), true);
    assert.equal(councilJoinsArmDrivers(11, [11], 10), true);
  });

  test("when a council's complete answers for one outcome are 1 to 9, then it stays out: the arm less a 40-strong council would be those few", () => {
    assert.equal(councilJoinsArmDrivers(40, [38, 9], 10), false);
    assert.equal(councilJoinsArmDrivers(12, [1, 12], 10), false);
  });

  test('when its complete answers are none or at least the minimum for every outcome, then it joins', () => {
    assert.equal(councilJoinsArmDrivers(12, [0, 10], 10), true);
    assert.equal(councilJoinsArmDrivers(12, [0, 0], 10), true);
  });
});

// A survey with one outcome scale y and one driver scale x; nothing else is read.
const def = {
  scales: [
    { id: 'y', label: 'Outcome', outcome: true, higherIsBetter: true },
    { id: 'x', label: 'Driver', driver: true },
  ],
  flags: [],
} as unknown as SurveyDefinition;
const rows = [
  { x: 1, y: 2 },
  { x: 2, y: 4 },
  { x: 3, y: 5 },
  { x: 4, y: 4 },
  { x: 5, y: 5 },
  { x: null, y: 1 }, // not a complete answer
];

describe('outcomeResults: what leaves', () => {
  // Σdx·dy = 6, Σdx² = 10, Σdy² = 6: r = 6/√60 = 0.774597; with one driver the standardised slope
  // is r, its SE √((1 − r²)/(n − 2)) = √(0.4/3) = 0.365148, on 3 df.
  test('when 5 complete answers meet a driver minimum of 5, then r, the standardised slope, its SE, n and df leave, and nothing else', () => {
    const [out] = outcomeResults(def, rows, { driverMin: 5, min: 5 });
    assert.ok(out?.shown);
    assert.deepEqual(Object.keys(out).sort(), [
      'df',
      'drivers',
      'higherIsBetter',
      'id',
      'kind',
      'label',
      'model',
      'modelUnavailable',
      'n',
      'shown',
    ]);
    assert.deepEqual([out.n, out.df, out.model], [5, 3, 'linear']);
    const [driver] = out.drivers;
    assert.deepEqual(Object.keys(driver!).sort(), ['correlation', 'higherIsBetter', 'id', 'kind', 'label', 'model']);
    assert.deepEqual(Object.keys(driver!.correlation!).sort(), ['ci95', 'n', 'r']);
    assert.deepEqual(Object.keys(driver!.model!).sort(), ['ci95', 'estimate', 'se']);
    assertClose(driver!.correlation!.r, 0.774597, 1e-6);
    assertClose(driver!.model!.estimate, 0.774597, 1e-6);
    assertClose(driver!.model!.se, 0.365148, 1e-6);
  });

  test('when the same 5 complete answers meet a driver minimum of 6, then the outcome is words only, with no count', () => {
    const [out] = outcomeResults(def, rows, { driverMin: 6, min: 5 });
    assert.deepEqual(out, {
      shown: false,
      id: 'y',
      label: 'Outcome',
      kind: 'scale',
      reason: 'below-driver-minimum',
      explanation:
        'Driver analysis needs at least 6 people who answered this and every candidate driver. Fewer did here, so no figures are shown.',
    });
  });

  test('when the group is refused, then every outcome carries the reason and no figure', () => {
    const [out] = outcomeResults(def, 'changed-since-publication', { driverMin: 5, min: 5 });
    assert.equal(out?.shown, false);
    assert.equal(out?.shown === false && out.reason, 'changed-since-publication');
    assert.ok(!('n' in out!));
  });
});

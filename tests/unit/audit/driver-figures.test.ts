import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { driverFindings, type DriverRead } from '../../../server/audit/driver-figures.js';
import type { Respondent } from '../../../server/audit/unknowns.js';
import { valuesOf } from '../../../server/reports/drivers/analysis.js';
import { outcomeResults } from '../../../server/reports/drivers/publish.js';
import { testSurveys } from '../../helpers/app.js';
import { times } from '../../helpers/counters.js';
import { driverAnswers, generator } from '../../helpers/driver-data.js';

const def = testSurveys().get('staff-wellbeing', 1);
const LIMITS = { min: 10, driverMin: 30 };
const random = generator(19);

let next = 0;
const person = (council: string, answers = driverAnswers(random)): Respondent => ({
  id: `r${next++}`,
  council,
  arm: 'pilot',
  wave: 'w1',
  day: '2025-02-10',
  def,
  answers,
});
// 855: 40 people, all complete. 857: 12 people, of whom 9 hold no caseload (outside the caseload
// driver's base): 3 complete answers.
const big = times(40, () => person('855', { ...driverAnswers(random), caseload_children: '11_15' }));
const small = times(12, (i) => person('857', { ...driverAnswers(random), caseload_children: i < 9 ? 'none' : '1_10' }));
const people = [...big, ...small];

// What the platform's own publishing code makes of a group, as a read.
function read(key: string, councils: string[], overrides: Partial<DriverRead> = {}, driverMin = 30): DriverRead {
  const rows = people.filter((r) => councils.includes(r.council)).map((r) => valuesOf(def, r.answers));
  const outcomes = outcomeResults(def, rows, { driverMin, min: 10 });
  const arm = key.startsWith('arm');
  const head = arm ? ['wave', 'driverMinGroupSize', 'arms', 'arm', 'councils', 'outcomes'] : ['council', 'outcomes'];
  return { source: key, key, wave: 'w1', councils, arm, published: true, head, outcomes, ...overrides };
}
const problems = (reads: DriverRead[]) => driverFindings(reads, people, LIMITS).findings.map((f) => f.problem);

describe('driverFindings', () => {
  const normal = [read('council 855', ['855']), read('council 857', ['857']), read('arm pilot', ['855'])];

  test('when each council and the arm are published as the rules say, and read twice, then nothing is found', () => {
    assert.equal((normal[0]!.outcomes[0] as { shown: boolean }).shown, true);
    assert.deepEqual(driverFindings([...normal, ...normal], people, LIMITS), { findings: [], mismatches: [] });
  });

  test('when an arm gathers the small council with 3 complete answers beside the 40, then both the gathering and the 3-person difference are reported', () => {
    const found = problems([...normal.slice(0, 2), read('arm pilot', ['855', '857'])]);
    assert.deepEqual(found, [
      'gathers council 857 with 3 complete answers for js_overall',
      'gathers council 857 with 3 complete answers for intends_to_leave_12m',
      "its sample is council 855's and 3 more people (js_overall)",
      "its sample is council 855's and 3 more people (intends_to_leave_12m)",
    ]);
    const withNobody = problems([{ ...read('arm pilot', ['855']), councils: ['855', '858'] }]);
    assert.deepEqual(withNobody, ['gathers council 858 of 0 people']);
  });

  test('when an analysis publishes an intercept, a driver its sample mean or the body residuals, then each field is named', () => {
    const [outcome, ...rest] = normal[0]!.outcomes as { drivers: { id: string }[] }[];
    const drivers = [{ ...outcome!.drivers[0]!, mean: 3.2 }, ...outcome!.drivers.slice(1)];
    const broken = { ...normal[0]!, outcomes: [{ ...outcome, intercept: 1.5, drivers }, ...rest] };
    const id = outcome!.drivers[0]!.id;
    assert.deepEqual(problems([broken]), [`publishes fields the rules do not allow: intercept, drivers.${id}.mean`]);
    const besideOutcomes = { ...normal[0]!, head: [...normal[0]!.head, 'residuals'] };
    assert.deepEqual(problems([besideOutcomes]), ['publishes fields the rules do not allow: residuals']);
  });

  test('when the second read of a group differs from the first, then the change is reported, and the count the auditor cannot match too', () => {
    const [outcome, ...rest] = normal[0]!.outcomes as { n: number }[];
    const later = { ...normal[0]!, outcomes: [{ ...outcome, n: 41 }, ...rest] };
    const result = driverFindings([normal[0]!, later], people, LIMITS);
    assert.deepEqual(
      result.findings.map((f) => f.problem),
      ['js_overall differs from what the same group published before'],
    );
    assert.deepEqual(result.mismatches, [
      { source: 'council 855', fn: 'drivers|js_overall', published: 41, computed: 40 },
    ]);
  });

  test('when a group whose results are not published, or one below the driver minimum, is analysed, then each is reported', () => {
    const unpublished = problems([read('council 855', ['855'], { published: false })]);
    assert.deepEqual(unpublished, [
      'js_overall is analysed over a group whose results are not published',
      'intends_to_leave_12m is analysed over a group whose results are not published',
    ]);
    // 855's first 25 people analysed with a driver minimum lowered to 20 by mistake
    const few = read('council 855', ['855'], {}, 20);
    const found = driverFindings([few], [...big.slice(0, 25), ...small], LIMITS).findings.map((f) => f.problem);
    assert.ok(found.includes('js_overall is over 25 complete answers, fewer than the driver minimum 30'), found.join());
  });
});

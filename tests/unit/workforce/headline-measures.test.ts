import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIndicators, SYMBOL_MEANINGS } from '../../../server/workforce/indicators.js';
import { readFixture } from '../../helpers/workforce-files.js';

describe('parseIndicators on the older headline-measures layout', () => {
  const parsed = parseIndicators(readFixture('csww_headline_measures_2021_to_2022.csv'));
  const find = (year: number, code: string) => parsed.records.find((r) => r.year === year && r.areaCode === code);

  it('when the header has social_worker_fte, then the file is read as the headline-measures layout', () => {
    assert.equal(parsed.layout, 'headline_measures');
    assert.equal(parsed.records.length, 24);
    assert.deepEqual(parsed.skipped, []);
  });

  it('when columns are renamed in the old layout, then they map onto the same measures', () => {
    const england = find(2022, 'E92000001')?.measures;
    assert.deepEqual(england?.inpostFte, { value: 31634.1 });
    assert.deepEqual(england?.inpostHeadcount, { value: 33689 });
    assert.deepEqual(england?.leaversFte, { value: 5422 });
    assert.deepEqual(england?.turnoverRateFte, { value: 17.2 });
    assert.deepEqual(england?.agencyRateFte, { value: 17.6 });
    assert.deepEqual(england?.vacancyRateFte, { value: 20 });
    assert.deepEqual(england?.caseloadFte, { value: 16.6 });
  });

  it('when the old layout has no starters or case-holder columns, then those measures are null, not 0', () => {
    const measures = find(2022, '390')?.measures;
    assert.equal(measures?.startersFte, null);
    assert.equal(measures?.caseHoldersFte, null);
    assert.equal(measures?.cases, null);
    assert.equal(measures?.workingDaysLostFte, null);
  });

  it('when old-layout cells hold symbols, then they stay symbols', () => {
    assert.deepEqual(find(2022, '390')?.measures.leaversFte, { symbol: 'u', meaning: SYMBOL_MEANINGS.u });
    assert.deepEqual(find(2022, '207')?.measures.agencyFte, { symbol: 'x', meaning: SYMBOL_MEANINGS.x });
    assert.deepEqual(find(2021, '857')?.measures.absenceRateFte, { symbol: 'low', meaning: SYMBOL_MEANINGS.low });
  });

  it('when the old layout has a joint return and London sub-regions, then they are handled as in the current layout', () => {
    assert.deepEqual(find(2022, '940 / 941')?.memberCodes, ['940', '941']);
    assert.equal(find(2022, 'E13000001')?.subRegion, true);
    assert.equal(find(2022, 'E12000007')?.subRegion, false);
    assert.equal(find(2022, '810')?.name, 'Kingston upon Hull, City of');
  });
});

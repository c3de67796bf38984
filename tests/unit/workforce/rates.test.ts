import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseIndicators,
  recomputeRates,
  roundOneDecimal,
  type Measures,
} from '../../../server/workforce/indicators.js';
import { readDfeFile } from '../../helpers/workforce-files.js';

const counts = (inpost: number, leavers: number, agency: number, vacancy: number, cases: number, holders: number) =>
  ({
    inpostFte: { value: inpost },
    leaversFte: { value: leavers },
    agencyFte: { value: agency },
    vacancyFte: { value: vacancy },
    cases: { value: cases },
    caseHoldersFte: { value: holders },
  }) satisfies Partial<Measures>;

describe('recomputeRates', () => {
  it('when counts are given, then rates follow the DfE definitions as percentages', () => {
    // 10 leavers / 100 in post; 25 agency / (25 + 100); 0 vacancies; 300 cases / 20 holders
    assert.deepEqual(recomputeRates(counts(100, 10, 25, 0, 300, 20)), {
      turnoverRateFte: 10,
      agencyRateFte: 20,
      vacancyRateFte: 0,
      caseloadFte: 15,
    });
  });

  it('when an input is a symbol or a denominator is 0, then the rate is null rather than 0', () => {
    // shaped like the Isles of Scilly: nobody in post, 3 vacancies, 1 case holder
    const rates = recomputeRates({
      ...counts(0, 0, 0, 3, 6, 1),
      agencyFte: { symbol: 'low', meaning: 'rounds to 0 but is not 0' },
    });
    assert.deepEqual(rates, { turnoverRateFte: null, agencyRateFte: null, vacancyRateFte: 100, caseloadFte: 6 });
  });

  it('when the national 2025 row is recomputed, then it reproduces the published rates to one decimal', () => {
    const { records } = parseIndicators(readDfeFile('csww_indicators_2017_to_2025.csv'));
    const england = records.find((r) => r.year === 2025 && r.level === 'national');
    assert.ok(england);
    const rates = recomputeRates(england.measures);
    const published = england.measures;
    assert.deepEqual(published.turnoverRateFte, { value: roundOneDecimal(rates.turnoverRateFte ?? NaN) });
    assert.deepEqual(published.agencyRateFte, { value: roundOneDecimal(rates.agencyRateFte ?? NaN) });
    assert.deepEqual(published.vacancyRateFte, { value: roundOneDecimal(rates.vacancyRateFte ?? NaN) });
    assert.deepEqual(published.caseloadFte, { value: roundOneDecimal(rates.caseloadFte ?? NaN) });
  });

  it('when a value sits on a half, then it rounds away from zero as DfE publish', () => {
    assert.equal(roundOneDecimal(11.85), 11.9);
    assert.equal(roundOneDecimal(11.84), 11.8);
    assert.equal(roundOneDecimal(0), 0);
  });
});

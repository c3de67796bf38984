import { valueOf, type Measures } from './measures.js';

export interface RecomputedRates {
  turnoverRateFte: number | null;
  agencyRateFte: number | null;
  vacancyRateFte: number | null;
  caseloadFte: number | null;
}

type RateInputs = Pick<Measures, 'inpostFte' | 'leaversFte' | 'agencyFte' | 'vacancyFte' | 'cases' | 'caseHoldersFte'>;

const ratio = (numerator: number | null, denominator: number | null): number | null =>
  numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;

const percent = (fraction: number | null): number | null => (fraction === null ? null : fraction * 100);

const plus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

// DfE's published definitions, unrounded, rates as percentages (17.1 means 17.1%). A rate is
// null when any input is a symbol or absent: a suppressed count must not be guessed at.
// DfE compute from unrounded counts and leave out councils with unreliable returns, so a
// recomputed rate can differ from the published one by 0.1 or more in some years.
export function recomputeRates(measures: RateInputs): RecomputedRates {
  const inpost = valueOf(measures.inpostFte);
  const agency = valueOf(measures.agencyFte);
  const vacancy = valueOf(measures.vacancyFte);
  return {
    turnoverRateFte: percent(ratio(valueOf(measures.leaversFte), inpost)),
    agencyRateFte: percent(ratio(agency, plus(agency, inpost))),
    vacancyRateFte: percent(ratio(vacancy, plus(vacancy, inpost))),
    caseloadFte: ratio(valueOf(measures.cases), valueOf(measures.caseHoldersFte)),
  };
}

// Half away from zero, as DfE publish; the epsilon stops 11.85 stored as 11.8499… rounding down.
export const roundOneDecimal = (x: number): number => (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;

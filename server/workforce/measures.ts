// DfE's standard symbols. None is a number and none may be read as 0: 'low' is a real but
// tiny value, and 'u' in these files replaces the value entirely (it is not a flag beside one).
export const SYMBOL_MEANINGS = {
  c: 'suppressed to protect confidentiality',
  x: 'not available',
  z: 'not applicable',
  low: 'rounds to 0 but is not 0',
  u: 'low reliability; value withheld',
} as const;

export type DfeSymbol = keyof typeof SYMBOL_MEANINGS;
export type Measure = { value: number } | { symbol: DfeSymbol; meaning: string };

export const MEASURE_KEYS = [
  'inpostFte',
  'inpostHeadcount',
  'startersFte',
  'startersHeadcount',
  'leaversFte',
  'leaversHeadcount',
  'turnoverRateFte',
  'turnoverRateHeadcount',
  'agencyFte',
  'agencyHeadcount',
  'agencyRateFte',
  'agencyRateHeadcount',
  'agencyCoverFte',
  'agencyCoverRateFte',
  'vacancyFte',
  'vacancyRateFte',
  'vacancyAgencyCoverRateFte',
  'caseHoldersFte',
  'cases',
  'caseloadFte',
  'workingDaysLostFte',
  'absenceRateFte',
] as const;

export type MeasureKey = (typeof MEASURE_KEYS)[number];
// null = the layout has no such column, which is different from a symbol in a cell.
export type Measures = Record<MeasureKey, Measure | null>;

const NUMBER = /^\d+(?:\.\d+)?$/;

export function parseMeasure(raw: string): Measure | undefined {
  const text = raw.trim();
  if (NUMBER.test(text)) return { value: Number(text) };
  const symbol = text.toLowerCase();
  if (Object.hasOwn(SYMBOL_MEANINGS, symbol)) {
    const known = symbol as DfeSymbol;
    return { symbol: known, meaning: SYMBOL_MEANINGS[known] };
  }
  return undefined;
}

export const valueOf = (measure: Measure | null): number | null =>
  measure && 'value' in measure ? measure.value : null;

export type LayoutName = 'indicators' | 'headline_measures';

interface Layout {
  name: LayoutName;
  // a column only this layout has, used to tell the layouts apart
  marker: string;
  columns: Partial<Record<MeasureKey, string>>;
  // the headline figures an import is pointless without; the rest become null when absent
  required: MeasureKey[];
}

const CURRENT: Layout = {
  name: 'indicators',
  marker: 'inpost_fte',
  columns: {
    inpostFte: 'inpost_fte',
    inpostHeadcount: 'inpost_headcount',
    startersFte: 'starters_fte',
    startersHeadcount: 'starters_headcount',
    leaversFte: 'leavers_fte',
    leaversHeadcount: 'leavers_headcount',
    turnoverRateFte: 'turnover_rate_fte',
    turnoverRateHeadcount: 'turnover_rate_headcount',
    agencyFte: 'agency_fte',
    agencyHeadcount: 'agency_headcount',
    agencyRateFte: 'agency_rate_fte',
    agencyRateHeadcount: 'agency_rate_headcount',
    agencyCoverFte: 'agency_cover_fte',
    agencyCoverRateFte: 'agency_cover_rate_fte',
    vacancyFte: 'vacancy_fte',
    vacancyRateFte: 'vacancy_rate_fte',
    vacancyAgencyCoverRateFte: 'vacancy_agency_cover_rate_fte',
    caseHoldersFte: 'case_holders_fte',
    cases: 'cases',
    caseloadFte: 'caseload_fte',
    workingDaysLostFte: 'working_days_lost_fte',
    absenceRateFte: 'absence_rate_fte',
  },
  required: [
    'inpostFte',
    'inpostHeadcount',
    'startersFte',
    'leaversFte',
    'turnoverRateFte',
    'agencyFte',
    'agencyRateFte',
    'vacancyFte',
    'vacancyRateFte',
    'caseHoldersFte',
    'cases',
    'caseloadFte',
    'absenceRateFte',
  ],
};

// The 2017-2022 "headline measures" release: other names, rates suffixed _%, no starters.
const HEADLINE_MEASURES: Layout = {
  name: 'headline_measures',
  marker: 'social_worker_fte',
  columns: {
    inpostFte: 'social_worker_fte',
    inpostHeadcount: 'social_worker_headcount',
    leaversFte: 'leaver_fte',
    leaversHeadcount: 'leaver_headcount',
    turnoverRateFte: 'turnover_rate_fte_%',
    turnoverRateHeadcount: 'turnover_rate_headcount_%',
    agencyFte: 'agency_worker_fte',
    agencyHeadcount: 'agency_worker_headcount',
    agencyRateFte: 'agency_worker_rate_fte_%',
    agencyRateHeadcount: 'agency_worker_rate_headcount_%',
    agencyCoverRateFte: 'agency_cover_rate_fte_%',
    vacancyFte: 'vacancy_fte',
    vacancyRateFte: 'vacancy_rate_fte_%',
    vacancyAgencyCoverRateFte: 'vacancy_agency_cover_rate_fte_%',
    caseloadFte: 'caseload_fte',
    absenceRateFte: 'absence_rate_fte_%',
  },
  required: [
    'inpostFte',
    'inpostHeadcount',
    'leaversFte',
    'turnoverRateFte',
    'agencyRateFte',
    'vacancyRateFte',
    'caseloadFte',
  ],
};

export const LAYOUTS: readonly Layout[] = [CURRENT, HEADLINE_MEASURES];
export type { Layout };

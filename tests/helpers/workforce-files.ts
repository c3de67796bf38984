import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

// The real DfE files: from shared/ beside the repo (as in CI and locally), else the identical
// copies the repo carries for its demo, so a clone elsewhere still tests against real data.
export const readDfeFile = (name: string): string => {
  const shared = path.resolve(repoRoot, '../shared/data/dfe', name);
  return readFileSync(existsSync(shared) ? shared : path.resolve(repoRoot, 'server/demo/data', name), 'utf8');
};

export const readFixture = (name: string): string =>
  readFileSync(path.resolve(repoRoot, 'tests/fixtures/workforce', name), 'utf8');

const GEO_HEADER =
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name';

export const CURRENT_HEADER = `${GEO_HEADER},inpost_fte,inpost_headcount,starters_fte,starters_headcount,leavers_fte,leavers_headcount,turnover_rate_fte,turnover_rate_headcount,agency_fte,agency_headcount,agency_rate_fte,agency_rate_headcount,agency_cover_fte,agency_cover_rate_fte,vacancy_fte,vacancy_rate_fte,vacancy_agency_cover_rate_fte,case_holders_fte,cases,caseload_fte,working_days_lost_fte,absence_rate_fte`;

// Sunderland's real 2025 row: a valid local-authority row to break one field at a time.
const SUNDERLAND_2025 = [
  '2025',
  'Reporting year',
  'Local authority',
  'E92000001',
  'England',
  'E12000001',
  'North East',
  '394',
  'E08000024',
  'Sunderland',
  '229.5',
  '239',
  '19.8',
  '20',
  '27.1',
  '28',
  '11.8',
  '11.7',
  'low',
  '1',
  'low',
  '0.4',
  'low',
  '100',
  '12',
  '5',
  '0.2',
  '134.2',
  '2297',
  '17.1',
  '2236',
  '3.9',
];

// A current-layout row with some cells replaced by column name, quoted when needed.
export function buildRow(overrides: Record<string, string> = {}): string {
  const names = CURRENT_HEADER.split(',');
  return names
    .map((name, i) => overrides[name] ?? SUNDERLAND_2025[i] ?? '')
    .map((value) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
    .join(',');
}

export const buildFile = (...rows: string[]): string => [CURRENT_HEADER, ...rows].join('\n') + '\n';

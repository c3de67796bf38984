import express, { type RequestHandler } from 'express';
import supertest from 'supertest';
import type { Access } from '../../server/accounts/access.js';
import { errorHandler } from '../../server/platform/http/error-handler.js';
import { createLogger } from '../../server/log.js';
import { Council } from '../../server/study/councils/model.js';
import { importIndicators, importNeighbours } from '../../server/workforce/service.js';
import { workforceRoutes } from '../../server/workforce/routes.js';
import { readDfeFile } from './workforce-files.js';

export const INDICATORS_FILE = 'csww_indicators_2017_to_2025.csv';
export const NEIGHBOURS_FILE = 'sn_model_2025_wide.csv';

let indicators: string | undefined;
export const indicatorsText = (): string => (indicators ??= readDfeFile(INDICATORS_FILE));

export const importRealIndicators = (importedAt = new Date('2026-01-15T10:00:00Z')) =>
  importIndicators(indicatorsText(), { file: INDICATORS_FILE, importedAt });

export const importRealNeighbours = () =>
  importNeighbours(readDfeFile(NEIGHBOURS_FILE), {
    file: NEIGHBOURS_FILE,
    importedAt: new Date('2026-01-15T10:00:00Z'),
  });

// Who the workforce router sees as signed in here. Sign-in and the role and council checks on
// these routes are tested through the whole app in tests/integration/accounts.
export const SIGNED_IN = { email: 'analyst@council.example', role: 'admin' as const, pilots: [] };
const signedIn: RequestHandler = (_req, res, next) => {
  res.locals.session = { id: 'test', csrfToken: 'test', user: SIGNED_IN };
  next();
};
const asSignedIn: Access = {
  signedIn,
  roles: () => signedIn,
  readCouncil: () => signedIn,
  editCouncil: () => signedIn,
};

// The workforce router alone, behind the same JSON parser and error boundary the app uses.
export function workforceHttp() {
  const app = express()
    .use('/api/v1', express.json(), workforceRoutes(asSignedIn))
    .use(errorHandler(createLogger('silent')));
  return supertest(app);
}

export const buildCouncil = (overrides: Partial<{ _id: string; name: string; arm: 'pilot' | 'comparison' }> = {}) =>
  Council.create({ _id: '394', name: 'Sunderland', arm: 'pilot', ...overrides });

// The real file with one cell of one council-year changed (rows with quoted names excluded).
export function withCell(year: number, laCode: string, column: string, value: string, text = indicatorsText()): string {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').split(',');
  const index = lines.findIndex((line) => line.startsWith(`${year},`) && line.split(',')[7] === laCode);
  const row = lines[index];
  if (!row || row.includes('"') || !header.includes(column))
    throw new Error(`cannot edit ${column} of ${laCode} in ${year}`);
  const cells = row.split(',');
  cells[header.indexOf(column)] = value;
  lines[index] = cells.join(',');
  return lines.join('\n');
}

// The line number (1-based) of a council-year in the real file, for error messages.
export const lineOf = (year: number, laCode: string): number =>
  indicatorsText()
    .split('\n')
    .findIndex((line) => line.startsWith(`${year},`) && line.split(',')[7] === laCode) + 1;

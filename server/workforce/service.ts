import { notFound } from '../errors.js';
import { findCouncil } from '../study/store.js';
import { splitLines } from './csv.js';
import { planIndicatorImport, type ImportPlan } from './import-plan.js';
import { parseIndicators, type IndicatorsImport } from './indicators.js';
import type { LocalFigures as LocalFiguresDoc } from './model.js';
import { LaCode, LocalEntry } from './schemas.js';
import { buildSeries, neighbourSummary, SERIES_MEASURES } from './series.js';
import * as store from './store.js';
import type { ProgressListener } from './store.js';

export type { ProgressListener } from './store.js';
export { importNeighbours, type NeighbourImportSummary } from './neighbour-import.js';

export interface ImportOptions {
  file: string; // the release file's name, kept as the source of every figure it brings
  importedAt?: Date;
  onProgress?: ProgressListener;
}

export type IndicatorImportSummary = Omit<ImportPlan, 'added'> & {
  file: string;
  layout: IndicatorsImport['layout'];
  rows: number;
  added: number;
};

// The whole file is parsed and checked before anything is written, so a malformed file
// changes nothing.
export async function importIndicators(text: string, options: ImportOptions): Promise<IndicatorImportSummary> {
  const { file, importedAt = new Date(), onProgress } = options;
  const parsed = parseIndicators(withProgress(splitLines(text), onProgress));
  const stored = await store.findStoredRows([...new Set(parsed.records.map((r) => r.year))]);
  const plan = planIndicatorImport(parsed, stored);
  const writes = [...plan.added, ...plan.updated.map((u) => u.record)];
  const existingIds = new Set(stored.map((row) => row._id));
  await store.writeDfeFigures(writes, existingIds, { file, importedAt, layout: parsed.layout }, onProgress);
  return {
    ...plan,
    file,
    layout: parsed.layout,
    rows: parsed.records.length + parsed.skipped.length,
    added: plan.added.length,
  };
}

function* withProgress(lines: string[], onProgress?: ProgressListener): Generator<string> {
  for (const [i, line] of lines.entries()) {
    yield line;
    if (onProgress && ((i + 1) % 200 === 0 || i + 1 === lines.length)) onProgress('reading', i + 1, lines.length);
  }
}

// Kept beside any DfE figures for the same council-year; reads prefer DfE and show both.
export async function recordLocalFigures(laCode: string, year: number, measures: unknown, enteredBy: string) {
  const entry = LocalEntry.parse({ laCode, year, measures, enteredBy });
  const [pilot, known] = await Promise.all([findCouncil(entry.laCode), store.findAnyCouncilFigures(entry.laCode)]);
  if (!pilot && !known) throw unknownCouncil(entry.laCode);
  const local: LocalFiguresDoc = {
    measures: Object.fromEntries(Object.entries(entry.measures).filter(([, value]) => value !== undefined)),
    enteredBy: entry.enteredBy,
    enteredAt: new Date(),
  };
  await store.writeLocalFigures(entry.laCode, entry.year, pilot?.name ?? known?.name ?? entry.laCode, local);
  const source = { type: 'local entry' as const, enteredBy: local.enteredBy, enteredAt: local.enteredAt };
  return { code: entry.laCode, year: entry.year, measures: local.measures, source };
}

// Served for any council in the study or in the workforce data (DfE or a local entry).
export async function councilWorkforce(code: string) {
  const laCode = LaCode.parse(code);
  const [pilot, neighbourSet] = await Promise.all([findCouncil(laCode), store.findNeighbourSet(laCode)]);
  const armCodes = pilot ? await store.councilCodesInArm(pilot.arm) : null;
  const otherArmCodes = pilot ? await store.councilCodesInArm(pilot.arm === 'pilot' ? 'comparison' : 'pilot') : null;
  const neighbourCodes = neighbourSet?.neighbours.map((n) => n.laCode) ?? [];
  const figures = await store.findFiguresWithEngland([
    laCode,
    ...neighbourCodes,
    ...(armCodes ?? []),
    ...(otherArmCodes ?? []),
  ]);
  const own = figures.filter((f) => f.level === 'local_authority' && f.memberCodes.includes(laCode));
  if (!pilot && own.length === 0) throw unknownCouncil(laCode);
  // A joint return is named for both councils; prefer a name that is this council's alone.
  const name =
    pilot?.name ?? neighbourSet?.name ?? own.find((f) => f.areaCode === laCode)?.name ?? own[0]?.name ?? laCode;
  return {
    council: { code: laCode, name, arm: pilot?.arm ?? null, inStudy: pilot !== null },
    measures: SERIES_MEASURES,
    neighbours: neighbourSummary(neighbourSet),
    years: buildSeries({ code: laCode, figures, neighbourCodes, armCodes, otherArmCodes }),
  };
}

const unknownCouncil = (code: string) => notFound(`No council with code ${code} in the study or the workforce data.`);

// Builds a council's workforce series beside its comparators, from plain documents, with no I/O.
import { mean, median } from '../stats/descriptive.js';
import type { Measure } from './measures.js';
import type { NeighbourSetDoc, WorkforceDoc } from './model.js';
import { unpackMeasure } from './packed.js';

export const SERIES_MEASURES = ['turnoverRateFte', 'vacancyRateFte', 'agencyRateFte', 'caseloadFte'] as const;
export type SeriesMeasure = (typeof SERIES_MEASURES)[number];

export type Source =
  { type: 'dfe'; file: string; importedAt: Date } | { type: 'local entry'; enteredBy: string; enteredAt: Date };

export type Cell = Measure & { source: Source; localEntry?: Measure & { source: Source } };
export interface Aggregate {
  value: number | null;
  contributors: number;
}

export interface SeriesInput {
  code: string;
  figures: WorkforceDoc[]; // the council's, its neighbours', its arm's and England's, any year
  neighbourCodes: string[];
  armCodes: string[] | null; // null when the council is not in the study
  otherArmCodes?: string[] | null; // the other study arm, so a council sees both arms
}

const perMeasure = <T>(build: (key: SeriesMeasure) => T): Record<SeriesMeasure, T> =>
  Object.fromEntries(SERIES_MEASURES.map((key) => [key, build(key)])) as Record<SeriesMeasure, T>;

const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

function byYear(docs: WorkforceDoc[]): Map<number, WorkforceDoc[]> {
  const map = new Map<number, WorkforceDoc[]>();
  for (const doc of docs) map.set(doc.year, [...(map.get(doc.year) ?? []), doc]);
  return map;
}

const councilsIn = (figures: WorkforceDoc[], codes: string[]): WorkforceDoc[] =>
  figures.filter((f) => f.level === 'local_authority' && f.memberCodes.some((code) => codes.includes(code)));

// DfE's published figure wins whenever DfE has the measure; a local entry for the same
// council-year is kept and shown beside it rather than lost.
export function councilCell(docs: WorkforceDoc[], key: SeriesMeasure): Cell | null {
  const dfeDoc = docs.find((d) => unpackMeasure(d.dfe?.measures[key]));
  const localDoc = docs.find((d) => d.local?.measures[key] !== undefined);
  const dfe = dfeDoc?.dfe && {
    ...unpackMeasure(dfeDoc.dfe.measures[key])!,
    source: { type: 'dfe' as const, file: dfeDoc.dfe.file, importedAt: dfeDoc.dfe.importedAt },
  };
  const local = localDoc?.local && {
    value: localDoc.local.measures[key]!,
    source: { type: 'local entry' as const, enteredBy: localDoc.local.enteredBy, enteredAt: localDoc.local.enteredAt },
  };
  if (dfe && local) return { ...dfe, localEntry: local };
  return dfe ?? local ?? null;
}

// Comparators use published DfE figures only; symbols and missing values are left out, and a
// joint return reached through two member codes counts once.
export function comparatorValues(docs: WorkforceDoc[], key: SeriesMeasure, excludeAreas: Set<string>): number[] {
  const seen = new Set<string>();
  const values: number[] = [];
  for (const doc of docs) {
    if (seen.has(doc.areaCode) || excludeAreas.has(doc.areaCode)) continue;
    seen.add(doc.areaCode);
    const value = doc.dfe?.measures[key];
    if (typeof value === 'number') values.push(value);
  }
  return values;
}

function aggregate(docs: WorkforceDoc[], exclude: Set<string>, statistic: (values: number[]) => number | null) {
  return perMeasure((key): Aggregate => {
    const values = comparatorValues(docs, key, exclude);
    return { value: round2(statistic(values)), contributors: values.length };
  });
}

export function buildSeries({ code, figures, neighbourCodes, armCodes, otherArmCodes = null }: SeriesInput) {
  const own = byYear(councilsIn(figures, [code]));
  const neighbours = byYear(councilsIn(figures, neighbourCodes));
  const arm = armCodes && byYear(councilsIn(figures, armCodes));
  const otherArm = otherArmCodes && byYear(councilsIn(figures, otherArmCodes));
  const england = byYear(figures.filter((f) => f.level === 'national'));
  const years = [...new Set([...own.keys(), ...england.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const docs = own.get(year) ?? [];
    // A neighbour that shares this council's joint return is the council itself.
    const ownAreas = new Set(docs.map((d) => d.areaCode));
    return {
      year,
      areaCodes: [...ownAreas],
      council: perMeasure((key) => councilCell(docs, key)),
      neighbourMedian: aggregate(neighbours.get(year) ?? [], ownAreas, median),
      armMean: arm ? aggregate(arm.get(year) ?? [], new Set(), mean) : null,
      otherArmMean: otherArm ? aggregate(otherArm.get(year) ?? [], new Set(), mean) : null,
      england: perMeasure((key) => councilCell(england.get(year) ?? [], key)),
    };
  });
}

export function neighbourSummary(set: NeighbourSetDoc | null) {
  if (!set) return null;
  return { file: set.file, importedAt: set.importedAt, councils: set.neighbours };
}

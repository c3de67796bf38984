// Data access for the workforce feature: plain objects in, plain objects out.
import type { AnyBulkWriteOperation } from 'mongoose';
import { listCouncils } from '../study/store.js';
import type { WorkforceRecord } from './indicators.js';
import type { StoredRow } from './import-plan.js';
import type { LayoutName } from './measures.js';
import {
  WorkforceFigures,
  WorkforceNeighbours,
  workforceId,
  type LocalFigures,
  type NeighbourSetDoc,
  type WorkforceDoc,
} from './model.js';
import type { NeighbourSet } from './neighbours.js';
import { packMeasures } from './packed.js';

export type ProgressListener = (phase: 'reading' | 'writing', done: number, total: number) => void;

const CHUNK = 250;

async function inChunks<T>(ops: T[], write: (chunk: T[]) => Promise<unknown>, onProgress?: ProgressListener) {
  for (let done = 0; done < ops.length; done += CHUNK) {
    await write(ops.slice(done, done + CHUNK));
    onProgress?.('writing', Math.min(done + CHUNK, ops.length), ops.length);
  }
}

export const findStoredRows = (years: number[]): Promise<StoredRow[]> =>
  WorkforceFigures.find(
    { year: { $in: years } },
    { _id: 1, level: 1, areaCode: 1, year: 1, name: 1, dfe: 1, local: 1 },
  ).lean<StoredRow[]>();

export interface DfeSource {
  file: string;
  importedAt: Date;
  layout: LayoutName;
}

const dfeFields = (r: WorkforceRecord, source: DfeSource) => ({
  level: r.level,
  areaCode: r.areaCode,
  year: r.year,
  memberCodes: r.memberCodes,
  name: r.name,
  newCode: r.newCode,
  regionCode: r.regionCode,
  regionName: r.regionName,
  subRegion: r.subRegion,
  dfe: { ...source, measures: packMeasures(r.measures), line: r.line },
});

// Rows with no document yet are inserted: FerretDB scans the collection for every update,
// upsert included, which made a first import of ~1,500 rows take 45 s instead of 2 s.
// Existing rows get an upsert of the DfE half only, so a local entry on the row is left alone.
export async function writeDfeFigures(
  records: WorkforceRecord[],
  existingIds: Set<string>,
  source: DfeSource,
  onProgress?: ProgressListener,
) {
  const ops = records.map((r): AnyBulkWriteOperation<WorkforceDoc> => {
    const _id = workforceId(r);
    if (!existingIds.has(_id)) return { insertOne: { document: { _id, ...dfeFields(r, source) } } };
    return { updateOne: { filter: { _id }, update: { $set: dfeFields(r, source) }, upsert: true } };
  });
  await inChunks(ops, (chunk) => WorkforceFigures.bulkWrite(chunk, { ordered: true }), onProgress);
}

export async function writeLocalFigures(laCode: string, year: number, name: string, local: LocalFigures) {
  await WorkforceFigures.updateOne(
    { _id: workforceId({ level: 'local_authority', areaCode: laCode, year }) },
    {
      $set: { local },
      $setOnInsert: {
        level: 'local_authority',
        areaCode: laCode,
        year,
        memberCodes: [laCode],
        name,
        newCode: null,
        regionCode: null,
        regionName: null,
        subRegion: false,
      },
    },
    { upsert: true },
  );
}

export const findNeighbourSets = (codes: string[]): Promise<NeighbourSetDoc[]> =>
  WorkforceNeighbours.find({ _id: { $in: codes } }).lean<NeighbourSetDoc[]>();

export const findNeighbourSet = (code: string): Promise<NeighbourSetDoc | null> =>
  WorkforceNeighbours.findById(code).lean<NeighbourSetDoc>();

// Each council's set is replaced whole, so a neighbour dropped from the model disappears.
export async function replaceNeighbourSets(sets: NeighbourSet[], file: string, importedAt: Date) {
  const ops = sets.map((set) => ({
    replaceOne: {
      filter: { _id: set.laCode },
      replacement: { _id: set.laCode, name: set.name, neighbours: set.neighbours, file, importedAt },
      upsert: true,
    },
  }));
  await inChunks(ops, (chunk) => WorkforceNeighbours.bulkWrite(chunk, { ordered: true }));
}

// One query, because FerretDB scans the whole collection for each: every document (any year,
// any source) whose area is or includes one of these councils, and England's.
export const findFiguresWithEngland = (codes: string[]): Promise<WorkforceDoc[]> =>
  WorkforceFigures.find({
    $or: [{ level: 'local_authority', memberCodes: { $in: codes } }, { level: 'national' }],
  }).lean<WorkforceDoc[]>();

export const findAnyCouncilFigures = (code: string) =>
  WorkforceFigures.findOne({ level: 'local_authority', memberCodes: code }, { name: 1, areaCode: 1 }).lean<
    Pick<WorkforceDoc, 'name' | 'areaCode'>
  >();

export const councilCodesInArm = async (arm: 'pilot' | 'comparison'): Promise<string[]> =>
  (await listCouncils({ arm }, { _id: 1 })).map((p) => p._id);

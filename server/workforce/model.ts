import mongoose from 'mongoose';
import { rowKey } from './import-plan.js';
import type { Level } from './indicators.js';
import type { LayoutName, MeasureKey } from './measures.js';
import type { Neighbour } from './neighbours.js';
import type { PackedMeasures } from './packed.js';

// Figures from a DfE release file. The layout is kept so an older-layout release can never
// replace figures that came from a newer one.
export interface DfeFigures {
  measures: PackedMeasures;
  file: string;
  importedAt: Date;
  layout: LayoutName;
  line: number;
}

// Figures a council recorded itself, typically for a year DfE has not published yet.
export interface LocalFigures {
  measures: Partial<Record<MeasureKey, number>>;
  enteredBy: string;
  enteredAt: Date;
}

export interface WorkforceDoc {
  _id: string; // workforceId(level, areaCode, year)
  level: Level;
  areaCode: string;
  year: number;
  memberCodes: string[];
  name: string;
  newCode: string | null;
  regionCode: string | null;
  regionName: string | null;
  subRegion: boolean;
  // One set per source, side by side, so a DfE import never overwrites a local entry.
  dfe?: DfeFigures;
  local?: LocalFigures;
}

const dfeSchema = new mongoose.Schema(
  {
    measures: { type: mongoose.Schema.Types.Mixed, required: true },
    file: { type: String, required: true },
    importedAt: { type: Date, required: true },
    layout: { type: String, required: true, enum: ['indicators', 'headline_measures'] },
    line: { type: Number, required: true },
  },
  { _id: false, minimize: false },
);

const localSchema = new mongoose.Schema(
  {
    measures: { type: mongoose.Schema.Types.Mixed, required: true },
    enteredBy: { type: String, required: true, maxlength: 200 },
    enteredAt: { type: Date, required: true },
  },
  { _id: false },
);

// One document per (level, areaCode, year), with that key as its _id ('local_authority|394|2025'),
// so an import and a local entry address the same document without a lookup first.
export const workforceId = rowKey;

// areaCode is as published, e.g. '940 / 941' for a joint return.
const workforceSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    level: { type: String, required: true, enum: ['national', 'regional', 'local_authority'] },
    areaCode: { type: String, required: true, maxlength: 40 },
    year: { type: Number, required: true },
    memberCodes: { type: [String], default: [] },
    name: { type: String, required: true, maxlength: 200 },
    newCode: { type: String, default: null },
    regionCode: { type: String, default: null },
    regionName: { type: String, default: null },
    subRegion: { type: Boolean, default: false },
    dfe: { type: dfeSchema, default: undefined },
    local: { type: localSchema, default: undefined },
  },
  { versionKey: false, minimize: false },
);
// The same key as _id, spelt out so no document can disagree with it; also serves level: 'national'.
workforceSchema.index({ level: 1, areaCode: 1, year: 1 }, { unique: true });
// A council's own figures, its neighbours' and its study arm's are all found by member code.
workforceSchema.index({ memberCodes: 1 });
// An import reads what is stored for the years its file covers.
workforceSchema.index({ year: 1 });

export const WorkforceFigures = mongoose.model<WorkforceDoc>('WorkforceFigures', workforceSchema, 'workforce_figures');

export interface NeighbourSetDoc {
  _id: string; // the council's old_la_code
  name: string | null;
  neighbours: Neighbour[];
  file: string;
  importedAt: Date;
}

const neighbourSchema = new mongoose.Schema(
  {
    rank: { type: Number, required: true },
    laCode: { type: String, required: true, match: /^\d{3}$/ },
    closeness: { type: String, required: true },
  },
  { _id: false },
);

const neighbourSetSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true, match: /^\d{3}$/ },
    name: { type: String, default: null },
    neighbours: { type: [neighbourSchema], default: [] },
    file: { type: String, required: true },
    importedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const WorkforceNeighbours = mongoose.model<NeighbourSetDoc>(
  'WorkforceNeighbours',
  neighbourSetSchema,
  'workforce_neighbours',
);

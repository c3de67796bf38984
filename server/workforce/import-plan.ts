import type { IndicatorsImport, SkippedRow, WorkforceRecord } from './indicators.js';
import { MEASURE_KEYS, type LayoutName } from './measures.js';
import { packMeasure, type PackedMeasure, type PackedMeasures } from './packed.js';

// What is already stored for one (level, areaCode, year), as far as an import cares.
export interface StoredRow {
  _id: string;
  level: string;
  areaCode: string;
  year: number;
  name: string;
  dfe?: { measures: PackedMeasures; layout: LayoutName; file: string };
  local?: unknown;
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface UpdatedRow {
  record: WorkforceRecord;
  changes: FieldChange[];
}

export interface ImportPlan {
  added: WorkforceRecord[];
  updated: UpdatedRow[];
  unchanged: number;
  skipped: SkippedRow[];
  // added or updated rows that also hold a local entry, which stays beside the DfE figures
  localKept: number;
}

// The headline-measures layout was replaced in 2023, so a file in it is always the older release.
const LAYOUT_AGE: Record<LayoutName, number> = { headline_measures: 0, indicators: 1 };

export const rowKey = (row: { level: string; areaCode: string; year: number }): string =>
  `${row.level}|${row.areaCode}|${row.year}`;

export const measureText = (packed: PackedMeasure | undefined): string =>
  packed === null || packed === undefined ? 'absent' : String(packed);

export function diffRecord(record: WorkforceRecord, stored: StoredRow): FieldChange[] {
  const changes: FieldChange[] = [];
  if (record.name !== stored.name) changes.push({ field: 'name', from: stored.name, to: record.name });
  for (const key of MEASURE_KEYS) {
    const from = measureText(stored.dfe?.measures[key]);
    const to = measureText(packMeasure(record.measures[key]));
    if (from !== to) changes.push({ field: key, from, to });
  }
  return changes;
}

// Decides, without touching the database, what an import would do to each parsed row.
export function planIndicatorImport(parsed: IndicatorsImport, stored: StoredRow[]): ImportPlan {
  const byKey = new Map(stored.map((row) => [rowKey(row), row]));
  const plan: ImportPlan = { added: [], updated: [], unchanged: 0, skipped: [...parsed.skipped], localKept: 0 };
  for (const record of parsed.records) {
    const existing = byKey.get(rowKey(record));
    if (!existing?.dfe) {
      plan.added.push(record);
      if (existing?.local) plan.localKept += 1;
      continue;
    }
    if (LAYOUT_AGE[existing.dfe.layout] > LAYOUT_AGE[parsed.layout]) {
      const reason = `already has figures from ${existing.dfe.file}, a newer DfE layout; an older release does not replace them`;
      plan.skipped.push({ line: record.line, areaCode: record.areaCode, reason });
      continue;
    }
    const changes = diffRecord(record, existing);
    if (changes.length === 0) {
      plan.unchanged += 1;
    } else {
      plan.updated.push({ record, changes });
      if (existing.local) plan.localKept += 1;
    }
  }
  return plan;
}

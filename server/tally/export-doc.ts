import { mergeCounters, type Counters } from './counters.js';

// The export counts of a council × wave as stored (model.ts): one JSON string, `p`, readable in
// mongosh with `JSON.parse(db.exportcounts.findOne().p)`; a document of a version before holds
// them as fields of `c` instead, until its next batch rewrites it (summary-update.ts).
export type StoredExportCounts = { p?: unknown; c?: unknown };

export const packCounts = (counters: Counters): string => JSON.stringify(counters);

export function exportCountsOf(doc: StoredExportCounts): Counters {
  const packed = typeof doc.p === 'string' ? (JSON.parse(doc.p) as Counters) : {};
  const fields = doc.c !== null && typeof doc.c === 'object' ? (doc.c as Counters) : null;
  return fields ? mergeCounters([fields, packed]) : packed;
}

// The same as JSON text: the stored string itself when the document holds nothing else, so an
// export names, decides on and seals the counts without parsing and writing ~38 kB a group again
// at a million responses.
export const exportCountsText = (doc: StoredExportCounts): string =>
  typeof doc.p === 'string' && (doc.c === undefined || doc.c === null) ? doc.p : packCounts(exportCountsOf(doc));

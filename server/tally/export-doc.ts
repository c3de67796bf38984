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

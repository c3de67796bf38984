import { isDuplicate } from '../platform/db/insert-each.js';
import { batchToken } from './marks.js';
import { mergeCounters } from './counters.js';
import { exportCountsOf, packCounts, type StoredExportCounts } from './export-doc.js';
import { countsModel, EXPORT_PART } from './model.js';

// One summary document's share of a tally batch (tally.ts step 3): added once, by `$inc` (the
// export counts: read, added to and written back whole, model.ts), guarded by the batch's token
// for the document and fenced by the lease slot.
// `fresh`: the batch was recorded just now, so no document can name it yet and the guard's read
// (of a document with hundreds of counters, which FerretDB decodes whole) is skipped.
// `fence`: the lease slot in which the writer last found it held the lease. The write applies
// only while the document holds no later slot, and records its own: a holder frozen between its
// lease check and this write, whose batch a later holder has since finished (writing this
// document with a later slot), finds its write refused instead of counting the batch again.
// The slot is read by _id just before the write (FerretDB's conditional updates are not atomic
// either): a stale write gets through only if it falls between that read and its own write,
// exactly when the later holder writes the same document (and then counts its batch twice, or,
// for the export counts, puts back what they held before the later holder's write).
export async function applyToSummary(
  batchId: string,
  _id: string,
  fields: { pilotCode: string; waveId: string; part: string },
  counters: Record<string, number>,
  fresh = false,
  fence?: number,
) {
  const packed = fields.part === EXPORT_PART; // its counters are rewritten whole: always read first
  // read by bare _id: FerretDB answers only that from an index (a filter on `fence` as well
  // scanned the whole collection: 245 ms instead of 30 ms an update with 1,200 documents)
  const existing =
    fresh && fence === undefined && !packed
      ? null
      : ((await countsModel(fields.part).collection.findOne(
          { _id: _id as never },
          { projection: { batch: 1, pending: 1, fence: 1, ...(packed ? { p: 1, c: 1 } : {}) } },
        )) as ({ batch?: string; pending?: string[]; fence?: number } & StoredExportCounts) | null);
  if (!fresh) {
    // a batch left unfinished by an earlier version wrote its id in `batch`, or in `pending` before that
    const earlier = existing?.batch === batchId || existing?.pending?.includes(batchId);
    if (existing?.batch === batchToken(batchId, _id) || earlier) return; // applied before a crash
  }
  if (fence !== undefined && existing?.fence !== undefined && existing.fence > fence) throw fencedOut();
  const $set = { batch: batchToken(batchId, _id), ...(fence === undefined ? {} : { fence }) };
  const update = packed
    ? {
        $set: { ...$set, p: packCounts(mergeCounters([exportCountsOf(existing ?? {}), counters])) },
        ...(existing?.c === undefined ? {} : { $unset: { c: '' } }), // a version before's fields, now in `p`
        $setOnInsert: fields,
      }
    : { $inc: Object.fromEntries(Object.entries(counters).map(([k, v]) => [`c.${k}`, v])), $set, $setOnInsert: fields };
  try {
    await countsModel(fields.part).collection.updateOne({ _id: _id as never }, update, { upsert: true });
  } catch (err) {
    // the document exists with a later slot: the upsert's insert collides with it
    if (isDuplicate(err as { code?: number })) throw fencedOut();
    throw err;
  }
}

export const fencedOut = () => new Error('lost the tally lease: a later holder has written this summary');

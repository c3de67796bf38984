import { insertEach, isDuplicate } from '../platform/db/insert-each.js';
import { anyResponseStored, responseCursor } from '../responses/store.js';
import { Migration, TallyMark } from './model.js';
import { queuedIds } from './queue.js';
import { tokenOf } from './tokens.js';

// Marks make counting idempotent per response stored without a queue token (`queuedBy`, by a
// version before tokens; queue.ts says how a token does the same for the others). The submission
// path queues an id before storing its response and does not look for an earlier copy first, so
// the retry of a response that was counted long ago queues its id again; the tally then finds the
// id marked and only drops it.

const ALL_MARKED = 'tally-marks';
const UNLINKED = 'tally-marks-unlinked';
const CHUNK = 1000;

// What a mark or summary document holds of the batch that counted into it (tally.ts): keyed by the
// batch id, which is deleted with the TallyBatch, so tokens of one batch cannot be told to belong
// together, nor matched to the token a summary holds.
export const batchToken = (batchId: string, id: string) => tokenOf(batchId, id);

// Which of a batch's ids to count: marks them as counted by `batchId`. An id marked already was
// counted by an earlier batch, unless this batch is being finished after a crash, when the mark
// may be its own (`recovering`: those are read to tell; an earlier version wrote the plain id).
export async function markForCounting(batchId: string, ids: string[], recovering: boolean): Promise<string[]> {
  const errors = await insertEach(
    TallyMark.collection,
    ids.map((_id) => ({ _id, by: batchToken(batchId, _id) })),
  );
  const failed = errors.find((e) => e && !isDuplicate(e));
  if (failed) throw failed;
  const marked = ids.filter((_, i) => isDuplicate(errors[i]));
  if (marked.length === 0) return ids;
  const own = recovering
    ? new Set(
        (await Promise.all(marked.map((_id) => TallyMark.findById(_id).lean())))
          .filter((m) => m && (m.by === batchToken(batchId, m._id) || m.batch === batchId))
          .map((m) => m!._id),
      )
    : new Set<string>();
  const counted = new Set(marked.filter((id) => !own.has(id)));
  return ids.filter((id) => !counted.has(id));
}

// The ids not marked as counted, each read by _id (FerretDB scans for `$in`): for small lists.
export async function unmarked(ids: string[]): Promise<string[]> {
  const marks = await Promise.all(ids.map((_id) => TallyMark.exists({ _id })));
  return ids.filter((_, i) => !marks[i]);
}

// Responses stored before marks existed are counted and unmarked. Until every one is marked (by
// `npm run summaries:verify -- --mark`, or a rebuild), the submission path looks for an earlier
// copy before queueing, as it did then; this says when it no longer needs to. A database without
// responses is trivially done.
export async function allStoredMarked(): Promise<boolean> {
  if (await Migration.exists({ _id: ALL_MARKED })) return true;
  if (await anyResponseStored()) return false;
  await recordAllMarked();
  return true;
}

async function recordAllMarked(): Promise<void> {
  await Migration.collection.insertOne({ _id: ALL_MARKED as never }).catch((err: { code?: number }) => {
    if (!isDuplicate(err)) throw err;
  });
}

// Marks every stored response without a queue token that is not queued (so was counted),
// streaming ids a chunk at a time. Safe beside submissions and counting: a response's queue entry
// is written before it and removed only after its mark, so reading the queue after a chunk sees
// the entry of every response in the chunk still to be counted. A response with a token needs no
// mark: only the entry that stored it can count it.
export async function markCountedResponses(): Promise<void> {
  let chunk: string[] = [];
  const markChunk = async () => {
    const queued = new Set(await queuedIds());
    const errors = await insertEach(
      TallyMark.collection,
      chunk.filter((id) => !queued.has(id)).map((_id) => ({ _id })),
    );
    const failed = errors.find((e) => e && !isDuplicate(e));
    if (failed) throw failed;
    chunk = [];
  };
  for await (const r of responseCursor({}, { _id: 1, queuedBy: 1 }, CHUNK)) {
    if (r.queuedBy != null) continue;
    chunk.push(r._id as unknown as string);
    if (chunk.length === CHUNK) await markChunk();
  }
  await markChunk();
  await recordAllMarked();
}

// Once per database from before marks; safe while a server runs.
export async function markEarlierResponses(): Promise<boolean> {
  if (await allStoredMarked()) return false;
  await markCountedResponses();
  return true;
}

// Versions before tokens wrote the plain batch id in every mark, grouping the responses counted
// together. Removed once per database, when no batch of theirs is left to finish (the caller
// holds the tally lease and has finished every left batch); true once done.
export async function unlinkEarlierMarks(): Promise<boolean> {
  if (await Migration.exists({ _id: UNLINKED })) return true;
  await TallyMark.collection.updateMany({ batch: { $exists: true } }, { $unset: { batch: '' } });
  await Migration.collection.insertOne({ _id: UNLINKED as never }).catch((err: { code?: number }) => {
    if (!isDuplicate(err)) throw err;
  });
  return true;
}

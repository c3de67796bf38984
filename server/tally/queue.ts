import { randomUUID } from 'node:crypto';
import { TallyQueue } from './model.js';
import { tokenOf } from './tokens.js';

// The queue of responses still to be counted: one entry per group of ids queued together (a
// response writer's batch, an import's batch), written before those responses are stored.
// An entry written by a version before groups holds a single response id as its own _id.
// One entry per group rather than per id: FerretDB's SQLite backend scans the whole collection to
// delete by `$in`, so removing 2,000 counted ids one entry each took 130 ms of its CPU, against
// a millisecond for the few dozen entries that hold them now.
// An entry holds its ids as one string (`list`, a JSON array): FerretDB decodes a stored array
// element by element, which made reading and deleting entries cost it 17 µs a queued id, against
// 8 µs as one string. Ids taken out of an entry that stays (`removeFromEntries`) are listed in
// `done`. An entry written by a version before holds them as an array (`ids`).
export type QueueEntry = { _id: string; ids: string[] };
// An entry that stays queued (a response of it not stored yet) and the ids of it a batch counted.
export type PartlyCounted = { entry: string; ids: string[] };

type StoredEntry = { _id: string; list?: string; ids?: string[]; done?: string[] };
function entryOf(doc: StoredEntry): QueueEntry {
  const ids =
    typeof doc.list === 'string' ? (JSON.parse(doc.list) as string[]) : Array.isArray(doc.ids) ? doc.ids : [doc._id];
  if (!Array.isArray(doc.done) || doc.done.length === 0) return { _id: doc._id, ids };
  const done = new Set(doc.done);
  return { _id: doc._id, ids: ids.filter((id) => !done.has(id)) };
}

// An id can be queued more than once: the retry of a stored response queues its id again before
// its insert finds the copy. Only the entry whose responses' insert stored it may count it, and the
// response says which: it is stored with its token (`queuedBy`), an HMAC of its id keyed by that
// entry's random id. So a run counts each response once without writing anything per response,
// and once the entry is removed, nothing tells which responses were queued (stored) together.
// A response stored without one (by a version before tokens) is counted by its mark (marks.ts).
const entryToken = (entryId: string, id: string) => tokenOf(entryId, id);

// Whether the entry `entryId` may count the stored response `doc`: it holds the entry's token, or
// none (then its mark decides). Otherwise the entry is a retry's, and another entry counts it.
export const countsFrom = (entryId: string, doc: { _id: string; queuedBy?: string | null }) =>
  doc.queuedBy == null || doc.queuedBy === entryToken(entryId, doc._id);

// Queues ids for counting in one insert; throws if they were not queued. Returns the token each
// response is to be stored with (`queuedBy`), in the order of `ids`.
export async function queueForCounting(ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const entryId = randomUUID();
  await TallyQueue.collection.insertOne({ _id: entryId as never, list: JSON.stringify(ids) });
  return ids.map((id) => entryToken(entryId, id));
}

// Entries from the front of the queue, passing over those in `skip`, until they hold at least
// `atLeast` ids or none is left; `more` when the queue may hold more.
export async function queueEntries(
  atLeast: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ entries: QueueEntry[]; more: boolean }> {
  // the driver's own cursor: a mongoose query here cost more server time than counting the batch
  const cursor = TallyQueue.collection.find({}, { batchSize: 100 });
  const entries: QueueEntry[] = [];
  let held = 0;
  try {
    for await (const doc of cursor) {
      const entry = entryOf(doc as unknown as StoredEntry);
      if (skip.has(entry._id)) continue;
      entries.push(entry);
      held += entry.ids.length;
      if (held >= atLeast) return { entries, more: true };
    }
    return { entries, more: false };
  } finally {
    await cursor.close();
  }
}

// Every queued id (an id queued twice is listed once).
export async function queuedIds(): Promise<string[]> {
  const docs = await TallyQueue.collection.find({}).toArray();
  return [...new Set(docs.flatMap((d) => entryOf(d as unknown as StoredEntry).ids))];
}

// The _ids of the entries queued now.
export async function queueEntryIds(): Promise<string[]> {
  const docs = await TallyQueue.collection.find({}, { projection: { _id: 1 } }).toArray();
  return docs.map((d) => d._id as unknown as string);
}

export async function removeEntries(entryIds: string[]): Promise<void> {
  if (entryIds.length > 0) await TallyQueue.deleteMany({ _id: { $in: entryIds } });
}

// Of a batch's ids, those its entries still hold (`queued`: entries it settles whole; `partly`:
// entries it takes some ids out of). Each entry read by _id.
export async function stillQueued(queued: string[], partly: PartlyCounted[]): Promise<Set<string>> {
  const held = new Set<string>();
  const read = async (entryId: string) => {
    const doc = await TallyQueue.collection.findOne({ _id: entryId as never });
    return doc ? entryOf(doc as unknown as StoredEntry).ids : [];
  };
  for (const entryId of queued) for (const id of await read(entryId)) held.add(id);
  for (const { entry, ids } of partly) {
    const left = new Set(await read(entry));
    for (const id of ids) if (left.has(id)) held.add(id);
  }
  return held;
}

// Takes counted ids out of entries that stay queued for the rest (a response not stored yet):
// the entry's token would let a later run count them again. Repeating it changes nothing.
export async function removeFromEntries(partly: PartlyCounted[]): Promise<void> {
  for (const { entry, ids } of partly)
    await TallyQueue.updateOne({ _id: entry }, { $addToSet: { done: { $each: ids } } });
}

export async function anyQueued(): Promise<boolean> {
  return (await TallyQueue.collection.findOne({}, { projection: { _id: 1 } })) !== null;
}

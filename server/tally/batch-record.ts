import { TallyBatch } from './model.js';
import type { PartlyCounted } from './queue.js';

// The record of the tally batch being counted (tally.ts, model.ts). Written as one string
// (`list`: a JSON object of `ids`, `queued` and `partly`): FerretDB decodes a stored array element
// by element, and a run's batch of 12,000 ids as arrays cost it 30–50 ms of CPU to write and
// 50–80 ms to delete. A record of a version before holds the three as fields.
export type Batch = {
  _id: string;
  ids: string[];
  queued?: string[] | null;
  partly?: PartlyCounted[] | null;
  fence?: number | null;
};

type StoredBatch = Omit<Batch, 'ids'> & { ids?: string[]; list?: string };

function batchOf({ list, ...doc }: StoredBatch): Batch {
  if (typeof list !== 'string') return { ...doc, ids: doc.ids ?? [] };
  const { ids, queued, partly } = JSON.parse(list) as Pick<Batch, 'ids' | 'queued' | 'partly'>;
  return { _id: doc._id, ids, queued, partly, ...(doc.fence == null ? {} : { fence: doc.fence }) };
}

export async function recordBatch({ _id, ids, queued, partly, fence }: Batch): Promise<void> {
  const list = JSON.stringify({ ids, queued, partly });
  await TallyBatch.collection.insertOne({ _id: _id as never, list, ...(fence == null ? {} : { fence }) });
}

// Batches left by a process that died (or froze) while counting, newest lease slot first: of two
// holding the same entries, the older is a stale holder's (tally.ts `leftToCount`).
export async function leftBatches(): Promise<Batch[]> {
  const docs = (await TallyBatch.collection.find({}).toArray()) as unknown as StoredBatch[];
  return docs.map(batchOf).sort((a, b) => (b.fence ?? -1) - (a.fence ?? -1));
}

export async function removeBatch(batchId: string): Promise<void> {
  await TallyBatch.deleteOne({ _id: batchId });
}

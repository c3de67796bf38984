import { findResponse, type ResponseDoc } from '../responses/store.js';
import { unmarked } from './marks.js';
import { countsFrom, queueEntries } from './queue.js';

// The stored responses a tally run would still count: each queued id whose response holds the
// token of the entry queueing it, or, stored without a token (by a version before tokens), is not
// marked. Not a retry's id queued again, nor an id whose response is not stored (yet). Each
// response is read by _id (FerretDB scans for `$in`), an entry at a time: the queue is small.
export async function uncountedResponses(): Promise<ResponseDoc[]> {
  const { entries } = await queueEntries(Number.POSITIVE_INFINITY);
  const found = new Map<string, ResponseDoc>();
  for (const entry of entries) {
    const docs = await Promise.all(entry.ids.filter((id) => !found.has(id)).map((id) => findResponse(id)));
    for (const r of docs) if (r && countsFrom(entry._id, r)) found.set(r._id, r);
  }
  const untokened = [...found.values()].filter((r) => r.queuedBy == null).map((r) => r._id);
  const unmarkedIds = new Set(untokened.length === 0 ? [] : await unmarked(untokened));
  return [...found.values()].filter((r) => r.queuedBy != null || unmarkedIds.has(r._id));
}

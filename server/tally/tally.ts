import { randomUUID } from 'node:crypto';
import { findResponse, type ResponseDoc } from '../responses/store.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { groupCounting } from './counters.js';
import { markForCounting, unlinkEarlierMarks } from './marks.js';
import { countExistingForExports } from './export-counts.js';
import { summaryId } from './model.js';
import { leftBatches, recordBatch, removeBatch, type Batch } from './batch-record.js';
import {
  countsFrom,
  queueEntries,
  queuedIds,
  removeEntries,
  removeFromEntries,
  stillQueued,
  type PartlyCounted,
} from './queue.js';
import { applyToSummary } from './summary-update.js';

// Counting responses into summaries without transactions, by one lease holder at a time:
//  1. take queue entries holding up to about BATCH ids whose responses exist, each id only from
//     the entry that stored its response (its token, queue.ts: a retry of a counted response
//     queues its id again); record those ids, the entries to remove once they are counted and
//     the ids to take out of entries that stay (partly stored), as a TallyBatch;
//  2. a response stored without a token (by a version before tokens) is marked as counted by
//     this batch; one marked by an earlier batch is not counted again (marks.ts);
//  3. per summary document: unless its `batch` already holds this batch's token, $inc the
//     batch's counters and set `batch` to the token, in one atomic update;
//  4. settle: remove the entries from the queue (or the counted ids from those that stay), then
//     delete the TallyBatch.
// A death anywhere leaves the TallyBatch; `finishBatch` redoes 2–4 from it: the marks it finds
// with its own tokens are its own, and step 3's guard keeps a document that was already
// incremented from being incremented twice. One token per document is enough because batches
// never overlap: a batch left by a dead process is finished before any new one starts, and
// batch ids are random, so a later batch never matches.
// Marks and summaries hold `batchToken(batch, their own id)`, never the batch id: each token is
// different, and once the TallyBatch is deleted nothing can tell which responses were counted
// together, or which were counted last (the most recent arrivals) into a summary.

// Responses this process has just stored, handed over by the writer so that counting them needs
// no read back (a read costs FerretDB about as much as the insert did). They are the documents
// as inserted. Bounded, oldest first out: another process may hold the lease and count them.
const HANDED_OVER_MAX = 20_000;

// A run under load counts its few seconds of submissions (runner.ts) in one batch, as each batch
// rewrites every summary document it touches: at ~3,000 submissions a second a run finds ~12,000,
// and counting 12,000 handed-over responses cost FerretDB 102–113 µs of CPU a response in batches
// of 2,000, against 49–56 µs in one (docs/PERFORMANCE.md). As many as can be handed over.
const BATCH = HANDED_OVER_MAX;
const ORPHAN_AFTER_MS = 120_000;

// Responses by id, read a few at a time in parallel and each by _id alone: FerretDB's SQLite
// backend answers a bare _id from the index and scans the collection for anything else ($in too).
const READ_AT_ONCE = 16;

async function readResponses(ids: string[]): Promise<Map<string, ResponseDoc>> {
  const found = new Map<string, ResponseDoc>();
  for (let i = 0; i < ids.length; i += READ_AT_ONCE) {
    const docs = await Promise.all(ids.slice(i, i + READ_AT_ONCE).map((id) => findResponse(id)));
    for (const r of docs) if (r) found.set(r._id, r);
  }
  return found;
}

export function countersOf(responses: Iterable<ResponseDoc>, surveys: SurveyRegistry) {
  const counting = groupCounting(surveys);
  for (const r of responses) counting.add(r);
  return counting.groups();
}

export async function countersFor(ids: string[], surveys: SurveyRegistry) {
  return countersOf((await readResponses(ids)).values(), surveys);
}

// Throws once this process no longer holds the tally lease; else the lease slot held (the
// fence), or undefined where no lease is involved (tests, one-off scripts).
export type KeepLease = () => Promise<number | undefined>;

// A response this process has queued and is storing (its id, and its group).
export type InFlight = Pick<ResponseDoc, '_id' | 'pilotCode' | 'waveId'>;
// Ids this process has queued and is storing: the writer queues an id before it stores the response,
// so a run meanwhile finds the id queued and the response missing. It leaves them to a later run
// instead of reading each back, unless the store has not reported by then (it failed, say).
const IN_FLIGHT_MS = 10_000;

// The ids a batch left behind still has to count: those its entries still hold. An entry gone
// (or an id taken out of it) was settled after being counted: by this batch, when it died while
// settling (every summary was written by then), or by another. A holder frozen past its lease can
// record a batch after the next holder has counted and settled the same entries (it stops at its
// first summary write, whose `keepLease` finds the lease lost); its record counts nothing. Were the next holder's
// batch left too, the newer is finished first (`fence`), and the stale one finds the entries gone.
// A record without `partly` is an earlier version's, whose responses have no token: it may hold
// ids of entries still waiting that it does not list, and its marks decide, as they did then.
async function leftToCount({ ids, queued, partly }: Batch): Promise<string[]> {
  if (!partly) return ids;
  const held = await stillQueued(queued ?? ids, partly);
  return ids.filter((id) => held.has(id));
}

export type Counting = {
  storing: (docs: readonly InFlight[]) => void;
  // `notStored`: ids this process queued whose response it did not store (read back when counted)
  handOver: (stored: ResponseDoc[], notStored?: string[]) => void;
  pending: (keepLease?: KeepLease) => Promise<number>;
  mayBeUncounted: (selected: (pilotCode: string, waveId: string) => boolean) => Promise<boolean>;
};

// `pending` counts every queued response; the caller must hold the tally lease.
export function createCounting(surveys: SurveyRegistry): Counting {
  const handedOver = new Map<string, ResponseDoc>();
  // Queue ids whose response is missing are in flight (the queue is written first) or were left
  // by a request that died before storing; those are dropped once seen missing for two minutes.
  const missingSince = new Map<string, number>();
  const inFlight = new Map<string, InFlight & { at: number }>(); // by id, with when it was queued
  let unlinked = false;

  function storing(docs: readonly InFlight[]): void {
    const at = Date.now();
    for (const { _id, pilotCode, waveId } of docs) {
      if (inFlight.size >= HANDED_OVER_MAX) inFlight.delete(inFlight.keys().next().value!);
      inFlight.set(_id, { _id, pilotCode, waveId, at });
    }
  }

  const flying = (id: string, now: number) => now - (inFlight.get(id)?.at ?? Number.NEGATIVE_INFINITY) < IN_FLIGHT_MS;

  function handOver(stored: ResponseDoc[], notStored: string[] = []): void {
    for (const id of notStored) inFlight.delete(id);
    for (const r of stored) {
      inFlight.delete(r._id);
      if (handedOver.size >= HANDED_OVER_MAX) handedOver.delete(handedOver.keys().next().value!);
      handedOver.set(r._id, r);
    }
  }

  // `fresh` holds the responses of a batch recorded just now; a batch left by a dead process has
  // its responses read again and every document checked.
  // `keepLease` throws once this process no longer holds the tally lease: it is asked before every
  // summary write, so a holder frozen mid-batch (and its batch finished by the next holder) stops
  // at its next write when it resumes instead of applying the rest of the batch a second time.
  // `queued`: the queue entries the batch settles (a batch of an earlier version: the entries of its ids).
  async function finishBatch(
    { _id: batchId, ids, queued, partly }: Batch,
    keepLease: KeepLease,
    fresh?: Map<string, ResponseDoc>,
  ): Promise<number> {
    const read = fresh ?? (await readResponses(await leftToCount({ _id: batchId, ids, queued, partly })));
    const untokened = [...read.values()].filter((r) => r.queuedBy == null).map((r) => r._id);
    const marked = new Set(
      untokened.length === 0 ? [] : await markForCounting(batchId, untokened, fresh === undefined),
    );
    const counting = [...read.values()].filter((r) => r.queuedBy != null || marked.has(r._id));
    const groups = countersOf(counting, surveys);
    const touched = [...groups.values()].flatMap(({ pilotCode, waveId, parts }) =>
      Object.entries(parts).map(([part, counters]) => ({
        _id: summaryId(pilotCode, waveId, part),
        fields: { pilotCode, waveId, part },
        counters,
      })),
    );
    // one at a time: SQLite takes one writer at a time anyway, and makes the others wait and retry
    for (const t of touched) {
      const fence = await keepLease();
      await applyToSummary(batchId, t._id, t.fields, t.counters, fresh !== undefined, fence);
    }
    await removeEntries(queued ?? ids);
    await removeFromEntries(partly ?? []);
    await removeBatch(batchId);
    for (const id of ids) handedOver.delete(id);
    return counting.length;
  }

  // The responses of the queue entries after those `seen` this run, up to about BATCH ids, and the
  // entries a batch of them settles; `more` when the queue may hold more. An entry this process is
  // still storing waits for a later run. So does one with a response missing for less than
  // ORPHAN_AFTER_MS (stored by another process meanwhile, say); the responses it has are counted
  // now all the same (a reader must see every acknowledged response), and taken out of the entry
  // (`partly`), so that they are not counted again when the entry is settled.
  async function nextBatch(seen: Set<string>) {
    const { entries, more } = await queueEntries(BATCH, seen);
    const now = Date.now();
    for (const [id, { at }] of inFlight) if (now - at >= IN_FLIGHT_MS) inFlight.delete(id);
    for (const e of entries) seen.add(e._id);
    const open = entries.filter((e) => !e.ids.some((id) => !handedOver.has(id) && flying(id, now)));
    const read = await readResponses(open.flatMap((e) => e.ids).filter((id) => !handedOver.has(id)));
    const ready = new Map<string, ResponseDoc>();
    const settles: string[] = [];
    const partly: PartlyCounted[] = [];
    for (const entry of open) {
      let waiting = false;
      const counts: string[] = [];
      for (const id of entry.ids) {
        const found = handedOver.get(id) ?? read.get(id);
        if (found) {
          missingSince.delete(id);
          // a retry's entry leaves the response to the entry that stored it
          if (countsFrom(entry._id, found) && !ready.has(id)) {
            ready.set(id, found);
            counts.push(id);
          }
          continue;
        }
        const since = missingSince.get(id) ?? now;
        missingSince.set(id, since);
        if (now - since <= ORPHAN_AFTER_MS) waiting = true;
      }
      if (waiting) {
        if (counts.length > 0) partly.push({ entry: entry._id, ids: counts });
        continue;
      }
      settles.push(entry._id);
      for (const id of entry.ids) missingSince.delete(id);
    }
    return { ready, settles, partly, more };
  }

  async function pending(keepLease: KeepLease = async () => undefined): Promise<number> {
    let total = 0;
    for (const batch of await leftBatches()) total += await finishBatch(batch, keepLease);
    if (!unlinked) unlinked = await unlinkEarlierMarks(); // once no batch of an earlier version is left
    await countExistingForExports(surveys, keepLease);
    // Only what was queued when the run began, a batch at a time: under load, ids queued during a
    // batch wait for the next run (runner.ts pauses between runs) rather than make a small batch
    // of their own at once, as each batch rewrites every summary document it touches.
    const seen = new Set<string>();
    for (let more = true; more;) {
      const next = await nextBatch(seen);
      more = next.more;
      if (next.ready.size === 0) {
        await removeEntries(next.settles); // only retries, and responses given up as never stored
        continue;
      }
      const fence = await keepLease();
      const batch = {
        _id: randomUUID(),
        ids: [...next.ready.keys()],
        queued: next.settles,
        partly: next.partly,
        ...(fence === undefined ? {} : { fence }),
      };
      await recordBatch(batch);
      total += await finishBatch(batch, keepLease, next.ready);
    }
    return total;
  }

  // Whether a response of a group `selected` may be acknowledged and not yet counted: false only
  // when every id queued, or left in a batch, is that of a response this process stored or is
  // storing, of a group not selected (a response being stored counts, if at all, in its own
  // group: a retry's copy stored before is not counted again). Anything else (an id queued by
  // another process, a retry's not stored, a batch of a dead process) may be of any group.
  async function mayBeUncounted(selected: (pilotCode: string, waveId: string) => boolean): Promise<boolean> {
    const [queued, left] = await Promise.all([queuedIds(), leftBatches()]);
    return [...queued, ...left.flatMap((b) => b.ids)].some((id) => {
      const r = handedOver.get(id) ?? inFlight.get(id);
      return r === undefined || selected(r.pilotCode, r.waveId);
    });
  }

  return { storing, handOver, pending, mayBeUncounted };
}

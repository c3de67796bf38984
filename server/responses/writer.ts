import { isDatabaseUnavailable } from '../platform/db/connection.js';
import { insertEach, isDuplicate } from '../platform/db/insert-each.js';
import { AppError, unavailable } from '../errors.js';
import { storedResponseId } from './ids.js';
import { SurveyResponse, type ResponseDoc } from './model.js';
import { clientIdsStored, packedResponse, unpackResponse } from './store.js';

// Group commit. On FerretDB's SQLite backend every write is a transaction of its own, and the
// commit, not the document, is what costs; an insert of up to 100 documents is one transaction.
// So submissions that arrive while a batch is being written wait, and go together in the next:
//   1. queue their ids for the tally (one insert for the batch: if it fails, so does the batch);
//   2. store the responses (one insert for the batch), each with the token the queue gave it, and
//      answer each by its own result: a duplicate id is a retry, answered from the copy stored
//      before.
// A retry of a response that was counted long ago queues its id again in step 1; the tally finds
// that the stored copy's token is not this entry's, and only drops it (tally/queue.ts). Each
// request is answered only once its own document is written, and a failure answers only the
// requests it touched.
// An id is never in two batches being written at once: a repeat waits for a later batch.
const MAX_BATCH = 100; // FerretDB's insertion batch: more would be split over transactions anyway
// Until responses stored before marks existed are marked (a database from an earlier version),
// a batch first looks up each id and answers a retry from its copy without queueing it again.
// While responses stored under the client's own submissionId may exist (a database from before
// hashed ids, store.ts), a batch looks each submission up by that id too: a retry of one of them
// is answered from it, and never stored a second time.
const RECHECK_MARKED_MS = 10_000;
// Every batch waits for the one before, so one database call that never returns would hold up
// every submission. A step not done by then answers its submissions 503 (their outcome is in
// doubt; the client's retry finds the stored copy or stores it) and lets the next batch go; the
// call may still finish, and is ignored. A retry can then be written beside it: a duplicate id
// is answered from its copy, and an id queued twice is counted once (its token).
const STEP_DEADLINE_MS = 4000;

export type StoreOutcome = { created: true } | { created: false; campaign: string };

// What the writer needs from the tally, which sits above responses (wired in app.ts): queue the
// documents' ids for counting before they are stored (one insert, which throws if they were not
// queued; it gives the token to store each response with, `queuedBy`), take the documents just
// stored and the ids of the batch not stored by it (a retry's, a refused one's: the tally reads
// those back), and say whether every earlier response is marked as counted.
export type TallyHandOff = {
  queue: (docs: ResponseDoc[]) => Promise<string[]>;
  stored: (docs: ResponseDoc[], notStored: string[]) => void;
  allMarked: () => Promise<boolean>;
};

// `store` takes the document (its id hashed from the submissionId) and the submissionId itself,
// never stored, to find a copy stored by an earlier version; `storedCampaign` takes the submissionId.
export type ResponseWriter = {
  store: (doc: ResponseDoc, submissionId?: string) => Promise<StoreOutcome>;
  storedCampaign: (submissionId: string) => Promise<string | null>;
};

type Entry = {
  doc: ResponseDoc;
  submissionId?: string;
  resolve: (outcome: StoreOutcome) => void;
  reject: (err: unknown) => void;
};
type Lookups = { unmarked: boolean; clientIds: boolean };

// Read by _id alone: the one lookup FerretDB answers from an index.
async function campaignOf(id: string): Promise<string | null> {
  const found = await SurveyResponse.collection.findOne({ _id: id as never }, { projection: { campaign: 1 } });
  return (found?.campaign as string | undefined) ?? null;
}

export function createResponseWriter(
  tally: TallyHandOff,
  { recheckMarkedMs = RECHECK_MARKED_MS } = {},
): ResponseWriter {
  let waiting: Entry[] = [];
  let running = false;
  const writing = new Set<string>(); // ids of the batch being written
  let lookups: Lookups = { unmarked: true, clientIds: true };
  let lookupsCheckedAt = Number.NEGATIVE_INFINITY;

  function store(doc: ResponseDoc, submissionId?: string): Promise<StoreOutcome> {
    return new Promise((resolve, reject) => {
      waiting.push({ doc, submissionId, resolve, reject });
      if (!running) {
        running = true;
        setImmediate(writeAll); // lets requests parsed in the same turn of the event loop join
      }
    });
  }

  // The next batch's lookups (if any) run while the previous batch is written.
  async function writeAll(): Promise<void> {
    let previous: Promise<void> = Promise.resolve();
    for (;;) {
      const batch = nextBatch();
      if (batch.length === 0) {
        await previous;
        if (waiting.length === 0) break;
        continue;
      }
      const fresh = await withinDeadline(withoutEarlierCopies(batch), batch, []);
      await previous;
      for (const e of fresh) writing.add(e.doc._id);
      previous = withinDeadline(writeBatch(fresh), fresh, undefined)
        .catch((err: unknown) => {
          for (const e of fresh) e.reject(err);
          failWaitingIfDown(err);
        }) // the answered ignore it
        .finally(() => {
          for (const e of fresh) writing.delete(e.doc._id);
        });
    }
    running = false;
  }

  // The database is down: everyone waiting would fail the same way, only seconds later.
  function failWaitingIfDown(err: unknown): void {
    const down = isDatabaseUnavailable(err) || (err instanceof AppError && err.status === 503);
    if (down) for (const e of waiting.splice(0)) e.reject(err);
  }

  function withinDeadline<T>(step: Promise<T>, entries: Entry[], otherwise: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<T>((resolve) => {
      timer = setTimeout(() => {
        const err = unavailable('The database did not answer in time; please try again shortly.');
        for (const e of entries) e.reject(err);
        failWaitingIfDown(err);
        resolve(otherwise);
      }, STEP_DEADLINE_MS);
    });
    return Promise.race([step, late]).finally(() => clearTimeout(timer));
  }

  // One entry per id, none of them being written: a repeat waits for a later batch.
  function nextBatch(): Entry[] {
    const ids = new Set<string>();
    const batch: Entry[] = [];
    const later: Entry[] = [];
    for (const e of waiting) {
      const id = e.doc._id;
      if (batch.length < MAX_BATCH && !ids.has(id) && !writing.has(id)) {
        ids.add(id);
        batch.push(e);
      } else later.push(e);
    }
    waiting = later;
    return batch;
  }

  async function neededLookups(): Promise<Lookups> {
    if (Date.now() - lookupsCheckedAt < recheckMarkedMs) return lookups;
    const [marked, clientIds] = await Promise.all([tally.allMarked(), clientIdsStored()]);
    lookups = { unmarked: !marked, clientIds };
    lookupsCheckedAt = Date.now();
    return lookups;
  }

  async function earlierCopy(e: Entry, { unmarked, clientIds }: Lookups): Promise<string | null> {
    const found = unmarked ? await campaignOf(e.doc._id) : null;
    return found === null && clientIds && e.submissionId ? campaignOf(e.submissionId) : found;
  }

  async function storedCampaign(submissionId: string): Promise<string | null> {
    const found = await campaignOf(storedResponseId(submissionId));
    return found === null && (await neededLookups()).clientIds ? campaignOf(submissionId) : found;
  }

  // Only while earlier responses may be unmarked or under client ids; a failed lookup fails only
  // its own submission.
  async function withoutEarlierCopies(batch: Entry[]): Promise<Entry[]> {
    const lookup = await neededLookups().catch((err: unknown) => {
      for (const e of batch) e.reject(err);
      failWaitingIfDown(err);
      return null;
    });
    if (lookup === null) return [];
    if (!lookup.unmarked && !lookup.clientIds) return batch;
    const earlier = await Promise.allSettled(batch.map((e) => earlierCopy(e, lookup)));
    return batch.filter((e, i) => {
      const found = earlier[i]!;
      if (found.status === 'rejected') {
        e.reject(found.reason);
        failWaitingIfDown(found.reason);
        return false;
      }
      if (found.value === null) return true;
      e.resolve({ created: false, campaign: found.value });
      return false;
    });
  }

  async function writeBatch(fresh: Entry[]): Promise<void> {
    if (fresh.length === 0) return;
    // queue first: a response can then never be stored without being queued for the summaries
    const tokens = await tally.queue(fresh.map((e) => e.doc));
    const docs = fresh.map((e, i) => ({ ...e.doc, queuedBy: tokens[i]! }));
    const stored = await insertEach(SurveyResponse.collection, docs.map(packedResponse));
    tally.stored(
      docs.filter((_, i) => !stored[i]).map((d) => unpackResponse(d)),
      docs.filter((_, i) => stored[i]).map((d) => d._id),
    );
    await Promise.all(
      fresh.map(async (e, i) => {
        const err = stored[i];
        if (!err) return e.resolve({ created: true });
        if (!isDuplicate(err)) return e.reject(err);
        const campaign = await campaignOf(e.doc._id).catch((cause: unknown) => cause);
        return typeof campaign === 'string' ? e.resolve({ created: false, campaign }) : e.reject(campaign ?? err);
      }),
    );
  }

  return { store, storedCampaign };
}

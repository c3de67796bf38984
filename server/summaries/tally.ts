import { randomUUID } from 'node:crypto';
import { SurveyResponse, type ResponseDoc } from '../responses/model.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { addParts, responseCounters, type CounterParts } from './counters.js';
import { Summary, summaryId, TallyBatch, TallyQueue } from './model.js';

// Counting responses into summaries without transactions, by one lease holder at a time:
//  1. take up to BATCH ids from the queue whose responses exist; record them as a TallyBatch;
//  2. per summary document: unless the batch id is already in its `pending` list, $inc the
//     batch's counters and push the id, in one atomic update;
//  3. settle: remove the ids from the queue, delete the batch, pull the batch id from `pending`.
// A death anywhere leaves the TallyBatch; `finishBatch` redoes 2–3 from it and step 2's guard
// keeps a document that was already incremented from being incremented twice.
const BATCH = 500;
const ORPHAN_AFTER_MS = 120_000;

async function countersFor(ids: string[], surveys: SurveyRegistry) {
  const groups = new Map<string, { pilotCode: string; waveId: string; parts: CounterParts }>();
  for (const id of ids) {
    const r = await SurveyResponse.findById(id).lean<ResponseDoc>();
    if (!r) continue;
    const key = `${r.pilotCode}|${r.waveId}`;
    const group = groups.get(key) ?? { pilotCode: r.pilotCode, waveId: r.waveId, parts: {} };
    addParts(group.parts, responseCounters(surveys.get(r.surveyId, r.surveyVersion), r.answers as Record<string, unknown>, r.day));
    groups.set(key, group);
  }
  return groups;
}

async function applyToSummary(batchId: string, _id: string, fields: { pilotCode: string; waveId: string; part: string }, counters: Record<string, number>) {
  const existing = await Summary.findById(_id, { pending: 1 }).lean<{ pending?: string[] }>();
  if (existing?.pending?.includes(batchId)) return; // applied before a crash
  const $inc = Object.fromEntries(Object.entries(counters).map(([k, v]) => [`c.${k}`, v]));
  await Summary.collection.updateOne({ _id: _id as never }, { $inc, $push: { pending: batchId } as never, $setOnInsert: fields }, { upsert: true });
}

export async function finishBatch(batchId: string, ids: string[], surveys: SurveyRegistry): Promise<number> {
  const touched: string[] = [];
  for (const { pilotCode, waveId, parts } of (await countersFor(ids, surveys)).values()) {
    for (const [part, counters] of Object.entries(parts)) {
      const _id = summaryId(pilotCode, waveId, part);
      touched.push(_id);
      await applyToSummary(batchId, _id, { pilotCode, waveId, part }, counters);
    }
  }
  await TallyQueue.deleteMany({ _id: { $in: ids } });
  // the batch goes before its pending marks: a batch id left in `pending` by a death here is
  // harmless (ids are random), whereas a batch without its marks would be counted again
  await TallyBatch.deleteOne({ _id: batchId });
  for (const _id of touched) await Summary.updateOne({ _id }, { $pull: { pending: batchId } });
  return ids.length;
}

// Queue ids whose response is missing are in flight (the queue is written first) or were left
// by a request that died before storing; those are dropped once seen missing for two minutes.
const missingSince = new Map<string, number>();

async function nextBatch(): Promise<string[] | null> {
  const queued = (await TallyQueue.find({}, { _id: 1 }).limit(BATCH).lean()).map((q) => q._id);
  if (queued.length === 0) return null;
  const ready: string[] = [];
  for (const id of queued) {
    if (await SurveyResponse.exists({ _id: id })) { ready.push(id); missingSince.delete(id); continue; }
    const since = missingSince.get(id) ?? Date.now();
    missingSince.set(id, since);
    if (Date.now() - since > ORPHAN_AFTER_MS) { await TallyQueue.deleteOne({ _id: id }); missingSince.delete(id); }
  }
  return ready;
}

// Counts every queued response; the caller must hold the tally lease.
export async function tallyPending(surveys: SurveyRegistry, keepLease: () => Promise<void> = async () => {}): Promise<number> {
  let total = 0;
  for (const left of await TallyBatch.find().lean()) total += await finishBatch(left._id, left.ids, surveys);
  for (let ids = await nextBatch(); ids && ids.length > 0; ids = await nextBatch()) {
    await keepLease();
    const batchId = randomUUID();
    await TallyBatch.create({ _id: batchId, ids });
    total += await finishBatch(batchId, ids, surveys);
  }
  return total;
}

// Exposed for the crash test: what a process dying after step 1 or part of step 2 leaves.
export const internals = { countersFor, applyToSummary };

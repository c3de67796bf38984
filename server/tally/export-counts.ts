import { isDuplicate } from '../platform/db/insert-each.js';
import { responseCursor } from '../responses/store.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { groupCounting, type CountedResponse, type Counters } from './counters.js';
import { packCounts } from './export-doc.js';
import { EXPORT_PART, ExportCount, Migration, summaryId } from './model.js';
import { uncountedResponses } from './uncounted.js';

const DONE = 'export-counts';
const WRITE_AT_ONCE = 100;
const READ_AT_ONCE = 1000;

type Groups = Map<string, { pilotCode: string; waveId: string; ex: Counters }>;

// The export counts of every response counted so far, from the stored responses: a response still
// to be counted (uncounted.ts) is left out, as its batch adds it (the caller holds the tally lease,
// so no batch runs meanwhile, and a response is queued before it is stored, so every uncounted
// response the scan read is still in the queue after it).
async function countedGroups(surveys: SurveyRegistry, keepLease: () => Promise<unknown>): Promise<Groups> {
  const all = groupCounting(surveys);
  const uncounted = groupCounting(surveys);
  const read = new Set<string>();
  const fields = { _id: 1, pilotCode: 1, waveId: 1, surveyId: 1, surveyVersion: 1, day: 1, answers: 1 };
  for await (const r of responseCursor({}, fields, READ_AT_ONCE)) {
    // a long scan keeps the lease (and stops if it was lost), so no batch can run meanwhile
    if (read.size % READ_AT_ONCE === 0) await keepLease();
    read.add(String(r._id));
    all.add(r as unknown as CountedResponse);
  }
  for (const r of await uncountedResponses()) if (read.has(r._id)) uncounted.add(r);
  const left = uncounted.groups();
  const groups: Groups = new Map();
  for (const [key, { pilotCode, waveId, parts }] of all.groups()) {
    const minus = left.get(key)?.parts.ex ?? {};
    const ex = Object.fromEntries(Object.entries(parts.ex ?? {}).map(([k, n]) => [k, n - (minus[k] ?? 0)]));
    groups.set(summaryId(pilotCode, waveId, EXPORT_PART), { pilotCode, waveId, ex });
  }
  return groups;
}

// A database counted before the export counts existed has none for the responses counted then.
// Once per database, by the tally lease holder before it counts anything new (tally.ts), they are
// rebuilt from the stored responses; a run cut short is redone whole, as it replaces them all.
export async function countExistingForExports(surveys: SurveyRegistry, keepLease: () => Promise<unknown>) {
  if (await Migration.exists({ _id: DONE })) return;
  const docs = [...(await countedGroups(surveys, keepLease))].map(([_id, { pilotCode, waveId, ex }]) => ({
    _id,
    pilotCode,
    waveId,
    part: EXPORT_PART,
    p: packCounts(Object.fromEntries(Object.entries(ex).filter(([, n]) => n !== 0))),
  }));
  await keepLease();
  await ExportCount.deleteMany({});
  for (let i = 0; i < docs.length; i += WRITE_AT_ONCE) {
    await keepLease();
    await ExportCount.insertMany(docs.slice(i, i + WRITE_AT_ONCE));
  }
  await recordExportCounts();
}

export async function recordExportCounts(): Promise<void> {
  await Migration.collection.insertOne({ _id: DONE as never }).catch((err: { code?: number }) => {
    if (!isDuplicate(err)) throw err;
  });
}

// Whether the export counts hold every counted response (false only until the first tally run
// of this version has rebuilt them).
export async function exportCountsReady(): Promise<boolean> {
  return (await Migration.exists({ _id: DONE })) !== null;
}

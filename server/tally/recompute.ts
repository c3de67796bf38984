import { responseCursor } from '../responses/store.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { groupCounting, mergeCounters, type CountedResponse, type CounterParts, type Counters } from './counters.js';
import { markCountedResponses } from './marks.js';
import { recordExportCounts } from './export-counts.js';
import { exportCountsOf, packCounts } from './export-doc.js';
import { EXPORT_PART, ExportCount, Summary, TallyBatch, TallyMark, TallyQueue } from './model.js';
import { countersOf } from './tally.js';
import { uncountedResponses } from './uncounted.js';

type Group = { pilotCode: string; waveId: string };
export type Difference = Group & { key: string; stored: number; recomputed: number };

// Recomputes every group's counters (by part) from the raw responses, streamed from a cursor.
async function recomputeParts(surveys: SurveyRegistry): Promise<Map<string, CounterParts>> {
  const counting = groupCounting(surveys);
  const cursor = responseCursor(
    {},
    { pilotCode: 1, waveId: 1, surveyId: 1, surveyVersion: 1, day: 1, answers: 1 },
    1000,
  );
  for await (const r of cursor) counting.add(r as unknown as CountedResponse);
  return new Map([...counting.groups()].map(([key, { parts }]) => [key, parts]));
}

export async function recomputeAll(surveys: SurveyRegistry): Promise<Map<string, Counters>> {
  return new Map([...(await recomputeParts(surveys))].map(([k, parts]) => [k, mergeCounters(Object.values(parts))]));
}

export async function storedAll(): Promise<Map<string, Counters>> {
  const byGroup = new Map<string, Counters[]>();
  const add = (d: { pilotCode: string; waveId: string }, c: Counters) => {
    const key = `${d.pilotCode}|${d.waveId}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), c]);
  };
  for await (const d of Summary.find({}, { pilotCode: 1, waveId: 1, c: 1 }).lean().cursor()) add(d, d.c as Counters);
  for await (const d of ExportCount.find({}, { pilotCode: 1, waveId: 1, p: 1, c: 1 }).lean().cursor())
    add(d, exportCountsOf(d));
  return new Map([...byGroup].map(([k, cs]) => [k, mergeCounters(cs)]));
}

// Counts must match exactly; sums of scores may differ by float rounding in the addition order.
export function compareCounters(stored: Map<string, Counters>, recomputed: Map<string, Counters>): Difference[] {
  const out: Difference[] = [];
  for (const group of new Set([...stored.keys(), ...recomputed.keys()])) {
    const [pilotCode = '', waveId = ''] = group.split('|');
    const a = stored.get(group) ?? {};
    const b = recomputed.get(group) ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = a[key] ?? 0;
      const y = b[key] ?? 0;
      if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)))
        out.push({ pilotCode, waveId, key, stored: x, recomputed: y });
    }
  }
  return out;
}

// Stored counters plus responses still queued for counting must equal a recompute from scratch.
// (An id queued again by the retry of a counted response is not counted twice: uncounted.ts.)
export async function verifySummaries(surveys: SurveyRegistry) {
  const [stored, recomputed, queued] = await Promise.all([storedAll(), recomputeAll(surveys), uncountedResponses()]);
  for (const [key, { parts }] of countersOf(queued, surveys))
    stored.set(key, mergeCounters([stored.get(key) ?? {}, ...Object.values(parts)]));
  return { groups: recomputed.size, pending: queued.length, differences: compareCounters(stored, recomputed) };
}

// The rebuild path: replace stored counters by a recompute. Run it with no server accepting
// responses (npm run summaries:verify -- --rebuild), since a concurrent tally would be overwritten.
export async function rebuildSummaries(surveys: SurveyRegistry): Promise<number> {
  const groups = await recomputeParts(surveys);
  await Summary.deleteMany({});
  await ExportCount.deleteMany({});
  await TallyQueue.deleteMany({});
  await TallyBatch.deleteMany({}); // a batch left by a dead process is in the recompute already
  for (const [key, parts] of groups) {
    const [pilotCode, waveId] = key.split('|');
    const docs = Object.entries(parts).map(([part, c]) => ({ _id: `${key}|${part}`, pilotCode, waveId, part, c }));
    await Summary.insertMany(docs.filter((d) => d.part !== EXPORT_PART));
    await ExportCount.insertMany(
      docs.filter((d) => d.part === EXPORT_PART).map(({ c, ...d }) => ({ ...d, p: packCounts(c) })),
    );
  }
  await recordExportCounts();
  // every response is counted now: those without a queue token marked afresh (dropped first, as
  // re-marking would collide on every id); the queue is empty, so no token can match an entry
  await TallyMark.collection.drop().catch((err: { code?: number }) => {
    if (err.code !== 26) throw err;
  }); // 26: none yet
  await markCountedResponses();
  return groups.size;
}

import { mergeCounters, type Counters } from './counters.js';
import { Summary, summaryId } from './model.js';

// The tally's read API: a council × wave's counters, part by part, each read by _id (the lookup
// FerretDB answers from its index). Parts: "main" and "bd:<question>" per demographic question.
export async function groupCounters(pilotCode: string, waveId: string, parts: string[]): Promise<Counters> {
  const docs = await Promise.all(
    parts.map((part) => Summary.findById(summaryId(pilotCode, waveId, part), { c: 1 }).lean<{ c: Counters }>()),
  );
  return mergeCounters(docs.map((d) => d?.c ?? {}));
}

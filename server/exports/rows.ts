import { responseBatches } from '../responses/store.js';
import type { Layout } from '../codec/columns.js';
import { groupKey } from '../codec/response-row.js';
import { encodeRow, type ResponseRow, type RowContext } from './encode.js';
import type { GroupRules } from './group-rules.js';
import type { Selection } from './selection.js';

// The one pass over the responses: a plain filtered scan — the shape FerretDB streams without
// sorting or buffering — that never reads the stored _id (the respondent's submission id). The
// next batch is read while this one is encoded (store.ts).
const FIELDS = { _id: 0, campaign: 1, pilotCode: 1, waveId: 1, surveyId: 1, surveyVersion: 1, day: 1, answers: 1 };
const BATCH = 1000;

export type Scanned = { totals: Map<string, number> };

// Encodes the rows of the groups kept as they are read and hands each, as JSON, to `add` (the
// shuffle); counts each group's rows on the way.
export async function scanRows(
  selection: Selection,
  layout: Layout,
  ctx: RowContext,
  kept: ReadonlyMap<string, GroupRules>,
  add: (line: string) => Promise<void> | void,
): Promise<Scanned> {
  const totals = new Map<string, number>();
  for await (const docs of responseBatches(selection.query, FIELDS, BATCH)) {
    for (const doc of docs) {
      const row = doc as unknown as ResponseRow;
      const key = groupKey(row.pilotCode, row.waveId);
      if (!kept.has(key)) continue;
      totals.set(key, (totals.get(key) ?? 0) + 1);
      await add(JSON.stringify(encodeRow(layout, row, ctx)));
    }
  }
  return { totals };
}

// The rows read must be the rows counted: a difference means responses arrived or left after the
// counters were read, and rows decided on other counts than the summaries' must not leave.
export function checkTotals(kept: ReadonlyMap<string, GroupRules>, scanned: Scanned): void {
  for (const [key, rules] of kept) {
    if ((scanned.totals.get(key) ?? 0) !== rules.total) {
      throw new Error('the responses changed while the export was being read; nothing more was sent, export again');
    }
  }
}
